using QueueKiosk.Devices.EscPos;

namespace QueueKiosk.Devices.Printing.Status;

public static class PrinterStatusExtensions
{
    private const PrinterStatus Blocking =
        PrinterStatus.Offline | PrinterStatus.PaperOut | PrinterStatus.CoverOpen | PrinterStatus.Error | PrinterStatus.Disconnected;

    /// <summary>Online and nothing stops printing (paper near end still prints).</summary>
    public static bool CanPrint(this PrinterStatus status) =>
        status.HasFlag(PrinterStatus.Online) && (status & Blocking) == 0;

    /// <summary>A short Vietnamese text for the kiosk screen and the supervisor (English in brackets).</summary>
    public static string Describe(this PrinterStatus status)
    {
        if (status.HasFlag(PrinterStatus.Disconnected))
        {
            return "Mất kết nối máy in (printer disconnected)";
        }

        var parts = new List<string>();
        if (status.HasFlag(PrinterStatus.PaperOut))
        {
            parts.Add("Hết giấy (paper out)");
        }

        if (status.HasFlag(PrinterStatus.CoverOpen))
        {
            parts.Add("Nắp máy in đang mở (cover open)");
        }

        if (status.HasFlag(PrinterStatus.Error))
        {
            parts.Add("Máy in báo lỗi (printer error)");
        }

        if (status.HasFlag(PrinterStatus.Offline) && parts.Count == 0)
        {
            parts.Add("Máy in không sẵn sàng (offline)");
        }

        if (status.HasFlag(PrinterStatus.PaperNearEnd))
        {
            parts.Add("Sắp hết giấy (paper near end)");
        }

        if (parts.Count == 0)
        {
            parts.Add(status.HasFlag(PrinterStatus.Online) ? "Sẵn sàng (online)" : "Chưa rõ trạng thái (unknown)");
        }

        return string.Join("; ", parts);
    }
}
