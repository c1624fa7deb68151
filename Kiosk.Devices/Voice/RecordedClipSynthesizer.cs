using System.Globalization;
using System.Text;

namespace QueueKiosk.Devices.Voice;

/// <summary>
/// Speech from a folder of recorded clips, one WAV per word or phrase (hardware-docs/voice.md).
/// For each position in the sentence the longest phrase that has a clip wins:
/// "xin_mời_công_dân.wav" before "xin.wav"; names are lower-case NFC words joined by '_'; a name
/// without diacritics ("xin_moi.wav") is accepted too, and a digit word may be "0.wav" .. "9.wav".
/// Commas and full stops become short silences. Every clip must have the same format.
/// </summary>
public sealed class RecordedClipSynthesizer : ISpeechSynthesizer
{
    public const int LongestPhrase = 8;
    private static readonly string[] DigitWords = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
    private readonly string _folder;
    private readonly PcmFormat _format;

    public RecordedClipSynthesizer(string folder, PcmFormat? format = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        _folder = Path.GetFullPath(folder);
        _format = format ?? PcmFormat.Speech;
    }

    public TimeSpan CommaPause { get; init; } = TimeSpan.FromMilliseconds(150);

    public TimeSpan SentencePause { get; init; } = TimeSpan.FromMilliseconds(350);

    public async Task<PcmAudio> SynthesizeAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (!Directory.Exists(_folder))
        {
            throw new SpeechSynthesisException($"Không có thư mục âm thanh {_folder} / voice clip folder {_folder} does not exist");
        }

        var tokens = Tokenize(text);
        var pieces = new List<PcmAudio>();
        var i = 0;
        // Bounded: every pass consumes at least one token.
        while (i < tokens.Count)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (tokens[i] == ",")
            {
                pieces.Add(PcmAudio.Silence(_format, CommaPause));
                i++;
                continue;
            }

            if (tokens[i] == ".")
            {
                pieces.Add(PcmAudio.Silence(_format, SentencePause));
                i++;
                continue;
            }

            var (path, used) = FindLongestClip(tokens, i);
            if (path is null)
            {
                throw new MissingVoiceClipException(tokens[i], tokens[i] + ".wav", _folder);
            }

            var clip = WavFile.Read(await File.ReadAllBytesAsync(path, cancellationToken), Path.GetFileName(path));
            if (clip.Format != _format)
            {
                throw new SpeechSynthesisException($"Tệp '{Path.GetFileName(path)}' có định dạng {clip.Format}, cần {_format} / clip '{Path.GetFileName(path)}' is {clip.Format}, every clip must be {_format}");
            }

            pieces.Add(clip);
            i += used;
        }

        return PcmAudio.Concat(_format, pieces);
    }

    /// <summary>Lower-case NFC words, with "," and "." kept as their own tokens.</summary>
    public static List<string> Tokenize(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var tokens = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC).ToLower(CultureInfo.GetCultureInfo("vi-VN")))
        {
            if (char.IsLetterOrDigit(c) || c == '-')
            {
                word.Append(c);
                continue;
            }

            Flush();
            if (c is ',' or ';' or ':')
            {
                tokens.Add(",");
            }
            else if (c is '.' or '!' or '?')
            {
                tokens.Add(".");
            }
        }

        Flush();
        return tokens;

        void Flush()
        {
            if (word.Length > 0)
            {
                tokens.Add(word.ToString());
                word.Clear();
            }
        }
    }

    /// <summary>Names tried for a phrase, best first.</summary>
    public static IEnumerable<string> CandidateFileNames(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var joined = string.Join('_', words);
        yield return joined + ".wav";
        var folded = FoldDiacritics(joined);
        if (folded != joined)
        {
            yield return folded + ".wav";
        }

        if (words.Count == 1 && Array.IndexOf(DigitWords, words[0]) is var digit and >= 0)
        {
            yield return digit.ToString(CultureInfo.InvariantCulture) + ".wav";
        }
    }

    /// <summary>"mời" -> "moi", "đến" -> "den": for clip names typed on keyboards without Vietnamese input.</summary>
    public static string FoldDiacritics(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    private (string? Path, int Used) FindLongestClip(List<string> tokens, int start)
    {
        var maxLength = 0;
        while (maxLength < LongestPhrase && start + maxLength < tokens.Count && tokens[start + maxLength] is not ("," or "."))
        {
            maxLength++;
        }

        for (var length = maxLength; length >= 1; length--)
        {
            foreach (var name in CandidateFileNames(tokens.GetRange(start, length)))
            {
                var path = Path.Combine(_folder, name);
                if (File.Exists(path))
                {
                    return (path, length);
                }
            }
        }

        return (null, 0);
    }
}
