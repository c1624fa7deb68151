using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Supervision;

namespace QueueKiosk.HubServer.Tests.Supervision;

/// <summary>The Device row's status line (the devices page shows it) is Vietnamese only, whatever the kiosk's own printer text says.</summary>
public sealed class DeviceStatusSummaryTests
{
    [Theory]
    [InlineData("PaperOut", "OK; máy in: hết giấy")]
    [InlineData("CoverOpen", "OK; máy in: nắp đang mở")]
    [InlineData("Ready", "OK; máy in: sẵn sàng")]
    [InlineData("NotConfigured", "OK")]
    public void PrinterState_InVietnamese_WithoutTheKiosksMixedText(string printerState, string expected)
    {
        var report = new DeviceStatusReport("Kiosk sảnh", "OK", printerState, false, printerState == "PaperOut", "Hết giấy (paper out)", false, null, "1.0");

        Assert.Equal(expected, DeviceStatusBoard.Summary(report));
    }
}
