using QueueKiosk.Devices.Fonts;
using QueueKiosk.Devices.Printing.Layout;
using QueueKiosk.Devices.Simulation;

namespace QueueKiosk.Devices.Tests.Simulation;

public sealed class DemoTicketTests : IDisposable
{
    private readonly SkiaTextRasterizer _rasterizer = SkiaTextRasterizer.OpenDefault();
    private readonly string _folder = Directory.CreateTempSubdirectory("qk-virtual-printer-").FullName;

    public void Dispose()
    {
        _rasterizer.Dispose();
        Directory.Delete(_folder, recursive: true);
    }

    [Theory]
    [InlineData(PrinterTextMode.Raster, 80)]
    [InlineData(PrinterTextMode.Raster, 58)]
    [InlineData(PrinterTextMode.Tcvn3, 80)]
    [InlineData(PrinterTextMode.Cp1258, 80)]
    [InlineData(PrinterTextMode.Ascii, 58)]
    public void DemoTicket_EachMode_PrintsOneTicketWithTheLookupQr(PrinterTextMode mode, int paperWidthMm)
    {
        var profile = new PrinterProfile { Mode = mode, PaperWidthMm = paperWidthMm };
        using var renderer = new TicketRenderer(_rasterizer);
        var printer = new VirtualPrinter(_rasterizer, VirtualPrinterOptions.FromProfile(profile));
        using var output = new VirtualPrinterOutput(printer, _folder);
        var layout = TicketLayout.Demo();

        printer.Write(renderer.Render(layout, profile));

        var ticket = Assert.Single(printer.Tickets);
        Assert.Equal([layout.LookupUrl!], ticket.QrCodes);
        Assert.Equal(profile.WidthDots, ticket.Page.Width);
        Assert.True(ticket.Page.Height > 400, $"page height {ticket.Page.Height}");
        var png = Assert.Single(output.WrittenFiles);
        Assert.True(new FileInfo(png).Length > 500);
        Assert.Equal(ticket.Page, MonoPng.Decode(File.ReadAllBytes(png))); // the PNG decodes back to the page
        var keep = Environment.GetEnvironmentVariable("QK_KEEP_TICKETS");
        if (!string.IsNullOrEmpty(keep))
        {
            File.Copy(png, Path.Combine(keep, $"demo-{mode}-{paperWidthMm}.png"), overwrite: true);
        }
    }
}
