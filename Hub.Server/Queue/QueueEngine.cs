using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Realtime;

namespace QueueKiosk.HubServer.Queue;

/// <summary>Who asks: kept on every TicketEvent.</summary>
public readonly record struct Actor(Guid? OfficerId, Guid? DeviceId)
{
    public static readonly Actor System = default;
}

/// <summary>
/// The queue rules. Every action is one short write transaction (BEGIN IMMEDIATE on SQLite, row
/// locks on PostgreSQL) that changes the rows, appends TicketEvents with the site's next sequence
/// numbers, commits, and only then hands the events to the notifier.
/// </summary>
public sealed class QueueEngine(
    HubDbContext db,
    CatalogueCache catalogueCache,
    WriteGate gate,
    TimeProvider time,
    WaitEstimator estimator,
    IQueueNotifier notifier,
    SequenceAllocator sequences,
    IOptions<QueueOptions> options)
{
    private const int Waiting = (int)TicketStatus.Waiting;
    private WriteBatch? _batch;

    // ---------------------------------------------------------------- tickets

    public async Task<TicketDto> IssueAsync(IssueTicketRequest request, Actor actor, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var site = catalogue.ResolveSite(request.SiteId) ?? throw new DomainException("site.not_found", 404, "siteId");
        var service = ResolveService(catalogue, site, request);
        var now = Now();
        if (!options.Value.IgnoreOpeningHours && !site.Hours.IsOpen(now))
        {
            throw Closed(site, now);
        }

        var localDay = site.Hours.LocalDay(now);
        await EnsureNumberSequenceAsync(service, localDay, ct);
        return await WriteAsync(site.Site.Id, async w =>
        {
            var (number, ahead) = await AllocateNumberAsync(site.Site.Id, service, localDay, ct);
            var ticket = Ticket.Issue(site.Site.Id, service, request.ProcedureId, localDay, number, request.Priority, request.Channel, now);
            w.NewTickets.Add(ticket);
            var dto = ticket.ToDto(catalogue, ahead, estimator.EstimateMinutes(service, ahead));
            w.Add(Event(ticket, TicketEventKind.Issued, actor, now), seq => new TicketIssuedEvent(seq, ticket.SiteId, dto));
            return dto;
        }, ct);
    }

    /// <summary>Calls the next ticket for the counter, finishing the one it was serving. Null when nobody waits.</summary>
    public async Task<TicketDto?> CallNextAsync(Guid counterId, Actor actor, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var info = catalogue.Counters.GetValueOrDefault(counterId) ?? throw new DomainException("counter.not_found", 404, "counterId");
        var now = Now();
        return await WriteAsync(info.SiteId, async w =>
        {
            // The usual case, an open counter that has finished its last ticket, in one statement.
            var ticket = await LockNextWaitingAsync(info, catalogue, now, onlyForIdleCounter: true, ct);
            if (ticket is not null)
            {
                return CallTicket(ticket, null, info, catalogue, actor, now, w);
            }

            var counter = await LockCounterAsync(counterId, ct);
            counter.EnsureCanCall();
            await FinishCurrentAsync(counter, catalogue, actor, now, w, ct);
            ticket = await LockNextWaitingAsync(info, catalogue, now, onlyForIdleCounter: false, ct);
            if (ticket is null)
            {
                return null;
            }

            return CallTicket(ticket, counter, info, catalogue, actor, now, w);
        }, ct);
    }

    public async Task<TicketDto> CallSpecificAsync(Guid counterId, Guid ticketId, Actor actor, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var info = catalogue.Counters.GetValueOrDefault(counterId) ?? throw new DomainException("counter.not_found", 404, "counterId");
        var now = Now();
        return await WriteAsync(info.SiteId, async w =>
        {
            var counter = await LockCounterAsync(counterId, ct);
            counter.EnsureCanCall();
            var ticket = await LockTicketAsync(ticketId, ct);
            if (ticket is null || ticket.SiteId != info.SiteId)
            {
                throw new DomainException("ticket.not_found", 404, "ticketId");
            }

            await FinishCurrentAsync(counter, catalogue, actor, now, w, ct);
            return CallTicket(ticket, counter, info, catalogue, actor, now, w);
        }, ct);
    }

    public Task<TicketDto> RecallAsync(Guid counterId, Actor actor, CancellationToken ct) =>
        CurrentTicketActionAsync(counterId, actor, ct, (ticket, info, catalogue, now, w) =>
        {
            ticket.Recall();
            var dto = ticket.ToDto(catalogue);
            w.Add(Event(ticket, TicketEventKind.Recalled, actor, now),
                seq => new TicketRecalledEvent(seq, ticket.SiteId, dto, info.Id, info.Number, ticket.RecallCount));
            return dto;
        });

    public Task<TicketDto> StartAsync(Guid counterId, Actor actor, CancellationToken ct) =>
        CurrentTicketActionAsync(counterId, actor, ct, (ticket, _, catalogue, now, w) =>
        {
            ticket.Start(now);
            return Changed(ticket, TicketEventKind.Started, catalogue, actor, now, w);
        });

    public Task<TicketDto> FinishAsync(Guid counterId, Actor actor, CancellationToken ct) =>
        CurrentTicketActionAsync(counterId, actor, ct, (ticket, info, catalogue, now, w) =>
        {
            ticket.Finish(now);
            w.CurrentTickets[info.Id] = null;
            ObserveServiceTime(ticket);
            return Changed(ticket, TicketEventKind.Served, catalogue, actor, now, w);
        });

    public Task<TicketDto> NoShowAsync(Guid counterId, Actor actor, CancellationToken ct) =>
        CurrentTicketActionAsync(counterId, actor, ct, (ticket, info, catalogue, now, w) =>
        {
            ticket.MarkNoShow(now);
            w.CurrentTickets[info.Id] = null;
            return Changed(ticket, TicketEventKind.NoShow, catalogue, actor, now, w);
        });

    /// <summary>Sends the counter's current ticket to another service or counter; it keeps its number and issue time.</summary>
    public async Task<TicketDto> TransferAsync(Guid counterId, TransferTicketRequest request, Actor actor, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var info = catalogue.Counters.GetValueOrDefault(counterId) ?? throw new DomainException("counter.not_found", 404, "counterId");
        if (request.ServiceId is null && request.CounterId is null)
        {
            throw new DomainException("transfer.target_required", 400, "serviceId");
        }

        if (request.ServiceId is { } serviceId && (!catalogue.Services.TryGetValue(serviceId, out var s) || s.SiteId != info.SiteId))
        {
            throw new DomainException("service.not_found", 400, "serviceId");
        }

        if (request.CounterId is { } targetId && (!catalogue.Counters.TryGetValue(targetId, out var target) || target.SiteId != info.SiteId || targetId == counterId))
        {
            throw new DomainException("counter.bad_target", 400, "counterId");
        }

        return await CurrentTicketActionAsync(counterId, actor, ct, (ticket, info, cat, now, w) =>
        {
            ticket.Transfer(request.ServiceId, request.CounterId);
            w.CurrentTickets[info.Id] = null;
            var detail = request.Reason;
            return Changed(ticket, TicketEventKind.Transferred, cat, actor, now, w, detail);
        });
    }

    public async Task<TicketDto> CancelAsync(Guid ticketId, string? reason, Actor actor, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var siteId = await db.Tickets.Where(t => t.Id == ticketId).Select(t => (Guid?)t.SiteId).FirstOrDefaultAsync(ct)
            ?? throw new DomainException("ticket.not_found", 404, "ticketId");
        var now = Now();
        return await WriteAsync(siteId, async w =>
        {
            var ticket = await LockTicketAsync(ticketId, ct) ?? throw new DomainException("ticket.not_found", 404, "ticketId");
            if (ticket.CounterId is { } counterId && ticket.IsActive)
            {
                var counter = await LockCounterAsync(counterId, ct);
                if (counter.CurrentTicketId == ticket.Id)
                {
                    counter.CurrentTicketId = null;
                }
            }

            ticket.Cancel(now);
            return Changed(ticket, TicketEventKind.Cancelled, catalogue, actor, now, w, reason);
        }, ct);
    }

    /// <summary>Expires waiting tickets of past days, and of today once the office has closed.</summary>
    public async Task<int> ExpireWaitingAsync(Guid siteId, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var site = catalogue.Sites.GetValueOrDefault(siteId) ?? throw new DomainException("site.not_found", 404, "siteId");
        var now = Now();
        var today = site.Hours.LocalDay(now);
        var includeToday = !options.Value.IgnoreOpeningHours && site.Hours.ClosingTimeUtc(today) is { } closing && now >= closing;
        var lastDay = includeToday ? today : today.AddDays(-1);
        var due = await db.Tickets.AnyAsync(t => t.SiteId == siteId && t.Status == TicketStatus.Waiting && t.LocalDay <= lastDay, ct);
        if (!due)
        {
            return 0;
        }

        return await WriteAsync(siteId, async w =>
        {
            var tickets = await db.Tickets
                .Where(t => t.SiteId == siteId && t.Status == TicketStatus.Waiting && t.LocalDay <= lastDay)
                .Take(5000)
                .ToListAsync(ct);
            foreach (var ticket in tickets)
            {
                w.Tickets.Add(ticket);
                ticket.Expire(now);
                Changed(ticket, TicketEventKind.Expired, catalogue, Actor.System, now, w);
            }

            return tickets.Count;
        }, ct);
    }

    public async Task RateAsync(Guid ticketId, RatingRequest request, Actor actor, CancellationToken ct)
    {
        if (request.Score is < 1 or > 5)
        {
            throw new DomainException("rating.score_range", 400, "score");
        }

        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, ct) ?? throw new DomainException("ticket.not_found", 404, "ticketId");
        var now = Now();
        await WriteAsync(ticket.SiteId, w =>
        {
            db.Ratings.Add(new Rating
            {
                Id = Guid.CreateVersion7(),
                SiteId = ticket.SiteId,
                TicketId = ticket.Id,
                CounterId = ticket.CounterId,
                OfficerId = actor.OfficerId,
                Score = request.Score,
                Reason = request.Reason,
                At = now,
            });
            w.Add(Event(ticket, TicketEventKind.Rated, actor, now, request.Score.ToString(CultureInfo.InvariantCulture)), null);
            return Task.FromResult(true);
        }, ct);
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

    /// <summary>Counts open counters per service for the waiting estimate.</summary>
    public async Task RefreshOpenCountersAsync(CancellationToken ct)
    {
        var rows = await db.CounterServices
            .Join(db.Counters.Where(c => c.State == CounterState.Open), cs => cs.CounterId, c => c.Id, (cs, _) => cs.ServiceId)
            .GroupBy(s => s)
            .Select(g => new { ServiceId = g.Key, Count = g.Count() })
            .ToListAsync(ct);
        estimator.SetOpenCounters(rows.ToDictionary(r => r.ServiceId, r => r.Count));
    }

    // ---------------------------------------------------------------- internals

    private async Task<CounterDto> CounterActionAsync(Guid counterId, Actor actor, CancellationToken ct, Action<Counter, DateTime> change, string? detail = null)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var info = catalogue.Counters.GetValueOrDefault(counterId) ?? throw new DomainException("counter.not_found", 404, "counterId");
        var now = Now();
        var dto = await WriteAsync(info.SiteId, async w =>
        {
            var counter = await LockCounterAsync(counterId, ct);
            change(counter, now);
            var current = counter.CurrentTicketId is { } id ? await db.Tickets.Where(t => t.Id == id).Select(t => t.Number).FirstOrDefaultAsync(ct) : null;
            var officerName = counter.OfficerId is { } officerId ? await db.Officers.Where(o => o.Id == officerId).Select(o => o.DisplayName).FirstOrDefaultAsync(ct) : null;
            var result = counter.ToDto(catalogue, current, officerName);
            w.Add(new TicketEvent { SiteId = info.SiteId, CounterId = counterId, OfficerId = actor.OfficerId, Kind = TicketEventKind.CounterChanged, At = now, Detail = counter.State + (detail is null ? "" : ": " + detail) },
                seq => new CounterChangedEvent(seq, info.SiteId, result));
            return result;
        }, ct);
        await RefreshOpenCountersAsync(ct);
        return dto;
    }

    private delegate TicketDto CurrentTicketAction(Ticket ticket, CounterInfo info, CatalogueData catalogue, DateTime now, WriteBatch w);

    private async Task<TicketDto> CurrentTicketActionAsync(Guid counterId, Actor actor, CancellationToken ct, CurrentTicketAction action)
    {
        _ = actor;
        var catalogue = await catalogueCache.GetAsync(ct);
        var info = catalogue.Counters.GetValueOrDefault(counterId) ?? throw new DomainException("counter.not_found", 404, "counterId");
        var now = Now();
        return await WriteAsync(info.SiteId, async w =>
        {
            var ticket = await LockCurrentTicketAsync(counterId, ct) ?? throw new DomainException("counter.no_current_ticket", 409);
            return action(ticket, info, catalogue, now, w);
        }, ct);
    }

    /// <summary>Calls the ticket to the counter: through the loaded counter row, or without one (its current ticket is set directly).</summary>
    private TicketDto CallTicket(Ticket ticket, Counter? counter, CounterInfo info, CatalogueData catalogue, Actor actor, DateTime now, WriteBatch w)
    {
        ticket.Call(info.Id, now);
        if (counter is not null)
        {
            counter.CurrentTicketId = ticket.Id;
        }
        else
        {
            w.CurrentTickets[info.Id] = ticket.Id;
        }

        var dto = ticket.ToDto(catalogue);
        w.Add(Event(ticket, TicketEventKind.Called, actor, now), seq => new TicketCalledEvent(seq, ticket.SiteId, dto, info.Id, info.Number));
        return dto;
    }

    private async Task FinishCurrentAsync(Counter counter, CatalogueData catalogue, Actor actor, DateTime now, WriteBatch w, CancellationToken ct)
    {
        if (counter.CurrentTicketId is not { } currentId)
        {
            return;
        }

        counter.CurrentTicketId = null;
        var current = await LockTicketAsync(currentId, ct);
        if (current is { IsActive: true })
        {
            current.Finish(now);
            ObserveServiceTime(current);
            Changed(current, TicketEventKind.Served, catalogue, actor, now, w);
        }
    }

    private void ObserveServiceTime(Ticket ticket)
    {
        if (ticket.ServiceStartedAt is { } start && ticket.FinishedAt is { } end)
        {
            estimator.ObserveService(ticket.ServiceId, end - start);
        }
    }

    private static TicketDto Changed(Ticket ticket, TicketEventKind kind, CatalogueData catalogue, Actor actor, DateTime now, WriteBatch w, string? detail = null)
    {
        var dto = ticket.ToDto(catalogue);
        w.Add(Event(ticket, kind, actor, now, detail), seq => new TicketChangedEvent(seq, ticket.SiteId, dto, kind));
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
                throw new DomainException("procedure.not_found", 400, "procedureId");
            }

            serviceId ??= procedure.ServiceId ?? throw new DomainException("procedure.no_service", 400, "procedureId");
        }

        if (serviceId is null)
        {
            throw new DomainException("issue.target_required", 400, "serviceId");
        }

        if (!catalogue.Services.TryGetValue(serviceId.Value, out var service) || service.SiteId != site.Site.Id || !service.Active)
        {
            throw new DomainException("service.not_found", 400, "serviceId");
        }

        return service;
    }

    private static DomainException Closed(SiteInfo site, DateTime now)
    {
        var next = site.Hours.NextOpening(now);
        var local = next?.Local.ToString("HH:mm dd/MM/yyyy", CultureInfo.InvariantCulture) ?? "?";
        var error = new DomainException("site.closed", 409, null, local);
        if (next is { } n)
        {
            error.Extensions["opensAt"] = DtoMapping.Utc(n.Utc);
            error.Extensions["opensAtLocal"] = local;
        }

        return error;
    }

    private DateTime Now() => time.GetUtcNow().UtcDateTime;

    /// <summary>The ticket's number, and how many tickets of the service wait ahead of it: one statement.</summary>
    private async Task<(int Number, int Ahead)> AllocateNumberAsync(Guid siteId, Service service, DateOnly localDay, CancellationToken ct)
    {
        var ahead = $$"""(SELECT COUNT(*) FROM "Tickets" WHERE "SiteId" = {0} AND "Status" = {{Waiting}} AND "ServiceId" = {1})""";
        List<NumberAndAhead> rows;
        if (db.IsPostgres)
        {
            // One sequence per service and local day: a counter row would make every kiosk wait for
            // the previous ticket's commit flush. A sequence never hands a value out twice, even
            // across crashes; a rolled-back ticket leaves a skipped number, never a reused one.
            // The name is built from a Guid and digits only, so composing it into SQL is safe.
            var sql = $"""SELECT CAST(nextval('"{NumberSequenceName(service.Id, localDay)}"') AS integer) AS "Number", CAST({ahead} AS integer) AS "Ahead" """;
            rows = await db.Database.SqlQueryRaw<NumberAndAhead>(sql, siteId, service.Id).ToListAsync(ct);
        }
        else
        {
            // Upsert-and-return inside the ticket's own transaction: if the ticket insert rolls back, so
            // does the number; once committed, the row only grows, so no number comes back.
            var sql = $$"""
                INSERT INTO "ServiceDayCounters" ("SiteId", "ServiceId", "LocalDay", "LastNumber") VALUES ({0}, {1}, {2}, {3})
                ON CONFLICT ("SiteId", "ServiceId", "LocalDay") DO UPDATE SET "LastNumber" = "ServiceDayCounters"."LastNumber" + 1
                RETURNING "LastNumber" AS "Number", {{ahead}} AS "Ahead"
                """;
            rows = await db.Database.SqlQueryRaw<NumberAndAhead>(sql, siteId, service.Id, localDay, service.RangeStart).ToListAsync(ct);
        }

        var row = rows[0];
        if (row.Number > service.RangeEnd)
        {
            throw new DomainException("service.numbers_exhausted", 409, "serviceId", service.Code);
        }

        return (row.Number, row.Ahead);
    }

    private sealed class NumberAndAhead
    {
        public int Number { get; set; }

        public int Ahead { get; set; }
    }

    private static string NumberSequenceName(Guid serviceId, DateOnly localDay) =>
        $"qk_num_{serviceId:N}_{localDay.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}";

    /// <summary>Creates today's number sequence of a service once (PostgreSQL), outside any write transaction.</summary>
    private async Task EnsureNumberSequenceAsync(Service service, DateOnly localDay, CancellationToken ct)
    {
        var name = NumberSequenceName(service.Id, localDay);
        if (!db.IsPostgres || KnownSequences.ContainsKey(name))
        {
            return;
        }

        try
        {
            var sql = $"CREATE SEQUENCE IF NOT EXISTS \"{name}\" START WITH {service.RangeStart} MINVALUE {service.RangeStart}";
            await db.Database.ExecuteSqlRawAsync(sql, ct);
        }
        catch (Npgsql.PostgresException e) when (e.SqlState is "23505" or "42P07")
        {
            // Another process or request created it at the same moment.
        }

        KnownSequences[name] = true;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, bool> KnownSequences = new(StringComparer.Ordinal);

    private async Task<Counter> LockCounterAsync(Guid counterId, CancellationToken ct)
    {
        var sql = db.IsPostgres
            ? """SELECT * FROM "Counters" WHERE "Id" = {0} FOR UPDATE"""
            : """SELECT * FROM "Counters" WHERE "Id" = {0}""";
        var counters = await db.Counters.FromSqlRaw(sql, counterId).ToListAsync(ct);
        var counter = counters.Count == 1 ? counters[0] : throw new DomainException("counter.not_found", 404, "counterId");
        _batch!.Counters.Add(counter);
        // Services come from the catalogue cache; the row lock is what matters here.
        return counter;
    }

    private async Task<Ticket?> LockTicketAsync(Guid ticketId, CancellationToken ct)
    {
        var sql = db.IsPostgres
            ? """SELECT * FROM "Tickets" WHERE "Id" = {0} FOR UPDATE"""
            : """SELECT * FROM "Tickets" WHERE "Id" = {0}""";
        var tickets = await db.Tickets.FromSqlRaw(sql, ticketId).ToListAsync(ct);
        if (tickets.Count != 1)
        {
            return null;
        }

        _batch!.Tickets.Add(tickets[0]);
        return tickets[0];
    }

    /// <summary>
    /// The counter's current ticket in one statement that locks the counter row first, then the
    /// ticket (the same order as every other action), on PostgreSQL; under BEGIN IMMEDIATE on SQLite.
    /// Only the ticket is read: these actions change nothing on the counter but, at most, clear its
    /// current ticket (WriteBatch.CurrentTickets).
    /// </summary>
    private async Task<Ticket?> LockCurrentTicketAsync(Guid counterId, CancellationToken ct)
    {
        var sql = db.IsPostgres
            ? """SELECT * FROM "Tickets" WHERE "Id" = (SELECT "CurrentTicketId" FROM "Counters" WHERE "Id" = {0} FOR UPDATE) FOR UPDATE"""
            : """SELECT * FROM "Tickets" WHERE "Id" = (SELECT "CurrentTicketId" FROM "Counters" WHERE "Id" = {0})""";
        var tickets = await db.Tickets.FromSqlRaw(sql, counterId).ToListAsync(ct);
        if (tickets.Count != 1)
        {
            return null;
        }

        _batch!.Tickets.Add(tickets[0]);
        return tickets[0];
    }

    /// <summary>
    /// The call-next order in one statement: overdue tickets (waited past their service's bound)
    /// first, then priority and tickets sent to this counter, then the counter's service order;
    /// among equal orders the waiting time multiplied by the service weight; oldest first.
    /// On PostgreSQL the chosen row is locked with SKIP LOCKED so parallel counters take different rows.
    /// </summary>
    private async Task<Ticket?> LockNextWaitingAsync(CounterInfo counter, CatalogueData catalogue, DateTime now, bool onlyForIdleCounter, CancellationToken ct)
    {
        var nowMs = new DateTimeOffset(now, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var args = new List<object> { counter.SiteId, counter.Id, nowMs };
        var inList = new StringBuilder();
        var overdue = new StringBuilder("CASE \"ServiceId\"");
        var order = new StringBuilder("CASE \"ServiceId\"");
        var weighted = new StringBuilder("CASE \"ServiceId\"");
        foreach (var cs in counter.Services)
        {
            if (!catalogue.Services.TryGetValue(cs.ServiceId, out var service) || !service.Active)
            {
                continue;
            }

            var p = args.Count;
            args.Add(cs.ServiceId);
            args.Add(service.MaxWaitMinutes > 0 ? nowMs - (service.MaxWaitMinutes * 60_000L) : -1L);
            inList.Append(inList.Length == 0 ? "" : ", ").Append('{').Append(p).Append('}');
            overdue.Append(CultureInfo.InvariantCulture, $" WHEN {{{p}}} THEN {{{p + 1}}}");
            order.Append(CultureInfo.InvariantCulture, $" WHEN {{{p}}} THEN {cs.Order}");
            weighted.Append(CultureInfo.InvariantCulture, $" WHEN {{{p}}} THEN (\"IssuedMs\" - {{2}}) * {Math.Max(1, cs.Weight)}");
        }

        overdue.Append(" ELSE -1 END");
        order.Append(" ELSE 0 END");
        weighted.Append(" ELSE \"IssuedMs\" - {2} END");
        var serviceFilter = inList.Length == 0 ? "" : $"(\"TargetCounterId\" IS NULL AND \"ServiceId\" IN ({inList})) OR ";
        var rank = $"CASE WHEN \"IssuedMs\" <= ({overdue}) THEN 0 WHEN \"Priority\" <> 0 OR \"TargetCounterId\" IS NOT NULL THEN 1 ELSE 2 END";
        // onlyForIdleCounter: the counter must be open with no current ticket, and its row is locked
        // first (before any ticket, the order of every action) in the same statement; no row means
        // "ask again the long way", which also tells a paused counter from an empty queue.
        var idle = onlyForIdleCounter
            ? $$"""
                WITH idle AS{{(db.IsPostgres ? " MATERIALIZED" : "")}} (SELECT "Id" FROM "Counters" WHERE "Id" = {1} AND "State" = {{(int)CounterState.Open}} AND "CurrentTicketId" IS NULL{{(db.IsPostgres ? " FOR UPDATE" : "")}})
                """
            : "";
        var idleFilter = onlyForIdleCounter ? "EXISTS (SELECT 1 FROM idle) AND " : "";
        var sql = $"""
            {idle}
            SELECT * FROM "Tickets"
            WHERE {idleFilter}"SiteId" = {"{0}"} AND "Status" = {Waiting} AND ({serviceFilter}"TargetCounterId" = {"{1}"})
            ORDER BY {rank}, CASE WHEN {rank} = 2 THEN {order} ELSE 0 END, CASE WHEN {rank} = 2 THEN {weighted} ELSE "IssuedMs" END, "IssuedMs", "NumberValue"
            LIMIT 1{(db.IsPostgres ? " FOR UPDATE SKIP LOCKED" : "")}
            """;
        var rows = await db.Tickets.FromSqlRaw(sql, [.. args]).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return null;
        }

        _batch!.Tickets.Add(rows[0]);
        return rows[0];
    }

    private async Task<T> WriteAsync<T>(Guid siteId, Func<WriteBatch, Task<T>> action, CancellationToken ct)
    {
        using var entered = await gate.EnterAsync(ct);
        await db.Database.OpenConnectionAsync(ct);
        long firstSequence = 0;
        var allocated = 0;
        try
        {
            await using var tx = await BeginWriteAsync(ct);
            var batch = _batch = new WriteBatch();
            var result = await action(batch);
            var notifications = new List<IHubEvent>(batch.Items.Count);
            if (batch.Items.Count > 0)
            {
                allocated = batch.Items.Count;
                firstSequence = await sequences.AllocateAsync(db, siteId, allocated, ct);
                var sequence = firstSequence;
                foreach (var (ticketEvent, notification) in batch.Items)
                {
                    ticketEvent.Sequence = sequence;
                    if (notification is not null)
                    {
                        notifications.Add(notification(sequence));
                    }

                    sequence++;
                }
            }

            if (db.ChangeTracker.HasChanges())
            {
                await db.SaveChangesAsync(ct);
            }

            await WriteRowsAsync(batch, tx, ct);
            await tx.CommitAsync(ct);
            foreach (var n in notifications)
            {
                notifier.Publish(n);
            }

            notifier.MarkDirty(siteId);
            return result;
        }
        finally
        {
            if (allocated > 0)
            {
                sequences.Complete(siteId, firstSequence, allocated);
            }

            _batch = null;
            db.ChangeTracker.Clear();
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task WriteRowsAsync(WriteBatch batch, WriteTransaction tx, CancellationToken ct)
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        var writer = new RowWriter(command, sqlite: !db.IsPostgres);
        foreach (var ticket in batch.NewTickets)
        {
            writer.InsertTicket(ticket);
        }

        foreach (var ticket in batch.Tickets)
        {
            writer.UpdateTicket(ticket);
        }

        foreach (var counter in batch.Counters)
        {
            writer.UpdateCounter(counter);
        }

        foreach (var (counterId, ticketId) in batch.CurrentTickets)
        {
            writer.SetCurrentTicket(counterId, ticketId);
        }

        foreach (var (ticketEvent, _) in batch.Items)
        {
            writer.InsertEvent(ticketEvent);
        }

        if (!writer.IsEmpty)
        {
            await tx.ExecuteWritesAsync(writer, ct);
        }
    }

    private async Task<WriteTransaction> BeginWriteAsync(CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return PostgresWriteTransaction.Begin(db);
        }

        // BEGIN IMMEDIATE: take SQLite's write lock up front, so a transaction never fails half-way
        // when it upgrades from reading to writing.
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var sqliteTransaction = connection.BeginTransaction(IsolationLevel.Serializable, deferred: false);
        var wrapper = await db.Database.UseTransactionAsync(sqliteTransaction, ct) ?? throw new InvalidOperationException("No transaction");
        return new SqliteWriteTransaction(wrapper, sqliteTransaction);
    }

    private abstract class WriteTransaction : IAsyncDisposable
    {
        /// <summary>Runs the batch of row writes (and, where it can, the commit with them).</summary>
        public abstract Task ExecuteWritesAsync(RowWriter writer, CancellationToken ct);

        public abstract Task CommitAsync(CancellationToken ct);

        public abstract ValueTask DisposeAsync();
    }

    /// <summary>EF does not own a transaction passed to UseTransaction, so this disposes (rolls back if uncommitted) both.</summary>
    private sealed class SqliteWriteTransaction(IDbContextTransaction efTransaction, SqliteTransaction owned) : WriteTransaction
    {
        public override Task ExecuteWritesAsync(RowWriter writer, CancellationToken ct) => writer.ExecuteAsync(ct);

        public override Task CommitAsync(CancellationToken ct) => efTransaction.CommitAsync(ct);

        public override async ValueTask DisposeAsync()
        {
            await efTransaction.DisposeAsync();
            await owned.DisposeAsync();
        }
    }

    /// <summary>
    /// A PostgreSQL transaction that costs no round trip of its own: BEGIN goes out in front of the
    /// action's first command (HubDbContext.PendingBegin) and COMMIT after its row writes, in the
    /// same command. Four queue actions a cycle each saved two of their four round trips to the
    /// database (and the same number of wake-ups of its backend). A failure before the commit sends
    /// ROLLBACK; a connection that breaks instead is dropped by Npgsql and PostgreSQL rolls back.
    /// </summary>
    private sealed class PostgresWriteTransaction : WriteTransaction
    {
        private const string Commit = "COMMIT;";
        private readonly HubDbContext _db;
        private bool _committed;

        private PostgresWriteTransaction(HubDbContext db) => _db = db;

        public static PostgresWriteTransaction Begin(HubDbContext db)
        {
            // SaveChanges (ratings) must run inside this transaction, not open and commit its own.
            db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
            db.PendingBegin = true;
            return new PostgresWriteTransaction(db);
        }

        private bool Begun => !_db.PendingBegin;

        public override async Task ExecuteWritesAsync(RowWriter writer, CancellationToken ct)
        {
            if (!Begun)
            {
                writer.PrependStatement(HubDbContext.BeginStatement);
                _db.PendingBegin = false;
            }

            writer.AppendStatement(Commit);
            await writer.ExecuteAsync(ct);
            _committed = true;
        }

        public override async Task CommitAsync(CancellationToken ct)
        {
            if (_committed)
            {
                return;
            }

            if (Begun)
            {
                await ExecuteAsync(Commit, ct);
            }

            _committed = true;
        }

        public override async ValueTask DisposeAsync()
        {
            try
            {
                if (!_committed && Begun)
                {
                    await ExecuteAsync("ROLLBACK;", CancellationToken.None);
                }
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // The connection is broken: Npgsql will not return it to the pool in a transaction,
                // and PostgreSQL rolls back what a lost session left open.
            }
            finally
            {
                _db.PendingBegin = false;
                _db.Database.AutoTransactionBehavior = AutoTransactionBehavior.WhenNeeded;
            }
        }

        private async Task ExecuteAsync(string sql, CancellationToken ct)
        {
            await using var command = _db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>What one write transaction changes: rows loaded for update are written back whole.</summary>
    private sealed class WriteBatch
    {
        public List<Ticket> NewTickets { get; } = [];

        public HashSet<Ticket> Tickets { get; } = new(ReferenceEqualityComparer.Instance);

        public HashSet<Counter> Counters { get; } = new(ReferenceEqualityComparer.Instance);

        /// <summary>New current tickets (null: none) of counters whose row was not loaded: only that column is written.</summary>
        public Dictionary<Guid, Guid?> CurrentTickets { get; } = [];

        public List<(TicketEvent Event, Func<long, IHubEvent>? Notification)> Items { get; } = [];

        public void Add(TicketEvent ticketEvent, Func<long, IHubEvent>? notification) => Items.Add((ticketEvent, notification));
    }
}
