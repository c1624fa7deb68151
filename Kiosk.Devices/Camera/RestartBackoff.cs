namespace QueueKiosk.Devices.Camera;

/// <summary>
/// Exponential restart delay: min, 2*min, 4*min ... capped at max. A healthy run resets it so a
/// camera that drops once a day restarts quickly, while a dead camera is retried rarely. Pure.
/// </summary>
public sealed class RestartBackoff
{
    private readonly TimeSpan _min;
    private readonly TimeSpan _max;

    public RestartBackoff(TimeSpan min, TimeSpan max)
    {
        if (min <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(min));
        if (max < min) throw new ArgumentOutOfRangeException(nameof(max));
        _min = min;
        _max = max;
    }

    /// <summary>Failed runs since the last healthy one.</summary>
    public int ConsecutiveFailures { get; private set; }

    /// <summary>Records a failed run and returns how long to wait before the next start.</summary>
    public TimeSpan NextDelay()
    {
        ConsecutiveFailures++;
        var exponent = Math.Min(ConsecutiveFailures - 1, 30);
        var ticks = _min.Ticks * Math.Pow(2, exponent);
        return ticks >= _max.Ticks ? _max : TimeSpan.FromTicks((long)ticks);
    }

    public void Reset() => ConsecutiveFailures = 0;
}
