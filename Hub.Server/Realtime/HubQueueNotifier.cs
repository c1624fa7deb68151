using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Realtime;

/// <summary>
/// Pushes committed events to the hub groups, in sequence order per site. Two transactions can
/// commit in one order and reach Publish in the other; a short reorder buffer puts them back in
/// order. A gap that is not filled within GapWait (a transaction that allocated a sequence and then
/// failed) is skipped: clients see the gap and fetch the snapshot, as they must on any gap.
/// Also pushes QueueStats for sites whose queue changed, at most once per stats interval.
/// <para>
/// A slow client never delays the others (issue 15 item 9). A group send writes to every fast
/// connection at once and only waits for connections whose buffer (SignalR's pipe, bounded by
/// RealtimeExtensions.ClientBufferBytes) is full, so sends are not awaited here: they go out in
/// order and each is given QueueOptions.SlowClientAllowanceSeconds. A connection that has not taken its
/// bytes by then has its write cancelled, which makes SignalR drop the connection; the client
/// reconnects and fetches the snapshot, as on any reconnect (web/live-feed.js, Hub.Client).
/// </para>
/// </summary>
public sealed class HubQueueNotifier(
    IHubContext<QueueHub> hub,
    IServiceScopeFactory scopes,
    IOptions<QueueOptions> options,
    ILogger<HubQueueNotifier> logger) : BackgroundService, IQueueNotifier
{
    private static readonly TimeSpan GapWait = TimeSpan.FromSeconds(1);
    private readonly TimeSpan _slowClientAllowance = TimeSpan.FromSeconds(options.Value.SlowClientAllowanceSeconds);
    private readonly Channel<IHubEvent> _events = Channel.CreateUnbounded<IHubEvent>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Dictionary<Guid, SiteStream> _streams = [];
    private readonly HashSet<Guid> _dirty = [];
    private readonly Lock _dirtyLock = new();

    public void Publish(IHubEvent hubEvent) => _events.Writer.TryWrite(hubEvent);

    public void MarkDirty(Guid siteId)
    {
        lock (_dirtyLock)
        {
            _dirty.Add(siteId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var statsEvery = TimeSpan.FromMilliseconds(options.Value.StatsIntervalMilliseconds);
        var nextStats = Environment.TickCount64 + (long)statsEvery.TotalMilliseconds;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                wait.CancelAfter(TimeSpan.FromMilliseconds(200));
                try
                {
                    await _events.Reader.WaitToReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                }

                while (_events.Reader.TryRead(out var e))
                {
                    Accept(e);
                }

                FlushStaleGaps();
                if (Environment.TickCount64 >= nextStats)
                {
                    nextStats = Environment.TickCount64 + (long)statsEvery.TotalMilliseconds;
                    await PushStatsAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                // A hub send failing must never stop later events from going out.
                logger.LogWarning(ex, "Pushing queue events failed");
            }
        }
    }

    private void Accept(IHubEvent e)
    {
        if (!_streams.TryGetValue(e.SiteId, out var stream))
        {
            stream = new SiteStream { Next = e.Sequence };
            _streams[e.SiteId] = stream;
        }

        if (e.Sequence < stream.Next)
        {
            Send(e);
            return;
        }

        stream.Pending[e.Sequence] = (e, Environment.TickCount64);
        Drain(stream);
    }

    private void Drain(SiteStream stream)
    {
        while (stream.Pending.Remove(stream.Next, out var item))
        {
            Send(item.Event);
            stream.Next++;
        }
    }

    private void FlushStaleGaps()
    {
        var now = Environment.TickCount64;
        foreach (var stream in _streams.Values)
        {
            while (stream.Pending.Count > 0)
            {
                var first = stream.Pending.First();
                if (now - first.Value.Queued < (long)GapWait.TotalMilliseconds)
                {
                    break;
                }

                stream.Next = first.Key;
                Drain(stream);
            }
        }
    }

    private async Task PushStatsAsync(CancellationToken ct)
    {
        Guid[] sites;
        lock (_dirtyLock)
        {
            if (_dirty.Count == 0)
            {
                return;
            }

            sites = [.. _dirty];
            _dirty.Clear();
        }

        await using var scope = scopes.CreateAsyncScope();
        var reader = scope.ServiceProvider.GetRequiredService<QueueReader>();
        foreach (var siteId in sites)
        {
            var services = await reader.ServicesAsync(siteId, ct);
            var stats = new QueueStatsEvent(await reader.LastSequenceAsync(siteId, ct), siteId, services, services.Sum(s => s.WaitingCount));
            Deliver(deadline => hub.Clients.Groups([HubGroups.Site(siteId), HubGroups.Displays(siteId), HubGroups.Supervisors(siteId)])
                .SendAsync(HubEvents.QueueStats, stats, deadline));
        }
    }

    private void Send(IHubEvent e)
    {
        var site = HubGroups.Site(e.SiteId);
        var displays = HubGroups.Displays(e.SiteId);
        var supervisors = HubGroups.Supervisors(e.SiteId);
        Deliver(deadline => e switch
        {
            TicketIssuedEvent x => hub.Clients.Groups([site, supervisors]).SendAsync(HubEvents.TicketIssued, x, deadline),
            TicketCalledEvent x => hub.Clients.Groups([site, displays, supervisors, HubGroups.Counter(x.CounterId)]).SendAsync(HubEvents.TicketCalled, x, deadline),
            TicketRecalledEvent x => hub.Clients.Groups([site, displays, supervisors, HubGroups.Counter(x.CounterId)]).SendAsync(HubEvents.TicketRecalled, x, deadline),
            TicketChangedEvent x => hub.Clients.Groups(x.Ticket.CounterId is { } c ? [site, displays, supervisors, HubGroups.Counter(c)] : [site, displays, supervisors])
                .SendAsync(HubEvents.TicketChanged, x, deadline),
            CounterChangedEvent x => hub.Clients.Groups([site, displays, supervisors, HubGroups.Counter(x.Counter.Id)]).SendAsync(HubEvents.CounterChanged, x, deadline),
            _ => Task.CompletedTask,
        });
    }

    /// <summary>
    /// Starts a group send without waiting for it: the fast connections have their bytes when
    /// this returns; a full one gets until the deadline, then its write is cancelled and SignalR
    /// drops it.
    /// </summary>
    private void Deliver(Func<CancellationToken, Task> send)
    {
        var deadline = new CancellationTokenSource(_slowClientAllowance);
        Task sending;
        try
        {
            sending = send(deadline.Token);
        }
        catch
        {
            deadline.Dispose();
            throw;
        }

        if (sending.IsCompleted)
        {
            deadline.Dispose();
            Observe(sending);
            return;
        }

        _ = sending.ContinueWith(done =>
        {
            deadline.Dispose();
            Observe(done);
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private void Observe(Task sent)
    {
        if (sent.IsFaulted)
        {
            logger.LogWarning(sent.Exception, "Pushing a queue event failed");
        }
        else if (sent.IsCanceled)
        {
            logger.LogInformation("A hub client did not take its events within {Allowance}; it was dropped and will resync", _slowClientAllowance);
        }
    }

    private sealed class SiteStream
    {
        public long Next { get; set; }

        public SortedDictionary<long, (IHubEvent Event, long Queued)> Pending { get; } = [];
    }
}
