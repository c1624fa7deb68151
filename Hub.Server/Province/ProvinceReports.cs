using System.Globalization;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Reports;

namespace QueueKiosk.HubServer.Province;

/// <summary>The cross-site report: ticket figures and ratings per site, field (lĩnh vực) and officer.</summary>
public sealed record ProvinceReportDto(
    DateOnly From,
    DateOnly To,
    DateTimeOffset GeneratedAt,
    ReportRowDto Total,
    IReadOnlyList<ReportRowDto> BySite,
    IReadOnlyList<ReportRowDto> ByField,
    IReadOnlyList<ReportRowDto> ByOfficer,
    RatingRowDto RatingTotal,
    IReadOnlyList<RatingRowDto> RatingsBySite,
    IReadOnlyList<RatingRowDto> RatingsByField,
    IReadOnlyList<RatingRowDto> RatingsByOfficer);

/// <summary>
/// Figures computed exactly as a site's own report computes them (<see cref="ReportCalculator"/>:
/// waits, service times, within-target share, and <see cref="RatingReportCalculator"/>), from the
/// province's ticket and rating tables; days are Việt Nam days (UTC+7).
/// </summary>
public sealed class ProvinceReports(ProvinceDbContext db, TimeProvider time)
{
    private const string NoField = "(không thủ tục) / (no procedure)";
    private const string NoOfficer = "(chưa gọi) / (not called)";

    public async Task<ProvinceReportDto> BuildAsync(IReadOnlyCollection<Guid> siteIds, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ProvinceReader.VietnamOffset;
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) - ProvinceReader.VietnamOffset;
        var now = time.GetUtcNow();
        var names = await db.Sites.Where(s => siteIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var rows = await db.Tickets.Where(t => siteIds.Contains(t.SiteId) && t.IssuedAt >= start && t.IssuedAt < end).ToListAsync(ct);
        var tickets = rows.ToDictionary(t => (t.SiteId, t.TicketId), t => Ticket(t, names, now.UtcDateTime));
        var ratingRows = await db.Ratings.Where(r => siteIds.Contains(r.SiteId) && r.At >= start && r.At < end).ToListAsync(ct);
        var ratings = ratingRows.Select(r => new ReportRating(
            tickets.TryGetValue((r.SiteId, r.TicketId), out var t)
                ? t with { OfficerKey = r.OfficerName ?? t.OfficerKey, OfficerLabel = r.OfficerName ?? t.OfficerLabel }
                : Orphan(r, names),
            DateOnly.FromDateTime(r.At + ProvinceReader.VietnamOffset), r.Score, null)).ToList();
        var all = tickets.Values.ToList();
        return new ProvinceReportDto(from, to, now,
            ReportCalculator.Row("total", "Tổng cộng / Total", all),
            ReportCalculator.GroupBy(all, t => (t.ServiceKey, t.ServiceLabel)),
            ReportCalculator.GroupBy(all, t => (t.ProcedureKey, t.ProcedureLabel)),
            ReportCalculator.GroupBy(all, t => (t.OfficerKey, t.OfficerLabel)),
            RatingReportCalculator.Row("total", "Tổng cộng / Total", ratings),
            RatingGroups(ratings, r => (r.Ticket.ServiceKey, r.Ticket.ServiceLabel)),
            RatingGroups(ratings, r => (r.Ticket.ProcedureKey, r.Ticket.ProcedureLabel)),
            RatingGroups(ratings, r => (r.Ticket.OfficerKey, r.Ticket.OfficerLabel)));
    }

    /// <summary>The report as lines of cells, for <see cref="ReportCsv"/> and <see cref="ReportXlsx"/> (the site reports' writers).</summary>
    public static IEnumerable<IReadOnlyList<ReportCell>> Table(ProvinceReportDto r)
    {
        yield return ["Báo cáo cấp tỉnh / Province report", r.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];
        yield return [.. ReportTable.Header.Select(h => (ReportCell)h)];
        var tickets = ReportTable.Group("Tổng / Total", [r.Total])
            .Concat(ReportTable.Group("Đơn vị / Site", r.BySite))
            .Concat(ReportTable.Group("Lĩnh vực / Field", r.ByField))
            .Concat(ReportTable.Group("Cán bộ / Officer", r.ByOfficer));
        foreach (var line in tickets)
        {
            yield return line;
        }

        yield return [""];
        yield return [.. ReportTable.RatingHeader.Select(h => (ReportCell)h)];
        var ratings = ReportTable.RatingGroup("Tổng / Total", [r.RatingTotal])
            .Concat(ReportTable.RatingGroup("Đơn vị / Site", r.RatingsBySite))
            .Concat(ReportTable.RatingGroup("Lĩnh vực / Field", r.RatingsByField))
            .Concat(ReportTable.RatingGroup("Cán bộ / Officer", r.RatingsByOfficer));
        foreach (var line in ratings)
        {
            yield return line;
        }
    }

    /// <summary>
    /// The report's ticket, with its groups in the site report's slots: service = the site, procedure
    /// = the field, officer = the officer (by name, prefixed by the site: two sites may have a "Nguyễn Văn A").
    /// </summary>
    private static ReportTicket Ticket(ProvinceTicket t, IReadOnlyDictionary<Guid, string> sites, DateTime now)
    {
        var site = sites.GetValueOrDefault(t.SiteId) ?? t.SiteId.ToString();
        var status = Enum.TryParse<TicketStatus>(t.Status, out var s) ? s : TicketStatus.Waiting;
        var field = t.FieldName ?? NoField;
        var officer = t.OfficerName is { } o ? $"{o} ({site})" : NoOfficer;
        double? uncalled = t.CalledAt is null && status is TicketStatus.Waiting or TicketStatus.Expired
            ? ((t.FinishedAt ?? now) - t.IssuedAt).TotalSeconds
            : null;
        return new ReportTicket(status, t.SiteId.ToString(), site, field, field, t.CounterName ?? "", t.CounterName ?? "", officer, officer,
            (t.IssuedAt + ProvinceReader.VietnamOffset).Hour, t.IssuedAt, t.CalledAt, t.StartedAt, t.FinishedAt, t.Transferred, t.WaitTargetMinutes, uncalled);
    }

    private static ReportTicket Orphan(ProvinceRating r, IReadOnlyDictionary<Guid, string> sites)
    {
        var site = sites.GetValueOrDefault(r.SiteId) ?? r.SiteId.ToString();
        var officer = r.OfficerName is { } o ? $"{o} ({site})" : NoOfficer;
        return new ReportTicket(TicketStatus.Served, r.SiteId.ToString(), site, NoField, NoField, "", "", officer, officer, 0, r.At, null, null, null, false, 15);
    }

    private static List<RatingRowDto> RatingGroups(IEnumerable<ReportRating> ratings, Func<ReportRating, (string Key, string Label)> group) =>
        [.. ratings.GroupBy(group).OrderBy(g => g.Key.Label, StringComparer.Ordinal).Select(g => RatingReportCalculator.Row(g.Key.Key, g.Key.Label, [.. g]))];
}
