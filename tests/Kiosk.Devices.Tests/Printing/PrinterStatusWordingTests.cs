using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Printing.Status;

namespace QueueKiosk.Devices.Tests.Printing;

/// <summary>
/// The printer's condition in words (issue 10 item 13): one language per string, the one the caller
/// asks for, never "Hết giấy (paper out)".
/// </summary>
public sealed class PrinterStatusWordingTests
{
    public static TheoryData<PrinterStatus, string, string> Statuses => new()
    {
        { PrinterStatus.Online | PrinterStatus.PaperOut, "Hết giấy", "Paper out" },
        { PrinterStatus.Disconnected, "Mất kết nối máy in", "Printer disconnected" },
        { PrinterStatus.Online | PrinterStatus.CoverOpen | PrinterStatus.PaperNearEnd, "Nắp máy in đang mở; Sắp hết giấy", "Printer cover open; Paper near end" },
        { PrinterStatus.Offline, "Máy in không sẵn sàng", "Printer offline" },
        { PrinterStatus.Online | PrinterStatus.Error, "Máy in báo lỗi", "Printer error" },
        { PrinterStatus.Online, "Sẵn sàng", "Ready" },
        { PrinterStatus.None, "Chưa rõ trạng thái", "Status unknown" },
    };

    [Theory]
    [MemberData(nameof(Statuses))]
    public void Describe_IsWhollyInTheLanguageAsked(PrinterStatus status, string vietnamese, string english)
    {
        Assert.Equal(vietnamese, status.Describe("vi"));
        Assert.Equal(english, status.Describe("en"));
        Assert.Equal(vietnamese, status.Describe(PrinterStatusExtensions.OfficeLanguage));
        Assert.DoesNotContain('(', status.Describe("vi"));
        // No Vietnamese letter in the English string.
        Assert.All(status.Describe("en"), c => Assert.True(c < 128, $"'{c}' in \"{status.Describe("en")}\""));
    }
}
