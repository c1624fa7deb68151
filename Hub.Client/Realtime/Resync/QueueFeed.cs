using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubClient.Realtime.Resync;

/// <summary>Settings of a <see cref="QueueFeed"/>.</summary>
public sealed class QueueFeedOptions
{
    public Guid SiteId { get; set; }

    /// <summary>
    /// Joins the groups whose events this feed follows, on every (re)connect, before the snapshot is
    /// taken (so no event falls between the two). Default: JoinSite(SiteId). The groups must
    /// carry every sequenced event of the site, or the feed sees gaps all the time.
    /// </summary>
    public Func<IHubConnection, CancellationToken, Task>? JoinGroups { get; set; }

    public ILogger Logger { get; set; } = NullLogger.Instance;
}

/// <summary>
/// Keeps a client in step with the site's queue: typed hub events applied in sequence order, a
/// snapshot after every (re)connect and whenever an event shows that some were missed, and
/// duplicates or events already in the snapshot dropped. Handlers run one at a time, in order.
/// </summary>
public sealed class QueueFeed : IDisposable
{
    private readonly IHubConnection _connection;
    private readonly ISnapshotSource _snapshots;
    private readonly QueueFeedOptions _options;
    private readonly ILogger _logger;
    private readonly SequenceTracker _tracker = new();
    private readonly SemaphoreSlim _order = new(1, 1);
    private readonly List<IDisposable> _subscriptions = [];
    private bool _resyncPending = true;

    public QueueFeed(IHubConnection connection, ISnapshotSource snapshots, QueueFeedOptions options)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(snapshots);
        ArgumentNullException.ThrowIfNull(options);
        if (options.SiteId == Guid.Empty)
        {
            throw new ArgumentException("QueueFeedOptions.SiteId is required.", nameof(options));
        }

        _connection = connection;
        _snapshots = snapshots;
        _options = options;
        _logger = options.Logger;

