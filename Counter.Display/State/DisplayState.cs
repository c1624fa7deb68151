using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.CounterDisplay.State;

/// <summary>What applying a hub event did.</summary>
public enum ApplyOutcome
{
    /// <summary>The event was new and is now shown.</summary>
    Applied,

    /// <summary>Already included (an older or repeated sequence number): nothing changed.</summary>
    AlreadySeen,

    /// <summary>Events are missing before this one: the caller must fetch a snapshot.</summary>
    Gap,
}

/// <summary>
/// The display host's memory of what every counter shows. Snapshots replace everything; live
/// events change it in place and are checked against the site's sequence number so a missed
/// event is noticed (Gap) and a repeated one ignored. Thread-safe; raises <see cref="Changed"/>
/// after every visible change and <see cref="Announced"/> for every live call.
/// </summary>
public sealed class DisplayState(TimeProvider time, int lastCallsKept = 8, string newsLine = "")
{
    private readonly Lock gate = new();
    private readonly Dictionary<Guid, CounterView> counters = [];
    private readonly List<CallView> lastCalls = [];
    private List<ServiceWaitingView> services = [];
    private long version;
    private long lastSequence;
    private bool synced;
    private bool hubConnected;
    private DateTimeOffset? lastSyncAt;
    private string news = newsLine;

    public event Action<HallView>? Changed;

    public event Action<CallAnnouncement>? Announced;

    public HallView Current
    {
        get
        {
            lock (gate)
            {
                return BuildView();
            }
        }
    }

    public void SetNewsLine(string text) => Mutate(() => news = text);

    public void SetHubConnected(bool connected) => Mutate(() => hubConnected = connected);

    /// <summary>Replaces everything with the hub's snapshot (after start, reconnect or a gap).</summary>
    public void ApplySnapshot(QueueSnapshotDto snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Mutate(() =>
        {
            counters.Clear();
            foreach (var c in snapshot.Counters)
            {
                counters[c.Id] = ToView(c);
            }

            lastCalls.Clear();
            foreach (var t in snapshot.RecentCalls
                .Where(t => t.CalledAt is not null && t.CounterNumber is not null)
                .OrderByDescending(t => t.CalledAt)
                .Take(lastCallsKept))
            {
                lastCalls.Add(new CallView(t.Number, t.CounterNumber!.Value, t.CalledAt!.Value, t.RecallCount > 0));
            }

            services = snapshot.Services.Where(s => s.Active).Select(ToView).ToList();
            lastSequence = snapshot.LastSequence;
            synced = true;
            lastSyncAt = time.GetUtcNow();
        });
    }

    /// <summary>Applies one live event; on <see cref="ApplyOutcome.Gap"/> nothing is changed.</summary>
    public ApplyOutcome Apply(IHubEvent hubEvent)
    {
        ArgumentNullException.ThrowIfNull(hubEvent);
        CallAnnouncement? announcement = null;
        HallView view;
        lock (gate)
        {
            if (hubEvent is QueueStatsEvent stats)
            {
                // Stats carry the last sequence they reflect, not a new one: apply unless older than the snapshot.
                if (stats.Sequence < lastSequence && synced)
                {
                    return ApplyOutcome.AlreadySeen;
                }

                services = stats.Services.Where(s => s.Active).Select(ToView).ToList();
            }
            else
            {
                if (synced && hubEvent.Sequence <= lastSequence)
                {
                    return ApplyOutcome.AlreadySeen;
                }

                if (!synced || hubEvent.Sequence != lastSequence + 1)
                {
                    return ApplyOutcome.Gap;
                }

                lastSequence = hubEvent.Sequence;
                announcement = ApplySequenced(hubEvent);
            }

            version++;
            view = BuildView();
        }

        Changed?.Invoke(view);
        if (announcement is not null)
        {
            Announced?.Invoke(announcement);
        }

        return ApplyOutcome.Applied;
    }

    private CallAnnouncement? ApplySequenced(IHubEvent hubEvent)
    {
        switch (hubEvent)
        {
            case TicketCalledEvent called:
                SetCounterTicket(called.CounterId, called.CounterNumber, called.Ticket.Number);
                AddCall(new CallView(called.Ticket.Number, called.CounterNumber, called.Ticket.CalledAt ?? time.GetUtcNow(), false));
                return new CallAnnouncement(called.Ticket.Number, called.CounterNumber, false, called.Sequence);
            case TicketRecalledEvent recalled:
                SetCounterTicket(recalled.CounterId, recalled.CounterNumber, recalled.Ticket.Number);
                AddCall(new CallView(recalled.Ticket.Number, recalled.CounterNumber, time.GetUtcNow(), true));
                return new CallAnnouncement(recalled.Ticket.Number, recalled.CounterNumber, true, recalled.Sequence);
            case TicketChangedEvent changed:
                // A ticket that left its counter (served, no-show, transferred...) no longer shows there.
                if (changed.Ticket.Status is not (TicketStatus.Called or TicketStatus.Serving))
                {
                    foreach (var (id, c) in counters.Where(kv => kv.Value.TicketNumber == changed.Ticket.Number).ToList())
                    {
                        counters[id] = c with { TicketNumber = null };
                    }
                }

                return null;
            case CounterChangedEvent counterChanged:
                counters[counterChanged.Counter.Id] = ToView(counterChanged.Counter);
                return null;
            default:
                return null;
        }
    }

    private void SetCounterTicket(Guid counterId, int counterNumber, string ticketNumber)
    {
        counters[counterId] = counters.TryGetValue(counterId, out var c)
            ? c with { TicketNumber = ticketNumber }
            : new CounterView(counterId, counterNumber, $"Quầy {counterNumber}", ticketNumber, CounterState.Open, null);
    }

    private void AddCall(CallView call)
    {
        lastCalls.Insert(0, call);
        if (lastCalls.Count > lastCallsKept)
        {
            lastCalls.RemoveRange(lastCallsKept, lastCalls.Count - lastCallsKept);
        }
    }

    private void Mutate(Action change)
    {
        HallView view;
        lock (gate)
        {
            change();
            version++;
            view = BuildView();
        }

        Changed?.Invoke(view);
    }

    private HallView BuildView() => new(
        version,
        hubConnected,
        synced,
        lastSequence,
        lastSyncAt,
        counters.Values.OrderBy(c => c.Number).ToList(),
        lastCalls.ToList(),
        services,
        news);

    private static CounterView ToView(CounterDto c) =>
        new(c.Id, c.Number, c.Name, c.CurrentTicketNumber, c.State, c.PauseReason);

    private static ServiceWaitingView ToView(ServiceDto s) =>
        new(s.Code, s.Name, s.Prefix, s.WaitingCount, s.EstimatedWaitMinutes);
}
