using QueueKiosk.Devices.EscPos;

namespace QueueKiosk.Devices.Tests.EscPos;

public sealed class PrinterStatusBitsTests
{
    [Theory]
    // n = 1, printer status: bit 3 offline.
    [InlineData(StatusRequest.Printer, 0x12, PrinterStatus.Online)]
    [InlineData(StatusRequest.Printer, 0x16, PrinterStatus.Online)] // bit 2 = drawer pin, ignored
    [InlineData(StatusRequest.Printer, 0x1A, PrinterStatus.Offline)]
    // n = 2, offline cause: bit 2 cover, bit 5 paper end stop, bit 6 error.
    [InlineData(StatusRequest.OfflineCause, 0x12, PrinterStatus.None)]
    [InlineData(StatusRequest.OfflineCause, 0x16, PrinterStatus.CoverOpen)]
    [InlineData(StatusRequest.OfflineCause, 0x32, PrinterStatus.PaperOut)]
    [InlineData(StatusRequest.OfflineCause, 0x52, PrinterStatus.Error)]
    [InlineData(StatusRequest.OfflineCause, 0x1A, PrinterStatus.None)] // bit 3 = paper fed by button
    [InlineData(StatusRequest.OfflineCause, 0x76, PrinterStatus.CoverOpen | PrinterStatus.PaperOut | PrinterStatus.Error)]
    // n = 3, error cause: bit 3 autocutter, bit 5 unrecoverable, bit 6 auto-recoverable.
    [InlineData(StatusRequest.ErrorCause, 0x12, PrinterStatus.None)]
    [InlineData(StatusRequest.ErrorCause, 0x1A, PrinterStatus.Error)]
    [InlineData(StatusRequest.ErrorCause, 0x32, PrinterStatus.Error)]
    [InlineData(StatusRequest.ErrorCause, 0x52, PrinterStatus.Error)]
    // n = 4, paper sensor: bits 2-3 near end, bits 5-6 paper end.
    [InlineData(StatusRequest.PaperSensor, 0x12, PrinterStatus.None)]
    [InlineData(StatusRequest.PaperSensor, 0x1E, PrinterStatus.PaperNearEnd)]
    [InlineData(StatusRequest.PaperSensor, 0x72, PrinterStatus.PaperOut)]
    [InlineData(StatusRequest.PaperSensor, 0x7E, PrinterStatus.PaperNearEnd | PrinterStatus.PaperOut)]
    public void Parse_ReplyBits(StatusRequest request, byte reply, PrinterStatus expected) =>
        Assert.Equal(expected, PrinterStatusBits.Parse(request, reply));

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x10)] // bit 1 clear: Automatic Status Back, not a DLE EOT reply
    [InlineData(0x13)] // bit 0 set
    [InlineData(0x92)] // bit 7 set
    [InlineData(0x02)] // bit 4 clear
    [InlineData(0xFF)]
    public void Parse_NotAStatusReply_IsRejected(byte reply)
    {
        Assert.False(PrinterStatusBits.IsStatusReply(reply));
        Assert.False(PrinterStatusBits.TryParse(StatusRequest.Printer, reply, out _));
        var error = Assert.Throws<FormatException>(() => PrinterStatusBits.Parse(StatusRequest.Printer, reply));
        Assert.Contains($"0x{reply:X2}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Combine_AllClear_IsOnlineOnly()
    {
        var status = PrinterStatusBits.Combine(
        [
            (StatusRequest.Printer, 0x12), (StatusRequest.OfflineCause, 0x12), (StatusRequest.ErrorCause, 0x12), (StatusRequest.PaperSensor, 0x12),
        ]);

        Assert.Equal(PrinterStatus.Online, status);
    }

    [Fact]
    public void Combine_NearEndOnly_StaysOnline()
    {
        var status = PrinterStatusBits.Combine([(StatusRequest.Printer, 0x12), (StatusRequest.PaperSensor, 0x1E)]);

        Assert.Equal(PrinterStatus.Online | PrinterStatus.PaperNearEnd, status);
    }

    [Fact]
    public void Combine_PaperOut_IsNotOnline()
    {
        // Some printers keep reporting "online" in n=1 while n=4 says the roll is empty.
        var status = PrinterStatusBits.Combine([(StatusRequest.Printer, 0x12), (StatusRequest.PaperSensor, 0x72)]);

        Assert.Equal(PrinterStatus.PaperOut, status);
    }

    [Fact]
    public void Combine_CoverOpen_OfflineAndCoverOpen()
    {
        var status = PrinterStatusBits.Combine([(StatusRequest.Printer, 0x1A), (StatusRequest.OfflineCause, 0x16)]);

        Assert.Equal(PrinterStatus.Offline | PrinterStatus.CoverOpen, status);
    }
}
