using QueueKiosk.Devices.EscPos;

namespace QueueKiosk.Devices.Printing.Status;

public static class PrinterStatusExtensions
{
    private const PrinterStatus Blocking =
        PrinterStatus.Offline | PrinterStatus.PaperOut | PrinterStatus.CoverOpen | PrinterStatus.Error | PrinterStatus.Disconnected;

    /// <summary>Online and nothing stops printing (paper near end still prints).</summary>
    public static bool CanPrint(this PrinterStatus status) =>
        status.HasFlag(PrinterStatus.Online) && (status & Blocking) == 0;

    /// <summary>
    /// A short text for the kiosk screen and the supervisor, in one language: English for "en",
    /// Vietnamese for anything else (the office's default). The caller chooses; a string never
    /// mixes the two (issue 10 item 13).
    /// </summary>
    public static string Describe(this PrinterStatus status, string language)
    {
        var english = language == "en";
        string T(string vi, string en) => english ? en : vi;
        if (status.HasFlag(PrinterStatus.Disconnected))
        {
            return T("Mất kết nối máy in", "Printer disconnected");
        }

        var parts = new List<string>();
        if (status.HasFlag(PrinterStatus.PaperOut))
        {
            parts.Add(T("Hết giấy", "Paper out"));
        }

        if (status.HasFlag(PrinterStatus.CoverOpen))
        {
            parts.Add(T("Nắp máy in đang mở", "Printer cover open"));
        }

        if (status.HasFlag(PrinterStatus.Error))
        {
            parts.Add(T("Máy in báo lỗi", "Printer error"));
        }

        if (status.HasFlag(PrinterStatus.Offline) && parts.Count == 0)
        {
            parts.Add(T("Máy in không sẵn sàng", "Printer offline"));
        }

        if (status.HasFlag(PrinterStatus.PaperNearEnd))
        {
            parts.Add(T("Sắp hết giấy", "Paper near end"));
        }

        if (parts.Count == 0)
        {
            parts.Add(status.HasFlag(PrinterStatus.Online) ? T("Sẵn sàng", "Ready") : T("Chưa rõ trạng thái", "Status unknown"));
        }

        return string.Join("; ", parts);
    }

    /// <summary>The office's language, in which the kiosk reports its printer to the hub and logs it.</summary>
    public const string OfficeLanguage = "vi";
}
