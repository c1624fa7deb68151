using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Rest;

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
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, CounterView> _counters = [];
    private readonly List<CallView> _lastCalls = [];
    private List<ServiceWaitingView> _services = [];
    private long _version;
    private long _lastSequence;
    private bool _synced;
    private bool _hubConnected;
    private DateTimeOffset? _lastSyncAt;
    private string _news = newsLine;
    private string? _siteName;
    private SiteLogo? _siteLogo;

    public event Action<HallView>? Changed;

    public event Action<CallAnnouncement>? Announced;

    public HallView Current
    {
        get
        {
            lock (_gate)
            {
                return BuildView();
            }
        }
    }

    public void SetNewsLine(string text) => Mutate(() => _news = text);

    /// <summary>The site's name as the administrator set it; a change bumps the version so the pages redraw the title.</summary>
    public void SetSiteName(string name)
    {
        lock (_gate)
        {
            if (name == _siteName)
            {
                return;
            }
        }

        Mutate(() => _siteName = name);
    }

    /// <summary>The site's logo as last read from the hub, for <see cref="DisplayRoutes.SiteLogo"/>.</summary>
    public SiteLogo? SiteLogo
    {
        get
        {
            lock (_gate)
            {
                return _siteLogo;
            }
        }
    }

    /// <summary>The site's logo (null: none); only a different picture redraws the pages.</summary>
    public void SetSiteLogo(SiteLogo? logo)
    {
        lock (_gate)
        {
            if (logo?.Version == _siteLogo?.Version)
            {
                return;
            }
        }

        Mutate(() => _siteLogo = logo);
    }

    public void SetHubConnected(bool connected) => Mutate(() => _hubConnected = connected);

    /// <summary>Replaces everything with the hub's snapshot (after start, reconnect or a gap).</summary>
    public void ApplySnapshot(QueueSnapshotDto snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        Mutate(() =>
        {
            _counters.Clear();
            foreach (var c in snapshot.Counters)
            {
                _counters[c.Id] = ToView(c);
            }

            _lastCalls.Clear();
            foreach (var t in snapshot.RecentCalls
                .Where(t => t.CalledAt is not null && t.CounterNumber is not null)
                .OrderByDescending(t => t.CalledAt)
                .Take(lastCallsKept))
            {
                _lastCalls.Add(new CallView(t.Number, t.CounterNumber!.Value, t.CalledAt!.Value, t.RecallCount > 0));
            }

            _services = snapshot.Services.Where(s => s.Active).Select(ToView).ToList();
            _lastSequence = snapshot.LastSequence;
            _synced = true;
            _lastSyncAt = time.GetUtcNow();
        });
    }

    /// <summary>Applies one live event; on <see cref="ApplyOutcome.Gap"/> nothing is changed.</summary>
    public ApplyOutcome Apply(IHubEvent hubEvent)
    {
        ArgumentNullException.ThrowIfNull(hubEvent);
        CallAnnouncement? announcement = null;
        HallView view;
        lock (_gate)
        {
            if (hubEvent is QueueStatsEvent stats)
            {
                // Stats carry the last sequence they reflect, not a new one: apply unless older than the snapshot.
                if (stats.Sequence < _lastSequence && _synced)
                {
                    return ApplyOutcome.AlreadySeen;
                }

                _services = stats.Services.Where(s => s.Active).Select(ToView).ToList();
            }
            else
            {
                if (_synced && hubEvent.Sequence <= _lastSequence)
                {
                    return ApplyOutcome.AlreadySeen;
                }

                if (!_synced || hubEvent.Sequence != _lastSequence + 1)
                {
                    return ApplyOutcome.Gap;
                }

                _lastSequence = hubEvent.Sequence;
                announcement = ApplySequenced(hubEvent);
            }

            _version++;
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
                    foreach (var (id, c) in _counters.Where(kv => kv.Value.TicketNumber == changed.Ticket.Number).ToList())
                    {
                        _counters[id] = c with { TicketNumber = null };
                    }
                }

                return null;
            case CounterChangedEvent counterChanged:
                _counters[counterChanged.Counter.Id] = ToView(counterChanged.Counter);
                return null;
            default:
                return null;
        }
    }

    private void SetCounterTicket(Guid counterId, int counterNumber, string ticketNumber)
    {
        _counters[counterId] = _counters.TryGetValue(counterId, out var c)
            ? c with { TicketNumber = ticketNumber }
            : new CounterView(counterId, counterNumber, $"Quầy {counterNumber}", ticketNumber, CounterState.Open, null);
    }

    private void AddCall(CallView call)
    {
        _lastCalls.Insert(0, call);
        if (_lastCalls.Count > lastCallsKept)
        {
            _lastCalls.RemoveRange(lastCallsKept, _lastCalls.Count - lastCallsKept);
        }
    }

    private void Mutate(Action change)
    {
        HallView view;
        lock (_gate)
        {
            change();
            _version++;
            view = BuildView();
        }

        Changed?.Invoke(view);
    }

    private HallView BuildView() => new(
        _version,
        _hubConnected,
        _synced,
        _lastSequence,
        _lastSyncAt,
        _counters.Values.OrderBy(c => c.Number).ToList(),
        _lastCalls.ToList(),
        _services,
        _news,
        _siteName,
        _siteLogo is null ? null : $"{DisplayRoutes.SiteLogo}?v={_siteLogo.Version}");

    private static CounterView ToView(CounterDto c) =>
        new(c.Id, c.Number, c.Name, c.CurrentTicketNumber, c.State, c.PauseReason);

    private static ServiceWaitingView ToView(ServiceDto s) =>
        new(s.Code, s.Name, s.Prefix, s.WaitingCount, s.EstimatedWaitMinutes);
}
