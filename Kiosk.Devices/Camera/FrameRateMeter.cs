namespace QueueKiosk.Devices.Camera;

/// <summary>Preview frames per second over the last few seconds of the current run.</summary>
internal sealed class FrameRateMeter(TimeProvider time)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(3);

    private readonly Lock _gate = new();
    private readonly Queue<DateTimeOffset> _frames = new();
    private DateTimeOffset _runStart;

    /// <summary>A new run starts: frames of the last one no longer count.</summary>
    public void StartRun()
    {
        lock (_gate)
        {
            _frames.Clear();
            _runStart = time.GetUtcNow();
        }
    }

    public void Frame(DateTimeOffset at)
    {
        lock (_gate)
        {
            _frames.Enqueue(at);
            Trim(at);
        }
    }

    /// <summary>0 until half a second of the run has passed, so a first frame does not read as a huge rate.</summary>
    public double Fps()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            Trim(now);
            var window = now - _runStart < Window ? now - _runStart : Window;
            return window > TimeSpan.FromMilliseconds(500) ? Math.Round(_frames.Count / window.TotalSeconds, 1) : 0;
        }
    }

    private void Trim(DateTimeOffset now)
    {
        while (_frames.Count > 0 && now - _frames.Peek() > Window)
        {
            _frames.Dequeue();
        }
    }
}
