using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Camera;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>Builds the supervisor dashboard of a site from the database, the device board and the cameras.</summary>
public sealed class DashboardReader(
    HubDbContext db,
    CatalogueCache catalogueCache,
    QueueReader queue,
    WaitEstimator estimator,
    DeviceStatusBoard board,
    AlertService alerts,
    IOptions<SupervisionOptions> options,
    TimeProvider time,
    Analytics.PresenceBoard presence,
    CameraRegistry? cameras = null)
{
    public async Task<DashboardDto?> ReadAsync(Guid siteId, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        if (!catalogue.Sites.TryGetValue(siteId, out var site))
        {
            return null;
        }

        // The sequence is read first: everything below is at least as new, so a client that
        // applies later events on top never goes backwards.
        var lastSequence = await queue.LastSequenceAsync(siteId, ct);
        var now = time.GetUtcNow().UtcDateTime;
        var today = site.Hours.LocalDay(now);

        var waiting = await db.Tickets.Where(t => t.SiteId == siteId && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.ServiceId)
            .Select(g => new { ServiceId = g.Key, Count = g.Count(), OldestMs = g.Min(t => t.IssuedMs) })
            .ToDictionaryAsync(x => x.ServiceId, ct);
        var calledToday = await db.Tickets.Where(t => t.SiteId == siteId && t.LocalDay == today && t.CalledAt != null)
            .Select(t => new { t.ServiceId, t.IssuedAt, CalledAt = t.CalledAt!.Value })
            .ToListAsync(ct);
        var nowMs = new DateTimeOffset(now, TimeSpan.Zero).ToUnixTimeMilliseconds();
        var services = catalogue.Services.Values.Where(s => s.SiteId == siteId && s.Active)
            .OrderBy(s => s.SortOrder).ThenBy(s => s.Code, StringComparer.Ordinal)
            .Select(s =>
            {
                var w = waiting.GetValueOrDefault(s.Id);
                var waits = calledToday.Where(t => t.ServiceId == s.Id).Select(t => (t.CalledAt - t.IssuedAt).TotalSeconds).ToList();
                return new ServiceBoardDto(
                    s.Id, s.Code, s.Name, w?.Count ?? 0,
                    w is null ? 0 : (int)Math.Max(0, (nowMs - w.OldestMs) / 1000),
                    waits.Count == 0 ? null : (int)Math.Round(waits.Average()),
                    estimator.EstimateMinutes(s, w?.Count ?? 0),
                    s.WaitTargetMinutes,
                    waits.Count);
            })
            .ToList();

        var counters = await db.Counters.Where(c => c.SiteId == siteId).OrderBy(c => c.Number).ToListAsync(ct);
        var currentIds = counters.Where(c => c.CurrentTicketId != null).Select(c => c.CurrentTicketId!.Value).ToList();
        var current = await db.Tickets.Where(t => currentIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        var officerAt = await OfficersAtCountersAsync(siteId, counters, site.Hours.Zone, today, ct);
        var officerIds = officerAt.Values.Distinct().ToList();
        var officers = await db.Officers.Where(o => officerIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.DisplayName, ct);
        var presentToday = presence.Day(today, site.Hours.Zone).ToDictionary(p => p.CounterNumber);
        var counterRows = counters.Select(c =>
        {
            var ticket = c.CurrentTicketId is { } id ? current.GetValueOrDefault(id) : null;
            var active = ticket is { IsActive: true } ? ticket : null;
            return new CounterBoardDto(
                c.Id, c.Number, c.Name, c.State,
                officerAt.TryGetValue(c.Id, out var o) ? officers.GetValueOrDefault(o) : null,
                active?.Number, active?.Status,
                active?.CalledAt is { } called ? Utc(called) : null,
                active?.CalledAt is { } since ? (int)Math.Max(0, (now - since).TotalSeconds) : null,
                c.PauseReason, Utc(c.StateChangedAt), c.CameraId,
                presence.Current(c.Number)?.Present,
                presentToday.TryGetValue(c.Number, out var p) ? (int)p.Present.TotalSeconds : null);
        }).ToList();

        var offlineAfter = options.Value.OfflineAfter;
        var devices = (await db.Devices.Where(d => d.SiteId == siteId && d.Active).OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct))
            .Select(d => board.Health(d, now, offlineAfter))
            .ToList();

        var tiles = new List<CameraTileDto>();
        foreach (var feed in cameras?.Feeds ?? [])
        {
            var h = feed.GetHealth();
            var watched = catalogue.Counters.Values.Where(c => c.SiteId == siteId && string.Equals(c.CameraId, feed.Id, StringComparison.OrdinalIgnoreCase))
                .Select(c => c.Number).Order().ToList();
            var baseUrl = $"{CameraEndpoints.DefaultPrefix}/{Uri.EscapeDataString(feed.Id)}";
            tiles.Add(new CameraTileDto(feed.Id, h.Name.Length > 0 ? h.Name : feed.Id, h.State.ToString(), Math.Round(h.Fps, 1), h.LastFrameUtc, h.LastError,
                baseUrl + "/live.mjpg", baseUrl + "/snapshot.jpg", watched));
            devices.Add(new DeviceHealthDto(feed.Id, "Camera", h.Name.Length > 0 ? h.Name : feed.Id, h.State == CameraState.Running, h.LastFrameUtc,
                h.State.ToString(), null, false, false,
                // The camera's error text only: the page words the state and the tile shows the frame rate.
                h.LastError));
        }

        return new DashboardDto(siteId, site.Site.Name, Utc(now), lastSequence, services, counterRows, devices, tiles, await alerts.ListActiveAsync(siteId, ct), presence.HallPeople());
    }

    /// <summary>
    /// Who works at each counter: the counter's officer when set, else the officer of the counter's
    /// latest event today (a call, a pause...), since officers sign in per counter.
    /// </summary>
    private async Task<Dictionary<Guid, Guid>> OfficersAtCountersAsync(Guid siteId, List<Domain.Counter> counters, TimeZoneInfo zone, DateOnly today, CancellationToken ct)
    {
        var since = TimeZoneInfo.ConvertTimeToUtc(today.ToDateTime(TimeOnly.MinValue), zone);
        var latest = await db.TicketEvents
            .Where(e => e.SiteId == siteId && e.CounterId != null && e.OfficerId != null && e.At >= since)
            .GroupBy(e => e.CounterId)
            .Select(g => g.Max(e => e.Sequence))
            .ToListAsync(ct);
        var fromEvents = await db.TicketEvents.Where(e => e.SiteId == siteId && latest.Contains(e.Sequence))
            .ToDictionaryAsync(e => e.CounterId!.Value, e => e.OfficerId!.Value, ct);
        foreach (var c in counters.Where(c => c.OfficerId != null))
        {
            fromEvents[c.Id] = c.OfficerId!.Value;
        }

        return fromEvents;
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
