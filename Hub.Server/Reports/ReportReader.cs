using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Reports;

/// <summary>Loads the tickets of a site's local days From..To and hands them to <see cref="ReportCalculator"/>.</summary>
public sealed class ReportReader(HubDbContext db, CatalogueCache catalogueCache, TimeProvider time, Supervision.Analytics.PresenceBoard presence)
{
    /// <summary>Longest range one report covers, so one request cannot scan years.</summary>
    public const int MaxDays = 366;

    public const string NoneKey = "-";

    public async Task<ReportDto?> ReadAsync(Guid siteId, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        if (!catalogue.Sites.TryGetValue(siteId, out var site))
        {
            return null;
        }

        var tickets = await db.Tickets.Where(t => t.SiteId == siteId && t.LocalDay >= from && t.LocalDay <= to).ToListAsync(ct);
        var ids = tickets.Select(t => t.Id).ToList();
        // Who served: the officer of the last call/serve/no-show event of each ticket.
        var events = await db.TicketEvents
            .Where(e => e.SiteId == siteId && e.TicketId != null && ids.Contains(e.TicketId.Value)
                && (e.Kind == TicketEventKind.Called || e.Kind == TicketEventKind.Served || e.Kind == TicketEventKind.NoShow || e.Kind == TicketEventKind.Transferred))
            .Select(e => new { TicketId = e.TicketId!.Value, e.Kind, e.OfficerId, e.Sequence })
            .ToListAsync(ct);
        var transferred = events.Where(e => e.Kind == TicketEventKind.Transferred).Select(e => e.TicketId).ToHashSet();
        var officerOf = events.Where(e => e.OfficerId != null && e.Kind != TicketEventKind.Transferred)
            .GroupBy(e => e.TicketId)
            .ToDictionary(g => g.Key, g => g.MaxBy(e => e.Sequence)!.OfficerId!.Value);
        var now = time.GetUtcNow().UtcDateTime;
        var officers = await db.Officers.Where(o => o.SiteId == siteId).ToDictionaryAsync(o => o.Id, o => o.DisplayName, ct);

        var ratings = await db.Ratings.Where(r => r.SiteId == siteId && ids.Contains(r.TicketId)).ToListAsync(ct);
        var rows = tickets.Select(t =>
        {
            var service = catalogue.Services.GetValueOrDefault(t.ServiceId);
            var procedure = t.ProcedureId is { } p ? catalogue.Procedures.GetValueOrDefault(p) : null;
            var counter = t.CounterId is { } c ? catalogue.Counters.GetValueOrDefault(c) : null;
            var officerId = officerOf.TryGetValue(t.Id, out var o) ? o : (Guid?)null;
            return new ReportTicket(
                t.Status,
                service?.Code ?? NoneKey, service is null ? "?" : $"{service.Code} - {service.Name}",
                procedure?.Code ?? NoneKey, procedure is null ? "(không chọn thủ tục)" : $"{procedure.Code} - {procedure.Name}",
                counter is null ? NoneKey : counter.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
                counter?.Name ?? "(chưa đến quầy)",
                officerId?.ToString("N") ?? NoneKey,
                officerId is { } id ? officers.GetValueOrDefault(id) ?? "?" : "(chưa phục vụ)",
                site.Hours.ToLocal(t.IssuedAt).Hour,
                t.IssuedAt, t.CalledAt, t.ServiceStartedAt, t.FinishedAt,
                transferred.Contains(t.Id),
                service?.WaitTargetMinutes ?? 0,
                UncalledWait(t, now));
        }).ToList();
        var rowOf = tickets.Zip(rows).ToDictionary(x => x.First.Id, x => (Row: x.Second, x.First.LocalDay));
        var rated = ratings.Where(r => rowOf.ContainsKey(r.TicketId)).Select(r => new ReportRating(
            rowOf[r.TicketId].Row, rowOf[r.TicketId].LocalDay, r.Score, Circular01Score.TicketPoints(r.Index1, r.Index3, r.Index4, r.Index7))).ToList();

        return new ReportDto(
            siteId, site.Site.Name, from, to, time.GetUtcNow(),
            ReportCalculator.Row("total", "Tổng cộng / Total", rows),
            ReportCalculator.GroupBy(rows, r => (r.ServiceKey, r.ServiceLabel)),
            ReportCalculator.GroupBy(rows, r => (r.ProcedureKey, r.ProcedureLabel)),
            ReportCalculator.GroupBy(rows, r => (r.CounterKey, r.CounterLabel)),
            ReportCalculator.GroupBy(rows, r => (r.OfficerKey, r.OfficerLabel)),
            ReportCalculator.ByHour(rows),
            ReportCalculator.Presence(from, to, catalogue.Counters.Values.Where(c => c.SiteId == siteId).Select(c => (c.Number, c.Name)),
                day => presence.Day(day, site.Hours.Zone)),
            RatingReportCalculator.Report(rated));
    }

    /// <summary>How long a never-called ticket has waited: until now while waiting, until it expired at day end.</summary>
    private static double? UncalledWait(Domain.Ticket t, DateTime now) => t.CalledAt is not null
        ? null
        : t.Status switch
        {
            TicketStatus.Waiting => (now - t.IssuedAt).TotalSeconds,
            TicketStatus.Expired when t.FinishedAt is { } end => (end - t.IssuedAt).TotalSeconds,
            _ => null,
        };
}
