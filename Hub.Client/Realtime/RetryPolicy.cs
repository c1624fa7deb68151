namespace QueueKiosk.HubClient.Realtime;

/// <summary>What a retry policy knows when asked for the next delay.</summary>
/// <param name="PreviousRetryCount">Attempts already made in this outage (0 before the first).</param>
/// <param name="ElapsedTime">Time since the connection was lost.</param>
/// <param name="RetryReason">Why the connection was lost or the last attempt failed.</param>
public sealed record RetryContext(long PreviousRetryCount, TimeSpan ElapsedTime, Exception? RetryReason);

/// <summary>Decides how long to wait before the next reconnect attempt; null means give up.</summary>
public interface IRetryPolicy
{
    TimeSpan? NextRetryDelay(RetryContext retryContext);
}

/// <summary>
/// Waits the listed delays in turn, then repeats the last one forever (or gives up when told to):
/// a display on a wall must come back whenever the server does, however long it was away.
/// </summary>
public sealed class BackoffRetryPolicy : IRetryPolicy
{
    /// <summary>0, 2, 5, 10, 30 s, then every 30 s.</summary>
    public static readonly IReadOnlyList<TimeSpan> DefaultDelays =
        [TimeSpan.Zero, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(30)];

    private readonly TimeSpan[] _delays;
    private readonly bool _repeatLast;

    public BackoffRetryPolicy(IEnumerable<TimeSpan>? delays = null, bool repeatLast = true)
    {
        _delays = [.. delays ?? DefaultDelays];
        if (_delays.Length == 0 || _delays.Any(d => d < TimeSpan.Zero))
        {
            throw new ArgumentException("Reconnect delays must be a non-empty list of non-negative times.", nameof(delays));
        }

        _repeatLast = repeatLast;
    }

    public IReadOnlyList<TimeSpan> Delays => _delays;

    public TimeSpan? NextRetryDelay(RetryContext retryContext)
    {
        ArgumentNullException.ThrowIfNull(retryContext);
        if (retryContext.PreviousRetryCount < _delays.Length)
        {
            return _delays[retryContext.PreviousRetryCount];
        }

        return _repeatLast ? _delays[^1] : null;
    }
}