        _subscriptions.Add(connection.OnConnected(OnConnectedAsync));
        Subscribe<TicketIssuedEvent>(HubEvents.TicketIssued, takesNewNumber: true, () => TicketIssued);
        Subscribe<TicketCalledEvent>(HubEvents.TicketCalled, takesNewNumber: true, () => TicketCalled);
        Subscribe<TicketRecalledEvent>(HubEvents.TicketRecalled, takesNewNumber: true, () => TicketRecalled);
        Subscribe<TicketChangedEvent>(HubEvents.TicketChanged, takesNewNumber: true, () => TicketChanged);
        Subscribe<CounterChangedEvent>(HubEvents.CounterChanged, takesNewNumber: true, () => CounterChanged);
        Subscribe<QueueStatsEvent>(HubEvents.QueueStats, takesNewNumber: false, () => QueueStats);
    }

    /// <summary>A fresh full state: replace whatever is shown with it.</summary>
    public event Func<QueueSnapshotDto, Task>? SnapshotReceived;

    public event Func<TicketIssuedEvent, Task>? TicketIssued;

    public event Func<TicketCalledEvent, Task>? TicketCalled;

    public event Func<TicketRecalledEvent, Task>? TicketRecalled;

    public event Func<TicketChangedEvent, Task>? TicketChanged;

    public event Func<CounterChangedEvent, Task>? CounterChanged;

    public event Func<QueueStatsEvent, Task>? QueueStats;

    /// <summary>Raised when an event shows missed ones: (last applied, sequence received).</summary>
    public event Action<long?, long>? GapDetected;

    public Guid SiteId => _options.SiteId;

    /// <summary>The last site sequence number applied (from an event or a snapshot).</summary>
    public long? LastSequence => _tracker.Last;

    public QueueSnapshotDto? LastSnapshot { get; private set; }

    public int SnapshotCount { get; private set; }

    public int GapCount { get; private set; }

    public int StaleCount { get; private set; }

    /// <summary>Fetches a snapshot now (also done automatically after each connect and on gaps).</summary>
    public async Task ResyncAsync(CancellationToken cancellationToken = default)
    {
        await _order.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await ResyncLockedAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _order.Release();
        }
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }

        _subscriptions.Clear();
        _order.Dispose();
    }

    private void Subscribe<TEvent>(string target, bool takesNewNumber, Func<Func<TEvent, Task>?> handlers)
        where TEvent : class, IHubEvent =>
        _subscriptions.Add(_connection.On<TEvent>(target, e => ApplyAsync(e, takesNewNumber, handlers)));

    private async Task OnConnectedAsync(IHubConnection connection, CancellationToken cancellationToken)
    {
        // Join first, then snapshot: an event raised in between arrives after the join and is
        // either in the snapshot (dropped as stale) or after it (applied).
        if (_options.JoinGroups is { } join)
        {
            await join(connection, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await connection.InvokeAsync(HubMethods.JoinSite, _options.SiteId, cancellationToken).ConfigureAwait(false);
        }

        await ResyncAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task ApplyAsync<TEvent>(TEvent hubEvent, bool takesNewNumber, Func<Func<TEvent, Task>?> handlers)
        where TEvent : class, IHubEvent
    {
        if (hubEvent.SiteId != _options.SiteId)
        {
            _logger.LogDebug("Event {Type} of another site {SiteId} ignored.", typeof(TEvent).Name, hubEvent.SiteId);
            return;
        }

        await _order.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_resyncPending && !await TryResyncAsync().ConfigureAwait(false))
            {
                // Still no snapshot: show the event anyway (a call must reach the screen) and try again on the next.
                await RaiseAsync(handlers(), hubEvent).ConfigureAwait(false);
                _tracker.Advance(hubEvent.Sequence);
                return;
            }

            switch (_tracker.Judge(hubEvent.Sequence, takesNewNumber))
            {
                case SequenceVerdict.Stale:
                    StaleCount++;
                    return;
                case SequenceVerdict.Gap when !takesNewNumber:
                    // Statistics name the database's last number, which can run ahead of events still
                    // on their way (the server's reorder buffer). Resyncing here would swallow those
                    // events into a snapshot (a call never announced), so show the figures and let a
                    // real gap show itself on the next numbered event.
                    await RaiseAsync(handlers(), hubEvent).ConfigureAwait(false);
                    return;
                case SequenceVerdict.Gap:
                    GapCount++;
                    _logger.LogInformation("Sequence gap: last {Last}, received {Sequence}; fetching a snapshot.", _tracker.Last, hubEvent.Sequence);
                    Raise(GapDetected, _tracker.Last, hubEvent.Sequence);
                    _resyncPending = true;
                    await TryResyncAsync().ConfigureAwait(false);
                    if (_tracker.Last is { } last && hubEvent.Sequence <= last)
                    {
                        // The snapshot already holds this event.
                        StaleCount++;
                        return;
                    }

                    break;
            }

            await RaiseAsync(handlers(), hubEvent).ConfigureAwait(false);
            _tracker.Advance(hubEvent.Sequence);
        }
        finally
        {
            _order.Release();
        }
    }

    private async Task<bool> TryResyncAsync()
    {
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            await ResyncLockedAsync(timeout.Token).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidDataException or System.Text.Json.JsonException)
        {
            _logger.LogWarning(ex, "Fetching the queue snapshot failed; will retry on the next event or reconnect.");
            return false;
        }
    }

    private async Task ResyncLockedAsync(CancellationToken cancellationToken)
    {
        _resyncPending = true;
        var snapshot = await _snapshots.GetSnapshotAsync(_options.SiteId, cancellationToken).ConfigureAwait(false);
        _tracker.ResetTo(snapshot.LastSequence);
        LastSnapshot = snapshot;
        SnapshotCount++;
        _resyncPending = false;
        await RaiseAsync(SnapshotReceived, snapshot).ConfigureAwait(false);
    }

    private async Task RaiseAsync<T>(Func<T, Task>? handlers, T argument)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Func<T, Task>>())
        {
            try
            {
                await handler(argument).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "A QueueFeed handler for {Type} failed.", typeof(T).Name);
            }
        }
    }

    private void Raise(Action<long?, long>? handlers, long? last, long received)
    {
        try
        {
            handlers?.Invoke(last, received);
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A GapDetected handler failed.");
        }
    }
}
