using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;

namespace QueueKiosk.HubServer.Province;

/// <summary>One site on the province dashboard.</summary>
public sealed record ProvinceSiteSummary(
    Guid SiteId,
    string Name,
    string? DashboardUrl,
    bool KeyActive,
    long LastSequence,
    DateTime? LastReceivedAt,
    int Waiting,
    int Called,
    int Serving,
    int ServedToday,
    IReadOnlyList<ProvinceCounterLine> Counters,
    IReadOnlyList<ProvinceDeviceLine> Devices,
    IReadOnlyList<ProvinceAlertLine> Alerts);

/// <summary>A counter with the ticket it is calling or serving now.</summary>
public sealed record ProvinceCounterLine(string Counter, string Number, string Status, string? Officer, DateTime? CalledAt);

public sealed record ProvinceDeviceLine(string Name, string Kind, string? Status, DateTime? LastSeenAt);

public sealed record ProvinceAlertLine(string Kind, string Subject, string Message, DateTime RaisedAt);

/// <summary>Reads the province's tables for one province user: which sites they see, and each site's summary.</summary>
public sealed class ProvinceReader(ProvinceDbContext db, TimeProvider time)
{
    /// <summary>Where "today" starts: the sites are in Việt Nam (UTC+7, no daylight saving).</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public async Task<IReadOnlyList<Guid>> VisibleSiteIdsAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var officer = user.OfficerId();
        var limited = officer is { } id ? await db.UserSites.Where(u => u.OfficerId == id).Select(u => u.SiteId).ToListAsync(ct) : [];
        var sites = await db.Sites.OrderBy(s => s.Name).Select(s => s.Id).ToListAsync(ct);
        return limited.Count == 0 ? sites : [.. sites.Where(limited.Contains)];
    }

    public async Task<IReadOnlyList<ProvinceSiteSummary>> SummariesAsync(IReadOnlyCollection<Guid> siteIds, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var startOfDay = new DateTimeOffset((now + VietnamOffset).Date, TimeSpan.Zero).UtcDateTime - VietnamOffset;
        var sites = await db.Sites.Where(s => siteIds.Contains(s.Id)).OrderBy(s => s.Name).ToListAsync(ct);
        string[] open = [nameof(TicketStatus.Waiting), nameof(TicketStatus.Called), nameof(TicketStatus.Serving)];
        var openTickets = await db.Tickets.Where(t => siteIds.Contains(t.SiteId) && open.Contains(t.Status)).ToListAsync(ct);
        var served = await db.Tickets.Where(t => siteIds.Contains(t.SiteId) && t.Status == nameof(TicketStatus.Served) && t.FinishedAt >= startOfDay)
            .GroupBy(t => t.SiteId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var devices = await db.Devices.Where(d => siteIds.Contains(d.SiteId)).OrderBy(d => d.Name).ToListAsync(ct);
        var alerts = await db.Alerts.Where(a => siteIds.Contains(a.SiteId) && a.ClearedAt == null).OrderByDescending(a => a.RaisedAt).ToListAsync(ct);
        return [.. sites.Select(s =>
        {
            var mine = openTickets.Where(t => t.SiteId == s.Id).ToList();
            return new ProvinceSiteSummary(s.Id, s.Name, s.DashboardUrl, s.KeyHash is not null && s.KeyRevokedAt is null, s.LastSequence, s.LastReceivedAt,
                mine.Count(t => t.Status == nameof(TicketStatus.Waiting)),
                mine.Count(t => t.Status == nameof(TicketStatus.Called)),
                mine.Count(t => t.Status == nameof(TicketStatus.Serving)),
                served.GetValueOrDefault(s.Id),
                [.. mine.Where(t => t.Status != nameof(TicketStatus.Waiting)).OrderBy(t => t.CounterName, StringComparer.Ordinal)
                    .Select(t => new ProvinceCounterLine(t.CounterName ?? "", t.Number, t.Status, t.OfficerName, t.CalledAt))],
                [.. devices.Where(d => d.SiteId == s.Id).Select(d => new ProvinceDeviceLine(d.Name, d.Kind, d.Status, d.LastSeenAt))],
                [.. alerts.Where(a => a.SiteId == s.Id).Select(a => new ProvinceAlertLine(a.Kind, a.Subject, a.Message, a.RaisedAt))]);
        })];
    }
}
