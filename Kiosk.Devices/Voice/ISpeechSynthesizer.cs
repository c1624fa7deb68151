namespace QueueKiosk.Devices.Voice;

/// <summary>Turns a Vietnamese sentence into audio. espeak-ng and recorded clips today; any engine tomorrow.</summary>
public interface ISpeechSynthesizer
{
    /// <exception cref="SpeechSynthesisException">The engine failed (message says why, names the missing clip...).</exception>
    Task<PcmAudio> SynthesizeAsync(string text, CancellationToken cancellationToken = default);
}

/// <summary>Speech could not be made; the message names the cause (engine output, missing file).</summary>
public class SpeechSynthesisException : Exception
{
    public SpeechSynthesisException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>A clip the text needs is not in the clip folder.</summary>
public sealed class MissingVoiceClipException : SpeechSynthesisException
{
    public MissingVoiceClipException(string word, string fileName, string folder)
        : base($"Thiếu tệp âm thanh '{fileName}' cho từ '{word}' trong thư mục {folder} / missing voice clip '{fileName}' for '{word}' in {folder}")
    {
        Word = word;
        FileName = fileName;
    }

    public string Word { get; }

    public string FileName { get; }
}
