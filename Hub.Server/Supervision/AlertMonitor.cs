using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Camera;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Supervision.Analytics;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>
/// Checks, every Supervision:CheckSeconds, the conditions that no request reports by itself:
/// a wait above its service's target, a counter paused too long, a ticket called and not started,
/// an open counter with no officer, a device gone silent, a camera without picture. Raises what holds and clears what no longer does.
/// </summary>
public sealed class AlertMonitor(
    IServiceScopeFactory scopes, IOptions<SupervisionOptions> options, IOptions<CameraAnalyticsOptions> analytics, PresenceBoard presence, TimeProvider time, ILogger<AlertMonitor> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<string, DateTime> _noPictureSince = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<Guid, DateTime> _unstaffedSince = new();
    private readonly AlertHysteresis _hysteresis = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(Math.Max(1, options.Value.CheckSeconds)));
        try
        {
            do
            {
                try
                {
                    await CheckOnceAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Alert check failed; trying again at the next tick");
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async Task CheckOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<HubDbContext>();
        var alerts = services.GetRequiredService<AlertService>();
        var catalogue = await services.GetRequiredService<CatalogueCache>().GetAsync(ct);
        var cameras = services.GetService<CameraRegistry>();
        var o = options.Value;
        var now = time.GetUtcNow().UtcDateTime;

        foreach (var site in catalogue.Sites.Values.Select(s => s.Site))
        {
            await alerts.ReconcileAsync(site.Id, AlertKind.WaitAboveTarget, await LongWaitsAsync(db, catalogue, site.Id, now, ct), ct);
            await alerts.ReconcileAsync(site.Id, AlertKind.CounterPausedTooLong, await LongPausesAsync(db, site.Id, now, o, ct), ct);
            await alerts.ReconcileAsync(site.Id, AlertKind.CalledNotStarted, await CalledNotStartedAsync(db, site.Id, now, o, ct), ct);
            var (withoutOfficer, withoutOfficerNow) = await OpenWithoutOfficerAsync(db, site.Id, now, o, ct);
            await alerts.ReconcileAsync(site.Id, AlertKind.CounterOpenWithoutOfficer,
                _hysteresis.Apply(site.Id, AlertKind.CounterOpenWithoutOfficer, withoutOfficer, withoutOfficerNow, now, o.PresenceAlertClearAfter), ct);
            await alerts.ReconcileAsync(site.Id, AlertKind.DeviceOffline, await SilentDevicesAsync(db, site.Id, now, o, ct), ct);
            var seats = await PresenceAtCountersAsync(db, site.Id, now, ct);
            await alerts.ReconcileAsync(site.Id, AlertKind.CounterUnattended,
                _hysteresis.Apply(site.Id, AlertKind.CounterUnattended, seats.Unattended, seats.EmptyNow, now, o.PresenceAlertClearAfter), ct);
            await alerts.ReconcileAsync(site.Id, AlertKind.CounterOccupiedWhileClosed,
                _hysteresis.Apply(site.Id, AlertKind.CounterOccupiedWhileClosed, seats.Occupied, seats.OccupiedNow, now, o.PresenceAlertClearAfter), ct);
        }

        if (cameras is not null && catalogue.Sites.Count > 0)
        {
            var down = DownCameras(cameras, now, o);
            foreach (var siteId in catalogue.Sites.Keys)
            {
                // A camera belongs to the sites whose counters point to it; unlinked cameras to every site.
                var linked = catalogue.Counters.Values.Where(c => c.CameraId is not null).GroupBy(c => c.CameraId!, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(g => g.Key, g => g.Select(c => c.SiteId).ToHashSet(), StringComparer.OrdinalIgnoreCase);
                var forSite = down.Where(c => !linked.TryGetValue(c.SubjectKey["camera:".Length..], out var sites) || sites.Contains(siteId)).ToList();
                await alerts.ReconcileAsync(siteId, AlertKind.CameraDown, forSite, ct);
            }
        }
    }

    private static async Task<List<AlertCondition>> LongWaitsAsync(HubDbContext db, CatalogueData catalogue, Guid siteId, DateTime now, CancellationToken ct)
    {
        var oldest = await db.Tickets.Where(t => t.SiteId == siteId && t.Status == TicketStatus.Waiting)
            .GroupBy(t => t.ServiceId)
            .Select(g => new { ServiceId = g.Key, OldestMs = g.Min(t => t.IssuedMs), Count = g.Count() })
            .ToListAsync(ct);
        var result = new List<AlertCondition>();
        foreach (var row in oldest)
        {
            if (!catalogue.Services.TryGetValue(row.ServiceId, out var service) || service.WaitTargetMinutes <= 0)
            {
                continue;
            }

            var waited = now - DateTimeOffset.FromUnixTimeMilliseconds(row.OldestMs).UtcDateTime;
            if (waited > TimeSpan.FromMinutes(service.WaitTargetMinutes))
            {
                result.Add(new AlertCondition($"service:{service.Id:N}", $"{service.Code} - {service.Name}",
                    $"Có người chờ {(int)waited.TotalMinutes} phút, quá mục tiêu {service.WaitTargetMinutes} phút ({row.Count} người đang chờ)",
                    $"A citizen has waited {(int)waited.TotalMinutes} min, target {service.WaitTargetMinutes} min ({row.Count} waiting)"));
            }
        }

        return result;
    }

    private static async Task<List<AlertCondition>> LongPausesAsync(HubDbContext db, Guid siteId, DateTime now, SupervisionOptions o, CancellationToken ct)
    {
        var limit = now - TimeSpan.FromMinutes(o.PausedTooLongMinutes);
        var paused = await db.Counters.Where(c => c.SiteId == siteId && c.State == CounterState.Paused).ToListAsync(ct);
        return [.. paused.Where(c => c.StateChangedAt <= limit).Select(c => new AlertCondition(
            $"counter:{c.Id:N}", c.Name,
            $"Quầy tạm dừng {(int)(now - c.StateChangedAt).TotalMinutes} phút (lý do: {c.PauseReason})",
            $"Counter paused for {(int)(now - c.StateChangedAt).TotalMinutes} min (reason: {c.PauseReason})"))];
    }

    /// <summary>A ticket still Called long after its call: the citizen did not come, or the officer forgot to start.</summary>
    private static async Task<List<AlertCondition>> CalledNotStartedAsync(HubDbContext db, Guid siteId, DateTime now, SupervisionOptions o, CancellationToken ct)
    {
        var limit = now - TimeSpan.FromMinutes(o.CalledNotStartedMinutes);
        var called = await db.Tickets.Where(t => t.SiteId == siteId && t.Status == TicketStatus.Called && t.CalledAt != null && t.CalledAt <= limit)
            .ToListAsync(ct);
        var counterIds = called.Where(t => t.CounterId != null).Select(t => t.CounterId!.Value).Distinct().ToList();
        var counters = await db.Counters.Where(c => counterIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => c.Name, ct);
        return [.. called.Select(t =>
        {
            var minutes = (int)(now - t.CalledAt!.Value).TotalMinutes;
            var counter = t.CounterId is { } id ? counters.GetValueOrDefault(id) : null;
            return new AlertCondition($"ticket:{t.Id:N}", counter is null ? t.Number : $"{t.Number} - {counter}",
                $"Số {t.Number} đã gọi {minutes} phút nhưng chưa bắt đầu phục vụ",
                $"Ticket {t.Number} was called {minutes} min ago and not started");
        })];
    }

    /// <summary>
    /// An open counter nobody is signed in at: citizens are called to an empty desk. Signing out
    /// does not change the counter's state time, so the time runs from whichever is later: the
    /// state change or the first check that found the counter without an officer.
    /// </summary>
    /// <returns>The counters open without an officer for the configured minutes, and those open without one now.</returns>
    private async Task<(List<AlertCondition> Holding, HashSet<string> Now)> OpenWithoutOfficerAsync(HubDbContext db, Guid siteId, DateTime now,
        SupervisionOptions o, CancellationToken ct)
    {
        var limit = TimeSpan.FromMinutes(o.OpenWithoutOfficerMinutes);
        var counters = await db.Counters.Where(c => c.SiteId == siteId).ToListAsync(ct);
        var result = new List<AlertCondition>();
        var unstaffedNow = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in counters)
        {
            if (!c.Active || c.State != CounterState.Open || c.OfficerId is not null)
            {
                _unstaffedSince.TryRemove(c.Id, out _);
                continue;
            }

            unstaffedNow.Add($"counter:{c.Id:N}");
            var seenSince = _unstaffedSince.GetOrAdd(c.Id, now);
            var since = seenSince > c.StateChangedAt ? seenSince : c.StateChangedAt;
            if (now - since >= limit)
            {
                result.Add(new AlertCondition($"counter:{c.Id:N}", c.Name,
                    $"Quầy đang mở nhưng không có cán bộ đăng nhập {(int)(now - since).TotalMinutes} phút",
                    $"Counter open with no officer signed in for {(int)(now - since).TotalMinutes} min"));
            }
        }

        return (result, unstaffedNow);
    }

    private static async Task<List<AlertCondition>> SilentDevicesAsync(HubDbContext db, Guid siteId, DateTime now, SupervisionOptions o, CancellationToken ct)
    {
        var limit = now - o.OfflineAfter;
        // A device that never reported is listed as "never reported" on the dashboard but not alerted:
        // keys are often created before the kiosk is installed.
        var silent = await db.Devices.Where(d => d.SiteId == siteId && d.Active && d.LastSeenAt != null && d.LastSeenAt < limit).ToListAsync(ct);
        return [.. silent.Select(d => new AlertCondition(
            DeviceStatusApi.DeviceSubjectKey(d.Id), d.Name,
            $"Thiết bị không báo trạng thái từ {(int)(now - d.LastSeenAt!.Value).TotalMinutes} phút",
            $"No heartbeat for {(int)(now - d.LastSeenAt!.Value).TotalMinutes} min"))];
    }

    /// <summary>
    /// Camera analytics against the counters' states: open with nobody seen for EmptyCounterMinutes,
    /// closed with someone seen for OccupiedClosedCounterMinutes. A counter whose camera gives no
    /// recent figures raises neither (the camera-down alert covers that).
    /// </summary>
    private async Task<SeatAlerts> PresenceAtCountersAsync(HubDbContext db, Guid siteId, DateTime now, CancellationToken ct)
    {
        var o = analytics.Value;
        var seats = new SeatAlerts([], [], new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
        if (o.Counters.Count == 0)
        {
            return seats;
        }

        var counters = await db.Counters.Where(c => c.SiteId == siteId && c.Active).ToListAsync(ct);
        foreach (var c in counters)
        {
            if (presence.Current(c.Number) is not { } seen)
            {
                continue;
            }

            var key = $"counter:{c.Id:N}";
            if (c.State == CounterState.Open && !seen.Present)
            {
                seats.EmptyNow.Add(key);
            }
            else if (c.State == CounterState.Closed && seen.Present)
            {
                seats.OccupiedNow.Add(key);
            }

            var minutes = (now - seen.Since.UtcDateTime).TotalMinutes;
            if (c.State == CounterState.Open && !seen.Present && minutes >= o.EmptyCounterMinutes)
            {
                seats.Unattended.Add(new AlertCondition($"counter:{c.Id:N}", c.Name,
                    $"Quầy đang mở nhưng không có người ngồi {(int)minutes} phút",
                    $"Counter open with nobody at it for {(int)minutes} min"));
            }
            else if (c.State == CounterState.Closed && seen.Present && minutes >= o.OccupiedClosedCounterMinutes)
            {
                seats.Occupied.Add(new AlertCondition($"counter:{c.Id:N}", c.Name,
                    $"Quầy đã đóng nhưng có người làm việc {(int)minutes} phút",
                    $"Counter closed but someone has worked there for {(int)minutes} min"));
            }
        }

        return seats;
    }

    /// <summary>The seat alerts that hold in full, and the counters whose seat is in that state now (for <see cref="AlertHysteresis"/>).</summary>
    private sealed record SeatAlerts(List<AlertCondition> Unattended, List<AlertCondition> Occupied, HashSet<string> EmptyNow, HashSet<string> OccupiedNow);

    private List<AlertCondition> DownCameras(CameraRegistry cameras, DateTime now, SupervisionOptions o)
    {
        var grace = TimeSpan.FromSeconds(o.CameraDownAfterSeconds);
        var result = new List<AlertCondition>();
        foreach (var feed in cameras.Feeds)
        {
            var health = feed.GetHealth();
            if (health.State == CameraState.Stopped)
            {
                continue;
            }

            var lastPicture = health.LastFrameUtc?.UtcDateTime;
            // Before its first frame a camera is only "down" once it had the grace time to start.
            var down = lastPicture is { } last
                ? now - last > grace
                : now - _noPictureSince.GetOrAdd(health.CameraId, now) > grace;
            if (down)
            {
                result.Add(new AlertCondition($"camera:{health.CameraId}", health.Name.Length > 0 ? health.Name : health.CameraId,
                    $"Camera không có hình ({CameraStateVi(health.State)}){ErrorDetail(health.LastError)}",
                    $"Camera has no picture ({health.State}){ErrorDetail(health.LastError)}"));
            }
        }

        return result;
    }

    // The camera's own error text (from the decoder or the network) has no language of its own: shown as it is in both.
    private static string ErrorDetail(string? error) => error is { Length: > 0 } e ? ": " + e : "";

    private static string CameraStateVi(CameraState state) => state switch
    {
        CameraState.Starting => "đang khởi động",
        CameraState.Running => "đang chạy",
        CameraState.Restarting => "đang khởi động lại",
        CameraState.Failed => "không khởi động được",
        CameraState.Stopped => "đã dừng",
        _ => state.ToString(),
    };
}
