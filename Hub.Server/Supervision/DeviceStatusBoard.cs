using System.Collections.Concurrent;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>
/// The last heartbeat of each device, in memory: the dashboard shows printer and paper from it.
/// After a restart the hub knows only the Device row's summary until the next heartbeat (seconds).
/// </summary>
public sealed class DeviceStatusBoard
{
    private readonly ConcurrentDictionary<Guid, (DeviceStatusReport Report, DateTime ReceivedAt)> _last = new();

    /// <summary>
    /// Keeps the heartbeat with its free texts cleaned (issue 15, item 1): the printer's message and
    /// the version are the device's own words, shown on the dashboard and sent to every supervisor,
    /// so they are kept, not refused, but without control characters and bounded.
    /// </summary>
    public void Set(Guid deviceId, DeviceStatusReport report, DateTime receivedAt) =>
        _last[deviceId] = (report with
        {
            PrinterMessage = report.PrinterMessage is null ? null : SafeText.Clean(report.PrinterMessage, MaxPrinterMessage),
            Version = SafeText.Clean(report.Version, MaxVersion),
        }, receivedAt);

    /// <summary>The longest printer message kept (UTF-16 units), cut between whole characters.</summary>
    public const int MaxPrinterMessage = 400;

    /// <summary>The longest version text kept: "1.2.3+" and a 40-digit commit fit.</summary>
    public const int MaxVersion = 100;

    public DeviceStatusReport? Get(Guid deviceId) => _last.TryGetValue(deviceId, out var entry) ? entry.Report : null;

    /// <summary>Printer conditions that stop tickets (paper out is its own alert).</summary>
    public static bool PrinterIsDown(string? printerState) =>
        printerState is not null && (printerState.Equals("Offline", StringComparison.OrdinalIgnoreCase)
            || printerState.Equals("Error", StringComparison.OrdinalIgnoreCase)
            || printerState.Equals("CoverOpen", StringComparison.OrdinalIgnoreCase));

    /// <summary>The Device row's Status text: short, readable without the dashboard.</summary>
    public static string Summary(DeviceStatusReport report)
    {
        // In Vietnamese words from the printer's state: the kiosk's own printer text may mix languages.
        var printer = string.IsNullOrWhiteSpace(report.PrinterState) || report.PrinterState == "NotConfigured"
            ? ""
            : $"; máy in: {PrinterStateVi(report.PrinterState)}";
        return SafeText.Clean($"{report.Status}{printer}", 400);
    }

    /// <summary>A kiosk's printer state (Kiosk.Ui's PrinterCondition names) in Vietnamese.</summary>
    public static string PrinterStateVi(string? state) => state?.ToUpperInvariant() switch
    {
        "READY" => "sẵn sàng",
        "PAPERLOW" => "sắp hết giấy",
        "PAPEROUT" => "hết giấy",
        "OFFLINE" => "mất kết nối",
        "ERROR" => "báo lỗi",
        "COVEROPEN" => "nắp đang mở",
        _ => state ?? "",
    };

    public DeviceHealthDto Health(Device device, DateTime now, TimeSpan offlineAfter)
    {
        var report = Get(device.Id);
        var online = device.LastSeenAt is { } seen && now - seen <= offlineAfter;
        string status;
        if (device.LastSeenAt is null)
        {
            status = "Chưa kết nối";
        }
        else if (!online)
        {
            status = "Mất kết nối";
        }
        else
        {
            status = report?.Status ?? device.Status ?? "OK";
        }

        return new DeviceHealthDto(
            device.Id.ToString(),
            device.Kind.ToString(),
            device.Name,
            online,
            device.LastSeenAt is { } last ? new DateTimeOffset(DateTime.SpecifyKind(last, DateTimeKind.Utc)) : null,
            status,
            report?.PrinterState,
            report?.PaperLow ?? false,
            report?.PaperOut ?? false,
            report?.PrinterMessage ?? (report is null ? device.Status : null));
    }
}
