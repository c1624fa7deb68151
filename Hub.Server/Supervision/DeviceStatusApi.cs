using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.ProvinceLink;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>Heartbeats of kiosks and display hosts: device row, dashboard, printer alerts.</summary>
public static class DeviceStatusApi
{
    public static IEndpointRouteBuilder MapDeviceStatusApi(this IEndpointRouteBuilder app)
    {
        app.MapPost(HubRoutes.DeviceStatus, ReportAsync).WithTags("Devices").RequireAuthorization(Policies.AnyClient);
        return app;
    }

    public static async Task<Ok<DeviceStatusAck>> ReportAsync(
        DeviceStatusReport report, ClaimsPrincipal user, HubDbContext db, WriteGate writeGate, DeviceStatusBoard board,
        AlertService alerts, ISupervisorFeed feed, IOptions<SupervisionOptions> options, TimeProvider time, ProvinceOutbox outbox, CancellationToken ct)
    {
        if (user.DeviceIdOf() is not { } deviceId)
        {
            throw new DomainException(Errors.DevicesOnly);
        }

        Validate.Required(report.Status, "status", 100);
        Validate.Required(report.PrinterState, "printerState", 40);
        Validate.MaxLength(report.Name, "name", 200);
        var now = time.GetUtcNow().UtcDateTime;
        Device device;
        using (var lease = await outbox.LeaseAsync(ct))
        using (await writeGate.EnterAsync(ct))
        {
            device = await db.Devices.AsTracking().FirstOrDefaultAsync(d => d.Id == deviceId, ct)
                ?? throw new DomainException(Errors.UnknownDevice, "deviceKey");
            var status = DeviceStatusBoard.Summary(report);
            // The province hears of a change of status, not of every heartbeat (docs/province.md).
            if (status != device.Status)
            {
                lease.Add(db, device.SiteId, OutboxKinds.Device, now, OutboxFacts.DevicePayload(Changed(device, status, now)));
            }

            device.Status = status;
            device.LastSeenAt = now;
            await db.SaveChangesAsync(ct);
            lease.Commit();
            db.ChangeTracker.Clear();
        }

        board.Set(deviceId, report, now);
        var subjectKey = DeviceSubjectKey(deviceId);
        var subject = device.Name;
        await alerts.ClearAsync(device.SiteId, AlertKind.DeviceOffline, subjectKey, ct);
        if (report.PaperOut || string.Equals(report.PrinterState, "PaperOut", StringComparison.OrdinalIgnoreCase))
        {
            await alerts.RaiseAsync(device.SiteId, AlertKind.PrinterPaperOut, new AlertCondition(subjectKey, subject,
                "Máy in hết giấy, không in được số thứ tự", "Printer out of paper: no tickets can be printed"), ct);
        }
        else
        {
            await alerts.ClearAsync(device.SiteId, AlertKind.PrinterPaperOut, subjectKey, ct);
        }

        if (DeviceStatusBoard.PrinterIsDown(report.PrinterState))
        {
            await alerts.RaiseAsync(device.SiteId, AlertKind.PrinterOffline, new AlertCondition(subjectKey, subject,
                $"Máy in không hoạt động ({DeviceStatusBoard.PrinterStateVi(report.PrinterState)})", $"Printer not working ({PrinterStateEn(report.PrinterState)})"), ct);
        }
        else
        {
            await alerts.ClearAsync(device.SiteId, AlertKind.PrinterOffline, subjectKey, ct);
        }

        await feed.DeviceHealthAsync(device.SiteId, board.Health(device, now, options.Value.OfflineAfter), ct);
        return TypedResults.Ok(new DeviceStatusAck(deviceId, DtoTime(now), options.Value.HeartbeatSeconds));
    }

    public static string DeviceSubjectKey(Guid deviceId) => $"device:{deviceId:N}";

    private static Device Changed(Device d, string status, DateTime now) => new()
    {
        Id = d.Id,
        SiteId = d.SiteId,
        Kind = d.Kind,
        Name = d.Name,
        Status = status,
        LastSeenAt = now,
    };

    // The kiosk's own printer text (PrinterMessage) is left out of alerts: its language is the kiosk's
    // choice, and the state names say the same in each language (DeviceStatusBoard.PrinterStateVi).
    private static string PrinterStateEn(string? state) => state?.ToUpperInvariant() switch
    {
        "OFFLINE" => "offline",
        "ERROR" => "error",
        "COVEROPEN" => "cover open",
        _ => state ?? "",
    };

    private static DateTimeOffset DtoTime(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
