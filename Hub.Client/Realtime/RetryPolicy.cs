using Microsoft.AspNetCore.SignalR.Client;

namespace QueueKiosk.HubClient.Realtime;

/// <summary>
/// Waits the listed delays in turn, then repeats the last one forever (or gives up when told to):
/// a display on a wall must come back whenever the server does, however long it was away.
/// The official client's <see cref="IRetryPolicy"/>, given to WithAutomaticReconnect.
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
