using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Services;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue.Journal;
using QueueKiosk.HubServer.Ratings;

namespace QueueKiosk.HubServer.Queue;

/// <summary>Who asks: kept on every TicketEvent.</summary>
public readonly record struct Actor(Guid? OfficerId, Guid? DeviceId)
{
    public static readonly Actor System = default;
}

/// <summary>What a booking's check-in adds to the ticket it issues: the slot's start (Unix ms) when the service serves appointments at their slot time, and the booking's citizen hash.</summary>
public sealed record AppointmentIssue(long? AtMs, string? CitizenIdHash);

/// <summary>
/// The queue rules. Every action is decided against the live queue in memory while holding its
/// gate, so two counters calling at once never get the same ticket; it records what it changed
/// (rows, TicketEvents with the site's next sequence numbers, hub notifications) in a journal entry
/// and answers only once the journal has committed that entry. An action that fails half-way
/// leaves memory as it found it.
/// </summary>
public sealed class QueueEngine(
    HubDbContext db,
    CatalogueCache catalogueCache,
    LiveQueue live,
    QueueJournal journal,
    TimeProvider time,
    WaitEstimator estimator,
    SequenceAllocator sequences,
    IOptions<QueueOptions> options,
    Tracking.TrackingLinks trackingLinks)
{
    // ---------------------------------------------------------------- tickets

    /// <param name="appointment">Set by the check-in of a booking (Appointments/CheckIn): the slot time the call order serves it at, and the booking's citizen hash.</param>
    public async Task<TicketDto> IssueAsync(IssueTicketRequest request, Actor actor, CancellationToken ct, AppointmentIssue? appointment = null)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var site = catalogue.ResolveSite(request.SiteId) ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        var service = ResolveService(catalogue, site, request);
        // Only the hash is kept (Citizens/CitizenIdHash); the number leaves with this request.
        var citizenIdHash = appointment?.CitizenIdHash
            ?? Citizens.CitizenIdHash.OfOptional(request.CitizenIdNumber, site.Site.CitizenIdSalt, "citizenIdNumber");
        AcceptedPriorities.EnsureAccepted(catalogue, service, request.Priority);
        var now = Now();
        // IgnoreOpeningHours (demo, tests) ignores the calendar's holidays too.
        if (!options.Value.IgnoreOpeningHours && !site.Calendar.IsOpen(now))
        {
            throw Closed(site, now);
        }

        var localDay = site.Hours.LocalDay(now);
        return await DecideAsync(site.Site.Id, catalogue, async change =>
        {
            var number = await NextNumberAsync(change, site.Site.Id, service, localDay, ct);
            var ticket = Ticket.Issue(site.Site.Id, service, request.ProcedureId, localDay, number, request.Priority, request.Channel, now,
                citizenIdHash, appointment?.AtMs);
            change.Add(ticket);
            var ahead = PeopleAhead(ticket, catalogue, now);
            var dto = ticket.ToDto(catalogue, ahead, estimator.EstimateMinutes(service, ahead));
            change.Add(Event(ticket, TicketEventKind.Issued, actor, now), seq => new TicketIssuedEvent(seq, ticket.SiteId, dto));
            // The link (with its secret) goes to the issuing kiosk for the QR code, never to the hub's broadcast.
            return dto with { TrackingUrl = trackingLinks.UrlFor(ticket.TrackingToken) };
        }, ct);
    }

    /// <summary>Calls the next ticket for the counter, finishing the one it was serving. Null when nobody waits.</summary>
    public async Task<TicketDto?> CallNextAsync(Guid counterId, Actor actor, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var info = CounterInfoOf(catalogue, counterId);
        var now = Now();
        return await DecideAsync(info.SiteId, catalogue, change =>
        {
            var counter = change.Counter(counterId);
            counter.EnsureCanCall();
            FinishCurrent(change, counter, catalogue, actor, now);
            var next = CallOrder.Next(live.Waiting(info.SiteId), CallingCounter.Of(info, catalogue), now);
            return Task.FromResult(next is null ? null : CallTicket(change, change.Ticket(next), counter, info, catalogue, actor, now));
        }, ct);
    }

    /// <param name="officer">True when an officer asks: they call only tickets their counter may act on (issue 15 item 5); a supervisor may call any.</param>
    public async Task<TicketDto> CallSpecificAsync(Guid counterId, Guid ticketId, Actor actor, CancellationToken ct, bool officer = false)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var info = CounterInfoOf(catalogue, counterId);
        var now = Now();
        return await DecideAsync(info.SiteId, catalogue, async change =>
        {
            var counter = change.Counter(counterId);
            counter.EnsureCanCall();
            var open = live.OpenTickets.GetValueOrDefault(ticketId);
            if (open is null || open.SiteId != info.SiteId)
            {
                throw await NotOpenAsync(ticketId, info.SiteId, ct);
            }

            if (officer)
            {
                EnsureCounterMayActOn(open, info, catalogue);
            }

            var ticket = change.Ticket(open);
            if (ticket.Status != TicketStatus.Waiting)
            {
                throw new DomainException(Errors.TicketBadStatus.With(ticket.Number, ticket.Status.ToString()));
            }

            FinishCurrent(change, counter, catalogue, actor, now);
            return CallTicket(change, ticket, counter, info, catalogue, actor, now);
        }, ct);
    }

    public Task<TicketDto> RecallAsync(Guid counterId, Actor actor, CancellationToken ct) =>
        CurrentTicketActionAsync(counterId, ct, (ticket, counter, info, catalogue, now, change) =>
        {
            ticket.Recall();
            var dto = ticket.ToDto(catalogue);
            change.Add(Event(ticket, TicketEventKind.Recalled, actor, now),
                seq => new TicketRecalledEvent(seq, ticket.SiteId, dto, info.Id, info.Number, ticket.RecallCount));
            return dto;
        });

    public Task<TicketDto> StartAsync(Guid counterId, Actor actor, CancellationToken ct) =>
        CurrentTicketActionAsync(counterId, ct, (ticket, _, _, catalogue, now, change) =>
        {
            ticket.Start(now);
            return Changed(change, ticket, TicketEventKind.Started, catalogue, actor, now);
        });

    public Task<TicketDto> FinishAsync(Guid counterId, Actor actor, CancellationToken ct) =>
        CurrentTicketActionAsync(counterId, ct, (ticket, counter, _, catalogue, now, change) =>
        {
            counter.CurrentTicketId = null;
            return Close(change, ticket, catalogue, actor, now);
        });

    public Task<TicketDto> NoShowAsync(Guid counterId, Actor actor, CancellationToken ct) =>
        CurrentTicketActionAsync(counterId, ct, (ticket, counter, _, catalogue, now, change) =>
        {
            ticket.MarkNoShow(now);
            counter.CurrentTicketId = null;
            return Changed(change, ticket, TicketEventKind.NoShow, catalogue, actor, now);
        });

    /// <summary>Sends the counter's current ticket to another service or counter; it keeps its number and issue time.</summary>
    public async Task<TicketDto> TransferAsync(Guid counterId, TransferTicketRequest request, Actor actor, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var info = CounterInfoOf(catalogue, counterId);
        if (request.ServiceId is null && request.CounterId is null)
        {
            throw new DomainException(Errors.TransferTargetRequired, "serviceId");
        }

        if (request.ServiceId is { } serviceId && (!catalogue.Services.TryGetValue(serviceId, out var s) || s.SiteId != info.SiteId))
        {
            throw new DomainException(Errors.ServiceNotFound, "serviceId");
        }

        if (request.ServiceId is { } retiredId && !catalogue.Services[retiredId].Active)
        {
            throw new DomainException(Errors.ServiceRetired.With(catalogue.Services[retiredId].Code), "serviceId");
        }

        if (request.CounterId is { } targetId && (!catalogue.Counters.TryGetValue(targetId, out var target) || target.SiteId != info.SiteId || targetId == counterId || !target.Active))
        {
            throw new DomainException(Errors.BadTargetCounter, "counterId");
        }

        return await CurrentTicketActionAsync(counterId, ct, (ticket, counter, _, cat, now, change) =>
        {
            live.RememberTransfer(ticket.Id, new TransferMemo(ticket.Copy(), counterId, actor.OfficerId, now));
            ticket.Transfer(request.ServiceId, request.CounterId);
            counter.CurrentTicketId = null;
            return Changed(change, ticket, TicketEventKind.Transferred, cat, actor, now, request.Reason);
        });
    }

    /// <param name="officerCounterId">
    /// The counter of the officer who asks, who cancels only tickets that counter may act on (issue 15
    /// item 5); null for a supervisor, who may cancel any.
    /// </param>
    public async Task<TicketDto> CancelAsync(Guid ticketId, string? reason, Actor actor, CancellationToken ct, Guid? officerCounterId = null)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var siteId = await db.Tickets.Where(t => t.Id == ticketId).Select(t => (Guid?)t.SiteId).FirstOrDefaultAsync(ct)
            ?? throw new DomainException(Errors.TicketNotFound, "ticketId");
        var now = Now();
        return await DecideAsync(siteId, catalogue, async change =>
        {
            var open = live.OpenTickets.GetValueOrDefault(ticketId) ?? throw await NotOpenAsync(ticketId, siteId, ct);
            if (officerCounterId is { } own)
            {
                EnsureCounterMayActOn(open, CounterInfoOf(catalogue, own), catalogue);
            }

            var ticket = change.Ticket(open);
            if (ticket.CounterId is { } counterId && ticket.IsActive && live.Counters.TryGetValue(counterId, out var at) && at.CurrentTicketId == ticket.Id)
            {
                change.Counter(counterId).CurrentTicketId = null;
            }

            ticket.Cancel(now);
            return Changed(change, ticket, TicketEventKind.Cancelled, catalogue, actor, now, reason);
        }, ct);
    }

    /// <summary>
    /// An officer acts only on tickets of their counter's services or sent to it, and not on one
    /// another counter has called. Checked here, under the gate, on the live ticket: a transfer
    /// decided just before changes its service or target.
    /// </summary>
    private static void EnsureCounterMayActOn(Ticket ticket, CounterInfo counter, CatalogueData catalogue)
    {
        var atThisCounter = ticket.IsActive && ticket.CounterId == counter.Id;
        var calledElsewhere = ticket.IsActive && ticket.CounterId != counter.Id;
        if (!atThisCounter && (calledElsewhere || !CallingCounter.Of(counter, catalogue).MayCall(ticket)))
        {
            throw new DomainException(Errors.TicketNotForCounter.With(ticket.Number, counter.Number), "ticketId");
        }
    }

    /// <summary>How long a finish, no-show, cancel or transfer can be undone (issue 10 item 1: "Hoàn tác" for 10 s).</summary>
    public static readonly TimeSpan UndoWindow = TimeSpan.FromSeconds(10);

    private static readonly TicketEventKind[] UndoableKinds = [TicketEventKind.Served, TicketEventKind.NoShow, TicketEventKind.Cancelled];

    /// <summary>
    /// Undoes the last closing action on a ticket (finish, no-show, cancel) or its transfer, done at
    /// this counter or by this officer within <see cref="UndoWindow"/>: the ticket is reopened (or
    /// brought back from the queue it was sent to) as it was, and the undo is recorded as its own
    /// event (Undone, naming the action undone) like any queue action.
    /// </summary>
    public async Task<TicketDto> UndoAsync(Guid counterId, Guid ticketId, Actor actor, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var info = CounterInfoOf(catalogue, counterId);
        var now = Now();
        return await DecideAsync(info.SiteId, catalogue, async change =>
        {
            // The action being undone must be stored before it is read back.
            await journal.FlushAsync(ct);
            var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId && t.SiteId == info.SiteId, ct)
                ?? throw new DomainException(Errors.TicketNotFound, "ticketId");
            var last = await db.TicketEvents.Where(e => e.SiteId == info.SiteId && e.TicketId == ticketId)
                .OrderByDescending(e => e.Sequence).FirstOrDefaultAsync(ct);
            if (live.OpenTickets.TryGetValue(ticketId, out var open))
            {
                return UndoTransfer(change, open, last, counterId, catalogue, actor, now);
            }

            var undoable = last is not null && UndoableKinds.Contains(last.Kind) && now - last.At <= UndoWindow
                && (last.CounterId == counterId || (actor.OfficerId is not null && last.OfficerId == actor.OfficerId));
            if (!undoable)
            {
                throw new DomainException(Errors.UndoExpired.With(ticket.Number), "ticketId");
            }

            var counter = change.Counter(counterId);
            var backToCounter = ticket.ReopensAtCounter;
            if (backToCounter && counter.CurrentTicketId is { } currentId)
            {
                var current = live.OpenTickets.GetValueOrDefault(currentId)?.Number ?? "?";
                throw new DomainException(Errors.UndoCounterBusy.With(ticket.Number, current), "ticketId");
            }

            change.Reopen(ticket).Reopen();
            if (backToCounter)
            {
                // A cancelled called ticket of another counter goes back to that counter (supervisors may cancel anywhere).
                var at = ticket.CounterId ?? counterId;
                change.Counter(at).CurrentTicketId = ticket.Id;
            }

            return Changed(change, ticket, TicketEventKind.Undone, catalogue, actor, now, last!.Kind.ToString());
        }, ct);
    }

    /// <summary>
    /// Brings a transferred ticket back to the counter that sent it, as it was there. Only while its
    /// last stored event is that transfer (nobody has called it since) and within the undo window;
    /// the counter must be free, as for the undo of a finish.
    /// </summary>
    private TicketDto UndoTransfer(LiveChange change, Ticket open, TicketEvent? last, Guid counterId, CatalogueData catalogue, Actor actor, DateTime now)
    {
        if (last?.Kind != TicketEventKind.Transferred)
        {
            // Open, and its last action was not a transfer: there is nothing to undo.
            throw new DomainException(Errors.TicketBadStatus.With(open.Number, open.Status.ToString()), "ticketId");
        }

        var memo = live.TransferOf(open.Id);
        // The stored event and the memory must be the same transfer (times compared to the millisecond: databases round them).
        var undoable = memo is not null && Math.Abs((last.At - memo.At).TotalMilliseconds) < 1 && open.Status == TicketStatus.Waiting
            && now - memo.At <= UndoWindow && (memo.CounterId == counterId || (actor.OfficerId is not null && memo.OfficerId == actor.OfficerId));
        if (!undoable)
        {
            throw new DomainException(Errors.UndoExpired.With(open.Number), "ticketId");
        }

        var counter = change.Counter(memo!.CounterId);
        if (counter.CurrentTicketId is { } currentId)
        {
            var current = live.OpenTickets.GetValueOrDefault(currentId)?.Number ?? "?";
            throw new DomainException(Errors.UndoCounterBusy.With(open.Number, current), "ticketId");
        }

        var ticket = change.Ticket(open);
        ticket.UndoTransfer(memo.Before);
        counter.CurrentTicketId = ticket.Id;
        return Changed(change, ticket, TicketEventKind.Undone, catalogue, actor, now, nameof(TicketEventKind.Transferred));
    }

    /// <summary>A no-show of today who turns up late waits again for this counter, with the number on their paper.</summary>
    public async Task<TicketDto> RequeueAsync(Guid counterId, string number, Actor actor, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var info = CounterInfoOf(catalogue, counterId);
        var site = catalogue.Sites.GetValueOrDefault(info.SiteId) ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        var now = Now();
        var today = site.Hours.LocalDay(now);
        var wanted = number.Trim().ToUpperInvariant();
        return await DecideAsync(info.SiteId, catalogue, async change =>
        {
            await journal.FlushAsync(ct);
            var ticket = await db.Tickets
                .Where(t => t.SiteId == info.SiteId && t.LocalDay == today && t.Number == wanted && t.Status == TicketStatus.NoShow)
                .FirstOrDefaultAsync(ct)
                ?? throw new DomainException(Errors.NoShowNotFound.With(wanted), "number");
            change.Reopen(ticket).Requeue(counterId);
            var dto = ticket.ToDto(catalogue);
            var requeued = Event(ticket, TicketEventKind.Requeued, actor, now);
            requeued.CounterId = counterId;
            change.Add(requeued,
                seq => new TicketChangedEvent(seq, ticket.SiteId, dto, TicketEventKind.Requeued));
            return dto;
        }, ct);
    }

    /// <summary>Expires waiting tickets of past days, and of today once the office has closed.</summary>
    public async Task<int> ExpireWaitingAsync(Guid siteId, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var site = catalogue.Sites.GetValueOrDefault(siteId) ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        var now = Now();
        var today = site.Hours.LocalDay(now);
        var includeToday = !options.Value.IgnoreOpeningHours && site.Hours.ClosingTimeUtc(today) is { } closing && now >= closing;
        var lastDay = includeToday ? today : today.AddDays(-1);
        return await DecideAsync(siteId, catalogue, change =>
        {
            var due = live.OpenTickets.Values
                .Where(t => t.SiteId == siteId && t.Status == TicketStatus.Waiting && t.LocalDay <= lastDay)
                .Take(5000)
                .ToList();
            foreach (var open in due)
            {
                var ticket = change.Ticket(open);
                ticket.Expire(now);
                Changed(change, ticket, TicketEventKind.Expired, catalogue, Actor.System, now);
            }

            return Task.FromResult(due.Count);
        }, ct);
    }

    /// <summary>
    /// A citizen's rating of a ticket served at <paramref name="tabletCounterId"/> (the rating tablet's
    /// counter, of <paramref name="siteId"/>), once per ticket; "not rated" counts as the one.
    /// </summary>
    public async Task<RatedTicket> RateAsync(Guid ticketId, RatingRequest request, Actor actor, Guid? siteId, Guid? tabletCounterId, CancellationToken ct)
    {
        var rating = RatingRules.Check(request);
        if (tabletCounterId is null)
        {
            throw new DomainException(Errors.RatingTabletUnbound, "counterId");
        }

        var catalogue = await catalogueCache.GetAsync(ct);
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null || siteId != ticket.SiteId)
        {
            throw new DomainException(Errors.RatingUnknownTicket, "ticketId");
        }

        var now = Now();
        Guid? officerId = null;
        await DecideAsync(ticket.SiteId, catalogue, async change =>
        {
            // One rating per served ticket (issue 15, item 6). Under the gate, after everything
            // already decided is committed, so two ratings of one ticket cannot both pass the check.
            await journal.FlushAsync(ct);
            var state = await db.Tickets.Where(t => t.Id == ticketId).Select(t => new { t.Status, t.CounterId }).FirstAsync(ct);
            if (live.OpenTickets.ContainsKey(ticketId) || state.Status != TicketStatus.Served)
            {
                throw new DomainException(Errors.RatingNotFinished, "ticketId");
            }

            if (state.CounterId != tabletCounterId)
            {
                throw new DomainException(Errors.RatingOtherCounter, "ticketId");
            }

            if (await db.Ratings.AnyAsync(r => r.TicketId == ticketId, ct))
            {
                throw new DomainException(Errors.AlreadyRated, "ticketId");
            }

            // The officer rated is the one who finished the ticket, whoever is at the counter now.
            officerId = await db.TicketEvents.Where(e => e.TicketId == ticketId && e.Kind == TicketEventKind.Served)
                .OrderByDescending(e => e.Sequence).Select(e => e.OfficerId).FirstOrDefaultAsync(ct);
            change.Add(RowWrite.Insert(new Rating
            {
                Id = Guid.CreateVersion7(),
                SiteId = ticket.SiteId,
                TicketId = ticket.Id,
                CounterId = state.CounterId,
                OfficerId = officerId,
                Score = rating.Score,
                Reason = rating.Reason,
                Reasons = rating.Reasons,
                Index1 = rating.Indices?.Index1,
                Index3 = rating.Indices?.Index3,
                Index4 = rating.Indices?.Index4,
                Index7 = rating.Indices?.Index7,
                DeviceId = actor.DeviceId,
                At = now,
            }));
            var detail = rating.Score?.ToString(CultureInfo.InvariantCulture) ?? "not-rated";
            change.Add(Event(ticket, TicketEventKind.Rated, actor, now, detail), null);
            return true;
        }, ct);
        var counter = catalogue.Counters.GetValueOrDefault(tabletCounterId.Value);
        return new RatedTicket(ticket.SiteId, ticket.Id, ticket.Number, counter?.Number, officerId, rating);
    }

    // ---------------------------------------------------------------- counters

    public Task<CounterDto> OpenCounterAsync(Guid counterId, Actor actor, CancellationToken ct) =>
        CounterActionAsync(counterId, actor, ct, (c, now) => c.Open(now));

    public Task<CounterDto> PauseCounterAsync(Guid counterId, string reason, Actor actor, CancellationToken ct) =>
        CounterActionAsync(counterId, actor, ct, (c, now) => c.Pause(reason, now), reason);

    public Task<CounterDto> ResumeCounterAsync(Guid counterId, Actor actor, CancellationToken ct) =>
        CounterActionAsync(counterId, actor, ct, (c, now) => c.Resume(now));

    public Task<CounterDto> CloseCounterAsync(Guid counterId, Actor actor, CancellationToken ct) =>
        CounterActionAsync(counterId, actor, ct, (c, now) => c.Close(now));

    /// <summary>Records the officer who signed in at the counter (replacing whoever was there), so dashboards show a name.</summary>
    public Task<CounterDto> AssignOfficerAsync(Guid counterId, Guid officerId, Actor actor, CancellationToken ct) =>
        CounterActionAsync(counterId, actor, ct, (c, _) => c.OfficerId = officerId, "officer signed in");

    /// <summary>Clears the counter's officer if it is still <paramref name="officerId"/> (a newer sign-in there is kept).</summary>
    public Task<CounterDto> ReleaseOfficerAsync(Guid counterId, Guid officerId, Actor actor, CancellationToken ct) =>
        CounterActionAsync(counterId, actor, ct, (c, _) => c.OfficerId = c.OfficerId == officerId ? null : c.OfficerId, "officer signed out");

    /// <summary>
    /// Signing out pauses an open counter (issue 10 item 3), not closes it: the officer is away for
    /// a while (a break, a shift change), tickets transferred to the counter keep waiting for it, and
    /// the hall shows "Tạm dừng". Closing for the day is its own deliberate action ("Đóng quầy").
    /// A newer sign-in there (someone who took over) is left as it is.
    /// </summary>
    public Task<CounterDto> SignOutOfCounterAsync(Guid counterId, Guid officerId, Actor actor, CancellationToken ct) =>
        CounterActionAsync(counterId, actor, ct, (c, now) =>
        {
            if (c.OfficerId != officerId)
            {
                return;
            }

            c.OfficerId = null;
            if (c.State == CounterState.Open)
            {
                c.Pause(Counter.SignedOutReason, now);
            }
        }, "officer signed out");

    /// <summary>Counts open counters with an officer signed in, per service, for the waiting estimate (an open counter nobody staffs calls nobody).</summary>
    public async Task RefreshOpenCountersAsync(CancellationToken ct)
    {
        var rows = await db.CounterServices
            .Join(db.Counters.Where(c => c.State == CounterState.Open && c.OfficerId != null && c.Active), cs => cs.CounterId, c => c.Id, (cs, _) => cs.ServiceId)
            .GroupBy(s => s)
            .Select(g => new { ServiceId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        estimator.SetOpenCounters(rows.ToDictionary(r => r.ServiceId, r => r.Count));
    }

    // ---------------------------------------------------------------- internals

    private async Task<CounterDto> CounterActionAsync(Guid counterId, Actor actor, CancellationToken ct, Action<Counter, DateTime> apply, string? detail = null)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var info = CounterInfoOf(catalogue, counterId);
        var now = Now();
        // Read before taking the queue's lock: every other action would wait for this query.
        var officerNames = await db.Officers.ToDictionaryAsync(o => o.Id, o => o.DisplayName, ct);
        var dto = await DecideAsync(info.SiteId, catalogue, change =>
        {
            var counter = change.Counter(counterId);
            apply(counter, now);
            var current = counter.CurrentTicketId is { } id ? live.OpenTickets.GetValueOrDefault(id)?.Number : null;
            var officerName = counter.OfficerId is { } officerId ? officerNames.GetValueOrDefault(officerId) : null;
            var result = counter.ToDto(catalogue, current, officerName);
            change.Add(new TicketEvent { SiteId = info.SiteId, CounterId = counterId, OfficerId = actor.OfficerId, Kind = TicketEventKind.CounterChanged, At = now, Detail = counter.State + (detail is null ? "" : ": " + detail) },
                seq => new CounterChangedEvent(seq, info.SiteId, result));
            return Task.FromResult(result);
        }, ct);
        await RefreshOpenCountersAsync(ct);
        return dto;
    }

    private delegate TicketDto CurrentTicketAction(Ticket ticket, Counter counter, CounterInfo info, CatalogueData catalogue, DateTime now, LiveChange change);

    /// <summary>An action on the counter's current ticket; both are already part of the change when <paramref name="action"/> runs.</summary>
    private async Task<TicketDto> CurrentTicketActionAsync(Guid counterId, CancellationToken ct, CurrentTicketAction action)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var info = CounterInfoOf(catalogue, counterId);
        var now = Now();
        return await DecideAsync(info.SiteId, catalogue, change =>
        {
            var current = live.Counters.GetValueOrDefault(counterId)?.CurrentTicketId is { } id ? live.OpenTickets.GetValueOrDefault(id) : null;
            if (current is null)
            {
                throw new DomainException(Errors.NoCurrentTicket);
            }

            return Task.FromResult(action(change.Ticket(current), change.Counter(counterId), info, catalogue, now, change));
        }, ct);
    }

    /// <summary>
    /// Decides one action under the live queue's gate (loading the queue first if it is stale), then
    /// waits, outside the gate, until the journal has committed what it changed.
    /// </summary>
    private async Task<T> DecideAsync<T>(Guid siteId, CatalogueData catalogue, Func<LiveChange, Task<T>> decide, CancellationToken ct)
    {
        JournalEntry entry;
        T result;
        await live.Gate.WaitAsync(ct);
        try
        {
            // The epoch the decision is made in: if a commit fails meanwhile, this entry is refused too.
            var epoch = live.Epoch;
            if (live.NeedsLoad(catalogue))
            {
                await LoadAsync(catalogue, ct);
                epoch = live.Epoch;
            }

            var change = new LiveChange(live);
            try
            {
                result = await decide(change);
                if (change.IsEmpty)
                {
                    return result;
                }

                entry = await change.ToJournalEntryAsync(siteId, epoch, sequences, db, ct);
            }
            catch
            {
                change.Undo();
                throw;
            }

            journal.Append(entry);
        }
        finally
        {
            live.Gate.Release();
        }

        // Not cancellable: the action is decided and will be committed; whoever asked learns how it went.
        await entry.Saved;
        return result;
    }

    /// <summary>Reloads the live queue from the database once everything already decided is committed.</summary>
    private async Task LoadAsync(CatalogueData catalogue, CancellationToken ct)
    {
        await journal.FlushAsync(ct);
        var counters = await db.Counters.Include(c => c.Services).ToListAsync(ct);
        var open = await db.Tickets
            .Where(t => t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving)
            .ToListAsync(ct);
        live.Load(catalogue, counters, open);
    }

    private TicketDto CallTicket(LiveChange change, Ticket ticket, Counter counter, CounterInfo info, CatalogueData catalogue, Actor actor, DateTime now)
    {
        ticket.Call(info.Id, now);
        counter.CurrentTicketId = ticket.Id;
        var dto = ticket.ToDto(catalogue);
        change.Add(Event(ticket, TicketEventKind.Called, actor, now), seq => new TicketCalledEvent(seq, ticket.SiteId, dto, info.Id, info.Number));
        return dto;
    }

    private void FinishCurrent(LiveChange change, Counter counter, CatalogueData catalogue, Actor actor, DateTime now)
    {
        if (counter.CurrentTicketId is not { } currentId)
        {
            return;
        }

        counter.CurrentTicketId = null;
        if (live.OpenTickets.GetValueOrDefault(currentId) is { IsActive: true } open)
        {
            Close(change, change.Ticket(open), catalogue, actor, now);
        }
    }

    /// <summary>
    /// The end of a called or served ticket: served, except a remote ticket never confirmed (the
    /// officer never pressed Start) after being called twice, which is a no-show (docs/appointments.md).
    /// </summary>
    private TicketDto Close(LiveChange change, Ticket ticket, CatalogueData catalogue, Actor actor, DateTime now)
    {
        if (ticket.IsUnconfirmedRemoteCalledTwice)
        {
            ticket.MarkNoShow(now);
            return Changed(change, ticket, TicketEventKind.NoShow, catalogue, actor, now, "remote ticket called twice, citizen not present");
        }

        ticket.Finish(now);
        ObserveServiceTime(ticket);
        return Changed(change, ticket, TicketEventKind.Served, catalogue, actor, now);
    }

    /// <summary>How many the call order calls before <paramref name="ticket"/> (see CallOrder.PeopleAhead).</summary>
    private int PeopleAhead(Ticket ticket, CatalogueData catalogue, DateTime now) =>
        CallOrder.PeopleAhead(
            ticket,
            [.. live.Waiting(ticket.SiteId)],
            [.. live.Counters.Values.Where(c => c.SiteId == ticket.SiteId && c.Active).Select(c => CallingCounter.Of(c, catalogue))],
            now);

    /// <summary>The next number of the service today, from memory; the first of a day is read from the stored tickets.</summary>
    private async Task<int> NextNumberAsync(LiveChange change, Guid siteId, Service service, DateOnly localDay, CancellationToken ct)
    {
        var key = (service.Id, localDay);
        if (!live.LastNumbers.TryGetValue(key, out var last))
        {
            last = await db.Tickets
                .Where(t => t.SiteId == siteId && t.NumberServiceId == service.Id && t.LocalDay == localDay)
                .MaxAsync(t => (int?)t.NumberValue, ct) ?? 0;
        }

        // In long: a range stored before ranges were bounded may end at int.MaxValue, and its next
        // number must be a refusal, never an overflow to a negative number.
        var next = Math.Max(last, service.RangeStart - 1L) + 1;
        if (next > service.RangeEnd)
        {
            throw new DomainException(Errors.NumbersExhausted.With(service.Code), "serviceId");
        }

        change.SetLastNumber(key, (int)next);
        return (int)next;
    }

    private async Task<DomainException> NotOpenAsync(Guid ticketId, Guid siteId, CancellationToken ct)
    {
        var stored = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId && t.SiteId == siteId, ct);
        return stored is null
            ? new DomainException(Errors.TicketNotFound, "ticketId")
            : new DomainException(Errors.TicketBadStatus.With(stored.Number, stored.Status.ToString()));
    }

    private static CounterInfo CounterInfoOf(CatalogueData catalogue, Guid counterId) =>
        catalogue.Counters.GetValueOrDefault(counterId) ?? throw new DomainException(Errors.CounterNotFound, "counterId");

    private void ObserveServiceTime(Ticket ticket)
    {
        if (ticket.ServiceStartedAt is { } start && ticket.FinishedAt is { } end)
        {
            estimator.ObserveService(ticket.ServiceId, end - start);
        }
    }

    private static TicketDto Changed(LiveChange change, Ticket ticket, TicketEventKind kind, CatalogueData catalogue, Actor actor, DateTime now, string? detail = null)
    {
        var dto = ticket.ToDto(catalogue);
        change.Add(Event(ticket, kind, actor, now, detail), seq => new TicketChangedEvent(seq, ticket.SiteId, dto, kind));
        return dto;
    }

    private static TicketEvent Event(Ticket ticket, TicketEventKind kind, Actor actor, DateTime now, string? detail = null) => new()
    {
        SiteId = ticket.SiteId,
        TicketId = ticket.Id,
        CounterId = ticket.CounterId,
        OfficerId = actor.OfficerId,
        Kind = kind,
        At = now,
        Detail = detail,
    };

    private static Service ResolveService(CatalogueData catalogue, SiteInfo site, IssueTicketRequest request)
    {
        Guid? serviceId = request.ServiceId;
        if (request.ProcedureId is { } procedureId)
        {
            if (!catalogue.Procedures.TryGetValue(procedureId, out var procedure) || procedure.SiteId != site.Site.Id || !procedure.Active)
            {
                throw new DomainException(Errors.ProcedureNotFound, "procedureId");
            }

            serviceId ??= procedure.ServiceId ?? throw new DomainException(Errors.ProcedureWithoutService, "procedureId");
        }

        if (serviceId is null)
        {
            throw new DomainException(Errors.IssueTargetRequired, "serviceId");
        }

        if (!catalogue.Services.TryGetValue(serviceId.Value, out var service) || service.SiteId != site.Site.Id)
        {
            throw new DomainException(Errors.ServiceNotFound, "serviceId");
        }

        if (!service.Active)
        {
            throw new DomainException(Errors.ServiceRetired.With(service.Code), "serviceId");
        }

        return service;
    }

    private static DomainException Closed(SiteInfo site, DateTime now)
    {
        var next = site.Calendar.NextOpening(now);
        var local = next?.Local.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "?";
        // On a holiday the citizen is told which one; opensAtLocal is there either way (the kiosk shows its closed screen from it).
        var error = site.Calendar.HolidayOn(site.Hours.LocalDay(now)) is { } holiday
            ? new DomainException(Errors.SiteHoliday.With(holiday.NameVi, local))
            : new DomainException(Errors.SiteClosed.With(local));
        if (next is { } n)
        {
            error.Extensions["opensAt"] = DtoMapping.Utc(n.Utc);
            error.Extensions["opensAtLocal"] = local;
        }

        return error;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
