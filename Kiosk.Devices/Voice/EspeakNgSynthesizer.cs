using System.Globalization;
using QueueKiosk.Devices.Processes;

namespace QueueKiosk.Devices.Voice;

/// <summary>espeak-ng settings. Vietnamese voices: vi (Northern), vi-vn-x-central, vi-vn-x-south.</summary>
public sealed record EspeakNgOptions
{
    public string Executable { get; init; } = "espeak-ng";

    public string Voice { get; init; } = "vi";

    /// <summary>Words per minute (espeak-ng -s); 80..450. Halls like it slow: 130.</summary>
    public int Rate { get; init; } = 130;

    /// <summary>Upper bound for one synthesis; the process is killed after it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(30);
}

/// <summary>Offline speech with espeak-ng: <c>espeak-ng -v vi -s 130 -w out.wav "text"</c>, one process per sentence.</summary>
public sealed class EspeakNgSynthesizer : ISpeechSynthesizer
{
    private readonly EspeakNgOptions _options;
    private Task? _voiceCheck;

    public EspeakNgSynthesizer(EspeakNgOptions? options = null)
    {
        _options = options ?? new EspeakNgOptions();
    }

    /// <summary>The command line for <paramref name="text"/>, for logs and docs.</summary>
    public IReadOnlyList<string> Arguments(string text, string outputPath)
    {
        ArgumentNullException.ThrowIfNull(text);

        // A leading '-' would be taken for an option; a leading space is not spoken.
        var spoken = text.StartsWith('-') ? " " + text : text;
        return ["-v", _options.Voice, "-s", _options.Rate.ToString(CultureInfo.InvariantCulture), "-w", outputPath, spoken];
    }

    public async Task<PcmAudio> SynthesizeAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        // espeak-ng silently falls back to its default voice for an unknown name: check once.
        _voiceCheck ??= EnsureVoiceExistsAsync();
        try
        {
            await _voiceCheck.WaitAsync(cancellationToken);
        }
        catch (SpeechSynthesisException)
        {
            _voiceCheck = null;
            throw;
        }

        var output = Path.Combine(Path.GetTempPath(), $"qk-espeak-{Guid.NewGuid():N}.wav");
        try
        {
            var result = await RunAsync(Arguments(text.Normalize(System.Text.NormalizationForm.FormC), output), cancellationToken);
            if (result.ExitCode != 0 || !File.Exists(output))
            {
                throw new SpeechSynthesisException($"espeak-ng lỗi (mã {result.ExitCode}, giọng '{_options.Voice}'): {result.StandardError.Trim()} / espeak-ng failed");
            }

            return WavFile.Read(await File.ReadAllBytesAsync(output, cancellationToken), output);
        }
        finally
        {
            File.Delete(output);
        }
    }

    /// <summary>The voices espeak-ng knows, by language and file name (e.g. "vi", "vi-vn-x-south", "aav/vi").</summary>
    public async Task<IReadOnlySet<string>> ListVoicesAsync(CancellationToken cancellationToken = default)
    {
        var listing = (await RunAsync(["--voices"], cancellationToken)).StandardOutput;
        var voices = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in listing.Split('\n').Skip(1))
        {
            // "Pty Language Age/Gender VoiceName File Other": language is column 2, file column 5.
            var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (columns.Length >= 5)
            {
                voices.Add(columns[1]);
                voices.Add(columns[4]);
                voices.Add(Path.GetFileName(columns[4]));
            }
        }

        return voices;
    }

    private async Task EnsureVoiceExistsAsync()
    {
        var voices = await ListVoicesAsync();
        if (!voices.Contains(_options.Voice))
        {
            throw new SpeechSynthesisException($"espeak-ng không có giọng '{_options.Voice}' (có: vi, vi-vn-x-central, vi-vn-x-south) / espeak-ng has no voice '{_options.Voice}'");
        }
    }

    /// <summary>Runs espeak-ng through the one process runner, with the configured time limit.</summary>
    private async Task<ProcessResult> RunAsync(IReadOnlyList<string> arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await ProcessRunner.RunAsync(new ProcessCommand(_options.Executable, arguments), _options.Timeout, cancellationToken);
        }
        catch (ProcessStartException e)
        {
            throw new SpeechSynthesisException($"không tìm thấy '{_options.Executable}': cài gói espeak-ng / '{_options.Executable}' not found: install espeak-ng", e);
        }
        catch (TimeoutException)
        {
            throw new SpeechSynthesisException($"espeak-ng chạy quá {_options.Timeout.TotalSeconds:0} giây / espeak-ng took longer than {_options.Timeout.TotalSeconds:0} s");
        }
    }
}
