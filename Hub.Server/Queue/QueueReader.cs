using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Queue;

/// <summary>Read side of the queue: snapshot, waiting counts and estimates, single tickets.</summary>
public sealed class QueueReader(HubDbContext db, CatalogueCache catalogueCache, WaitEstimator estimator, SequenceAllocator sequences, TimeProvider time, IOptions<QueueOptions> options)
{
    public async Task<TicketDto?> GetTicketAsync(Guid ticketId, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var ticket = await db.Tickets.FirstOrDefaultAsync(t => t.Id == ticketId, ct);
        if (ticket is null)
        {
            return null;
        }

        if (ticket.Status != TicketStatus.Waiting)
        {
            return ticket.ToDto(catalogue);
        }

        var waiting = await db.Tickets.Where(t => t.SiteId == ticket.SiteId && t.Status == TicketStatus.Waiting).ToListAsync(ct);
        var counters = await db.Counters.Include(c => c.Services).Where(c => c.SiteId == ticket.SiteId && c.Active).ToListAsync(ct);
        var ahead = CallOrder.PeopleAhead(ticket, waiting, [.. counters.Select(c => CallingCounter.Of(c, catalogue))], time.GetUtcNow().UtcDateTime);
        return ticket.ToDto(catalogue, ahead, estimator.EstimateMinutes(catalogue.Services[ticket.ServiceId], ahead));
    }

    public async Task<IReadOnlyList<ServiceDto>> ServicesAsync(Guid siteId, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var counts = await WaitingCountsAsync(siteId, ct);
        return ServiceDtos(catalogue, siteId, counts);
    }

    /// <summary>A consistent picture of the site: all reads in one read transaction, with the sequence they include.</summary>
    public async Task<QueueSnapshotDto?> SnapshotAsync(Guid? siteId, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var site = catalogue.ResolveSite(siteId);
        if (site is null)
        {
            return null;
        }

        var id = site.Site.Id;
        // The watermark is taken before the read transaction starts: every event up to it is then
        // visible to the reads below (see SequenceAllocator).
        var lastSequence = await sequences.WatermarkAsync(db, id, ct);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var tx = await BeginReadAsync(ct);
            var counts = await WaitingCountsAsync(id, ct);
            // Retired counters leave the consoles and displays (their tickets stay in the reports).
            var counters = await db.Counters.Include(c => c.Services).Where(c => c.SiteId == id && c.Active).OrderBy(c => c.Number).ToListAsync(ct);
            var officerIds = counters.Where(c => c.OfficerId != null).Select(c => c.OfficerId!.Value).ToList();
            Dictionary<Guid, string> officerNames = officerIds.Count == 0 ? [] : await db.Officers.Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, ct);
            // All waiting tickets count for "people ahead" (a later priority ticket goes first); the oldest 500 are listed.
            var waiting = await db.Tickets.Where(t => t.SiteId == id && t.Status == TicketStatus.Waiting).ToListAsync(ct);
            var active = await db.Tickets.Where(t => t.SiteId == id && (t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
                .ToListAsync(ct);
            var today = site.Hours.LocalDay(time.GetUtcNow().UtcDateTime);
            var recent = await db.Tickets.Where(t => t.SiteId == id && t.LocalDay == today && t.CalledAt != null)
                .OrderByDescending(t => t.CalledAt).Take(options.Value.RecentCalls).ToListAsync(ct);
            var activeNumbers = active.ToDictionary(t => t.Id, t => t.Number);
            var aheadOf = PeopleAhead(catalogue, waiting, counters);
            List<TicketDto> waitingDtos = [.. waiting.OrderBy(t => t.IssuedMs).ThenBy(t => t.NumberValue).Take(500).Select(t =>
            {
                var ahead = aheadOf.GetValueOrDefault(t.Id);
                return t.ToDto(catalogue, ahead, estimator.EstimateMinutes(catalogue.Services[t.ServiceId], ahead));
            })];

            var now = time.GetUtcNow().UtcDateTime;
            return new QueueSnapshotDto(
                id, lastSequence, DtoMapping.Utc(now), options.Value.IgnoreOpeningHours || site.Calendar.IsOpen(now),
                ServiceDtos(catalogue, id, counts),
                [.. counters.Select(c => c.ToDto(catalogue, c.CurrentTicketId is { } cur ? activeNumbers.GetValueOrDefault(cur) : null, c.OfficerId is { } o ? officerNames.GetValueOrDefault(o) : null))],
                waitingDtos,
                [.. active.OrderBy(t => t.CalledAt).Select(t => t.ToDto(catalogue))],
                [.. recent.Select(t => t.ToDto(catalogue))]);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private IReadOnlyDictionary<Guid, int> PeopleAhead(CatalogueData catalogue, List<Ticket> waiting, List<Counter> counters) =>
        CallOrder.PeopleAhead(waiting, [.. counters.Select(c => CallingCounter.Of(c, catalogue))], time.GetUtcNow().UtcDateTime);

    public async Task<Dictionary<Guid, int>> WaitingCountsAsync(Guid siteId, CancellationToken ct) =>
        await db.Tickets.Where(t => t.SiteId == siteId && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.ServiceId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key, x => x.Count, ct);

    public async Task<long> LastSequenceAsync(Guid siteId, CancellationToken ct) => await sequences.WatermarkAsync(db, siteId, ct);

    private List<ServiceDto> ServiceDtos(CatalogueData catalogue, Guid siteId, Dictionary<Guid, int> counts) =>
        // Retired services leave the kiosk and the consoles (their tickets stay in the reports).
        [.. catalogue.Services.Values.Where(s => s.SiteId == siteId && s.Active).OrderBy(s => s.SortOrder).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Select(s =>
            {
                var waiting = counts.GetValueOrDefault(s.Id);
                return new ServiceDto(s.Id, s.Code, s.Name, s.NameEn, s.Prefix, waiting, estimator.EstimateMinutes(s, waiting), s.WaitTargetMinutes, s.Active);
            })];

    private async Task<IAsyncDisposable> BeginReadAsync(CancellationToken ct)
    {
        if (db.IsPostgres)
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
        }

        // A deferred transaction on SQLite WAL reads one consistent snapshot without blocking writers.
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        var transaction = connection.BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, ct);
        return new ReadTransaction(db, transaction);
    }

    private sealed class ReadTransaction(HubDbContext db, SqliteTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
        }
    }
}
