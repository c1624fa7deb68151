using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Printing.Status;
using QueueKiosk.Devices.Printing.Transports;

namespace QueueKiosk.Devices.Tests.Printing;

public sealed class UsbPrinterTransportTests
{
    [Fact]
    public async Task Write_GoesToTheDeviceFile_AndStatusIsPresence()
    {
        // A regular file stands in for /dev/usb/lp0: the transport only opens and writes it.
        var path = Path.GetTempFileName();
        try
        {
            await using var printer = new PrinterConnection(new UsbPrinterTransport(path, TimeSpan.FromSeconds(5)));

            var status = await printer.SendJobAsync(TestJobs.Job(1));

            Assert.Equal(PrinterStatus.Online, status);
            Assert.False(printer.CanReadStatus);
            Assert.Equal(TestJobs.Job(1), await File.ReadAllBytesAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task MissingDevice_IsDisconnected()
    {
        await using var printer = new PrinterConnection(new UsbPrinterTransport("/dev/usb/lp97-missing", TimeSpan.FromSeconds(5)));

        Assert.Equal(PrinterStatus.Disconnected, await printer.CheckStatusAsync());
        await Assert.ThrowsAsync<IOException>(() => printer.SendJobAsync(TestJobs.Job(1)));
    }
}
