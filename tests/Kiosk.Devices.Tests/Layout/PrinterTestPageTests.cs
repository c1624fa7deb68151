using QueueKiosk.Devices.EscPos.CodePages;
using QueueKiosk.Devices.Fonts;
using QueueKiosk.Devices.Printing.Layout;
using QueueKiosk.Devices.Simulation;

namespace QueueKiosk.Devices.Tests.Layout;

public sealed class PrinterTestPageTests
{
    [Theory]
    [InlineData(PrinterTextMode.Tcvn3)]
    [InlineData(PrinterTextMode.Cp1258)]
    public void TestPage_CarriesEveryLetter_AndDecodesBack(PrinterTextMode mode)
    {
        using var rasterizer = SkiaTextRasterizer.OpenDefault();
        using var renderer = new TicketRenderer(rasterizer);
        var profile = new PrinterProfile { Mode = mode };
        var printer = new VirtualPrinter(rasterizer, VirtualPrinterOptions.FromProfile(profile));

        printer.Write(renderer.RenderElements(PrinterTestPage.Compose(profile), profile).Bytes);

        var text = string.Concat(Assert.Single(printer.Tickets).TextLines);
        Assert.All(VietnameseAlphabet.All, letter => Assert.Contains(letter, text, StringComparison.Ordinal));
        Assert.Contains("TCVN-3: 30/31, CP1258: 52", text, StringComparison.Ordinal);
    }
}
