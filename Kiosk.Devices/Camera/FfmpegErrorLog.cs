namespace QueueKiosk.Devices.Camera;

/// <summary>
/// Reads ffmpeg's stderr for as long as it writes: counts the lines, keeps the last cleaned ones
/// for a support page, and keeps the run's reason (a cause such as "Connection refused" wins over
/// the generic lines ffmpeg prints after it). None of the lines is logged one by one.
/// </summary>
internal sealed class FfmpegErrorLog
{
    private const int MaxRecentLines = 20;

    private readonly Lock _gate = new();
    private readonly Queue<string> _recent = new();
    private long _lines;
    private string? _runError;

    /// <summary>Raised with each line that becomes the run's reason.</summary>
    public event Action<string>? Reason;

    public long LineCount => Interlocked.Read(ref _lines);

    public IReadOnlyList<string> RecentLines
    {
        get
        {
            lock (_gate)
            {
                return [.. _recent];
            }
        }
    }

    /// <summary>The reason of the current run, null while ffmpeg has said nothing that counts.</summary>
    public string? RunError
    {
        get
        {
            lock (_gate)
            {
                return _runError;
            }
        }
    }

    public void StartRun()
    {
        lock (_gate)
        {
            _runError = null;
        }
    }

    /// <summary>Reads until end of file (ffmpeg's last words included) or <paramref name="giveUp"/>.</summary>
    public async Task ReadAsync(StreamReader stderr, CancellationToken giveUp)
    {
        try
        {
            while (await stderr.ReadLineAsync(giveUp) is { } line)
            {
                Add(line);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or ObjectDisposedException)
        {
        }
    }

    public void Add(string line)
    {
        Interlocked.Increment(ref _lines);
        if (FfmpegErrorLine.Clean(line) is not { } clean)
        {
            return;
        }

        bool isReason;
        lock (_gate)
        {
            _recent.Enqueue(clean);
            if (_recent.Count > MaxRecentLines)
            {
                _recent.Dequeue();
            }

            isReason = FfmpegErrorLine.IsMeaningful(clean) || _runError is null;
            if (isReason)
            {
                _runError = clean;
            }
        }

        if (isReason)
        {
            Reason?.Invoke(clean);
        }
    }
}
