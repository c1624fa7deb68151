using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>The filters of the ticket list; every one optional but the days.</summary>
public sealed record TicketListQuery(
    DateOnly From, DateOnly To, Guid? ServiceId = null, Guid? CounterId = null, Guid? OfficerId = null, TicketStatus? Status = null,
    bool PastTargetOnly = false, int Page = 1, int PageSize = TicketListReader.DefaultPageSize);

/// <summary>
/// The supervisor's ticket list: a site's tickets of a range of local days, newest first, filtered
/// and paged. The officer of a ticket is the one of its latest call, serve or no-show (as in the
/// reports); past target means waited longer than the service's target (until now while waiting).
/// </summary>
public sealed class TicketListReader(HubDbContext db, CatalogueCache catalogueCache, TimeProvider time)
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    /// <summary>One list covers at most a month, so one request cannot scan years.</summary>
    public const int MaxDays = 31;

    private static readonly TicketEventKind[] OfficerEvents = [TicketEventKind.Called, TicketEventKind.Served, TicketEventKind.NoShow];

    public async Task<TicketListPageDto> ReadAsync(Guid siteId, TicketListQuery query, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var tickets = db.Tickets.Where(t => t.SiteId == siteId && t.LocalDay >= query.From && t.LocalDay <= query.To);
        if (query.ServiceId is { } service)
        {
            tickets = tickets.Where(t => t.ServiceId == service);
        }

        if (query.CounterId is { } counter)
        {
            tickets = tickets.Where(t => t.CounterId == counter);
        }

        if (query.Status is { } status)
        {
            tickets = tickets.Where(t => t.Status == status);
        }

        var rows = await tickets.OrderByDescending(t => t.IssuedAt).ToListAsync(ct);
        var ids = rows.Select(t => t.Id).ToList();
        var officerEvents = await db.TicketEvents
            .Where(e => e.SiteId == siteId && e.TicketId != null && e.OfficerId != null && ids.Contains(e.TicketId.Value) && OfficerEvents.Contains(e.Kind))
            .Select(e => new { TicketId = e.TicketId!.Value, OfficerId = e.OfficerId!.Value, e.Sequence })
            .ToListAsync(ct);
        var officerOf = officerEvents.GroupBy(e => e.TicketId).ToDictionary(g => g.Key, g => g.MaxBy(e => e.Sequence)!.OfficerId);
        var officers = await db.Officers.Where(o => o.SiteId == siteId).OrderBy(o => o.DisplayName)
            .Select(o => new { o.Id, o.DisplayName }).ToListAsync(ct);
        var officerNames = officers.ToDictionary(o => o.Id, o => o.DisplayName);
        var now = time.GetUtcNow().UtcDateTime;

        var items = rows
            .Where(t => query.OfficerId is not { } wanted || officerOf.GetValueOrDefault(t.Id) == wanted)
            .Select(t => Item(t, catalogue, officerOf.TryGetValue(t.Id, out var o) ? officerNames.GetValueOrDefault(o) : null, now))
            .Where(i => !query.PastTargetOnly || i.PastTarget)
            .ToList();
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, query.Page);
        var siteServices = catalogue.Services.Values.Where(s => s.SiteId == siteId).OrderBy(s => s.Code, StringComparer.Ordinal);
        var siteCounters = catalogue.Counters.Values.Where(c => c.SiteId == siteId).OrderBy(c => c.Number);
        return new TicketListPageDto(
            [.. items.Skip((page - 1) * pageSize).Take(pageSize)], items.Count, page, pageSize,
            [.. siteServices.Select(s => new ListChoiceDto(s.Id.ToString(), $"{s.Code} - {s.Name}"))],
            [.. siteCounters.Select(c => new ListChoiceDto(c.Id.ToString(), $"{c.Number} - {c.Name}"))],
            [.. officers.Select(o => new ListChoiceDto(o.Id.ToString(), o.DisplayName))]);
    }

    private static TicketListItemDto Item(Ticket t, CatalogueData catalogue, string? officerName, DateTime now)
    {
        var service = catalogue.Services.GetValueOrDefault(t.ServiceId);
        var waitedUntil = t.CalledAt ?? (t.Status == TicketStatus.Waiting ? now : t.FinishedAt ?? now);
        var wait = Math.Max(0, (waitedUntil - t.IssuedAt).TotalSeconds);
        var pastTarget = service is { WaitTargetMinutes: > 0 } && t.Status != TicketStatus.Cancelled && wait > service.WaitTargetMinutes * 60.0;
        return new TicketListItemDto(
            t.Id, t.Number, service?.Code ?? "?", service?.Name ?? "?", t.Status, t.Priority,
            Utc(t.IssuedAt), Utc(t.CalledAt), Utc(t.FinishedAt),
            t.CounterId is { } c ? catalogue.Counters.GetValueOrDefault(c)?.Number : null,
            officerName, Math.Round(wait), pastTarget);
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));

    private static DateTimeOffset? Utc(DateTime? value) => value is { } v ? Utc(v) : null;
}
