using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Fonts;
using QueueKiosk.Devices.Printing.Layout;
using QueueKiosk.Devices.Simulation;

namespace QueueKiosk.Devices.Tests.Simulation;

public sealed class VirtualPrinterTests : IDisposable
{
    private readonly SkiaTextRasterizer _rasterizer = SkiaTextRasterizer.OpenDefault();

    public void Dispose() => _rasterizer.Dispose();

    [Fact]
    public void BytesOneAtATime_GiveTheSameTicketAsOneWrite()
    {
        var profile = new PrinterProfile { Mode = PrinterTextMode.Tcvn3 };
        using var renderer = new TicketRenderer(_rasterizer);
        var bytes = renderer.Render(TicketLayout.Demo(), profile);
        var whole = NewPrinter(profile);
        var trickled = NewPrinter(profile);

        whole.Write(bytes);
        foreach (var b in bytes)
        {
            trickled.Write([b]);
        }

        Assert.Equal(0, trickled.PendingBytes);
        Assert.Equal(whole.Tickets[0].TextLines, trickled.Tickets[0].TextLines);
        Assert.Equal(whole.Tickets[0].Page, trickled.Tickets[0].Page);
    }

    [Fact]
    public void IncompleteCommand_WaitsForTheRest()
    {
        var printer = NewPrinter(new PrinterProfile());
        var raster = EscPosCommands.RasterImage(new MonoBitmap(8, 2, [0xFF, 0x81]));

        printer.Write(raster.AsSpan(0, 5));
        Assert.Equal(5, printer.PendingBytes);
        printer.Write(raster.AsSpan(5));
        printer.Write(EscPosCommands.Cut(CutMode.Full));

        Assert.Equal(new MonoBitmap(8, 2, [0xFF, 0x81]), Assert.Single(printer.Tickets[0].Images).Bitmap);
    }

    [Fact]
    public void EachCut_EndsOneTicket_AndRaisesTheEvent()
    {
        var printer = NewPrinter(new PrinterProfile());
        var cut = new List<VirtualTicket>();
        printer.TicketCut += cut.Add;

        printer.Write([.. "one"u8, .. EscPosCommands.LineFeed(), .. EscPosCommands.Cut(CutMode.Partial)]);
        printer.Write([.. "two"u8, .. EscPosCommands.LineFeed(), .. EscPosCommands.Cut(CutMode.FeedThenFull, 50)]);

        Assert.Equal(2, printer.Tickets.Count);
        Assert.Equal(printer.Tickets, cut);
        Assert.Equal(["one"], printer.Tickets[0].TextLines);
        Assert.Equal(["two"], printer.Tickets[1].TextLines);
        Assert.True(printer.Tickets[1].Page.Height >= printer.Tickets[0].Page.Height + 50);
    }

    [Fact]
    public void TextWithoutLineFeed_PrintsAtTheCut()
    {
        var printer = NewPrinter(new PrinterProfile());

        printer.Write([.. "abc"u8, .. EscPosCommands.Cut(CutMode.Full)]);

        Assert.Equal(["abc"], printer.Tickets[0].TextLines);
        Assert.True(printer.Tickets[0].Page.CountInk() > 50);
    }

    [Theory]
    [InlineData(Justification.Left)]
    [InlineData(Justification.Center)]
    [InlineData(Justification.Right)]
    public void Justification_MovesTextAcrossThePaper(Justification justification)
    {
        var printer = NewPrinter(new PrinterProfile());

        printer.Write([.. EscPosCommands.SetJustification(justification), .. "III"u8, .. EscPosCommands.LineFeed(), .. EscPosCommands.Cut(CutMode.Full)]);

        var ink = printer.Tickets[0].Page.FindInk()!.Value;
        var centre = (ink.Left + ink.Right) / 2;
        var expected = justification switch { Justification.Left => 18, Justification.Center => 288, _ => 558 };
        Assert.InRange(centre, expected - 8, expected + 8);
    }

    [Fact]
    public void CharacterSize_MakesTextTaller()
    {
        var small = NewPrinter(new PrinterProfile());
        var large = NewPrinter(new PrinterProfile());

        small.Write([.. "8"u8, .. EscPosCommands.LineFeed(), .. EscPosCommands.Cut(CutMode.Full)]);
        large.Write([.. EscPosCommands.SetCharacterSize(3, 3), .. "8"u8, .. EscPosCommands.LineFeed(), .. EscPosCommands.Cut(CutMode.Full)]);

        var smallInk = small.Tickets[0].Page.FindInk()!.Value;
        var largeInk = large.Tickets[0].Page.FindInk()!.Value;
        Assert.Equal(smallInk.Height * 3, largeInk.Height);
        Assert.Equal(smallInk.Width * 3, largeInk.Width);
    }

    [Fact]
    public void Qr_IsDrawnFromTheStoredData_WithFinderPatternsAtModuleSize()
    {
        var printer = NewPrinter(new PrinterProfile());

        printer.Write([.. EscPosCommands.QrCode("https://x.vn/A012", 4, QrErrorCorrection.Medium), .. EscPosCommands.Cut(CutMode.Full)]);

        var ticket = printer.Tickets[0];
        Assert.Equal(["https://x.vn/A012"], ticket.QrCodes);
        var ink = ticket.Page.FindInk()!.Value;
        Assert.Equal(ink.Width, ink.Height);
        Assert.Equal(0, ink.Width % 4);
        // A finder pattern: 7 black modules along the top edge, then a white one.
        for (var module = 0; module < 7; module++)
        {
            Assert.True(ticket.Page[ink.Left + (module * 4) + 1, ink.Top + 1]);
        }

        Assert.False(ticket.Page[ink.Left + (7 * 4) + 1, ink.Top + 1]);
        Assert.True(ticket.Page[ink.Left + (2 * 4) + 1, ink.Top + (2 * 4) + 1]); // the 3x3 centre
        Assert.False(ticket.Page[ink.Left + (1 * 4) + 1, ink.Top + (1 * 4) + 1]); // the white ring
    }

    [Fact]
    public void Barcode_IsRecordedAndDrawnWithTextBelow()
    {
        var printer = NewPrinter(new PrinterProfile());

        printer.Write(
        [
            .. EscPosCommands.BarcodeHeight(60), .. EscPosCommands.BarcodeModuleWidth(2),
            .. EscPosCommands.BarcodeTextPosition(BarcodeTextPosition.Below), .. EscPosCommands.Code128("A{12"),
            .. EscPosCommands.Cut(CutMode.Full),
        ]);

        var ticket = printer.Tickets[0];
        Assert.Equal(["A{12"], ticket.Barcodes);
        Assert.True(ticket.Page.FindInk()!.Value.Height > 60);
    }

    [Fact]
    public void StatusRequests_AreCountedAndPrintNothing()
    {
        var printer = NewPrinter(new PrinterProfile());

        printer.Write([.. EscPosCommands.RequestStatus(StatusRequest.Printer), .. EscPosCommands.RequestStatus(StatusRequest.PaperSensor), .. EscPosCommands.Cut(CutMode.Full)]);

        Assert.Equal(2, printer.Tickets[0].StatusRequests);
        Assert.Null(printer.Tickets[0].Page.FindInk());
    }

    [Fact]
    public void UnknownCommand_ThrowsWithTheBytes()
    {
        var printer = NewPrinter(new PrinterProfile());

        var error = Assert.Throws<VirtualPrinterException>(() => printer.Write([0x1B, 0x7E, 0x01]));

        Assert.Contains("1B7E01", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1B2D01")] // underline
    [InlineData("1B2100")] // print mode
    [InlineData("1B4D00")] // font A
    [InlineData("1B5200")] // international set
    [InlineData("1B700019FA")] // drawer pulse
    [InlineData("1D6100")] // automatic status back off
    [InlineData("1D4901")] // printer ID request
    [InlineData("100501")] // DLE ENQ
    public void OtherCommonCommands_AreAcceptedAndPrintNothing(string hex)
    {
        var printer = NewPrinter(new PrinterProfile());

        printer.Write([.. Convert.FromHexString(hex), .. EscPosCommands.Cut(CutMode.Full)]);

        Assert.Null(Assert.Single(printer.Tickets).Page.FindInk());
    }

    [Fact]
    public void LineSpacing_EscThree_SetsTheFeedOfEachLine()
    {
        var printer = NewPrinter(new PrinterProfile());

        printer.Write([.. Convert.FromHexString("1B3350"), .. EscPosCommands.FeedLines(3), .. EscPosCommands.Cut(CutMode.Full)]);

        Assert.Equal(3 * 0x50, printer.Tickets[0].Page.Height);
    }

    [Fact]
    public void TearOff_ReturnsUncutContent()
    {
        var printer = NewPrinter(new PrinterProfile());
        Assert.Null(printer.TearOff());

        printer.Write("left over"u8);

        Assert.Equal(["left over"], printer.TearOff()!.TextLines);
    }

    [Fact]
    public void Stream_ForwardsToThePrinter()
    {
        var printer = NewPrinter(new PrinterProfile());
        using var stream = new VirtualPrinterStream(printer);

        stream.Write([.. "x"u8, .. EscPosCommands.Cut(CutMode.Full)]);

        Assert.Equal(["x"], printer.Tickets[0].TextLines);
    }

    [Fact]
    public void Output_NumbersFilesAfterExistingOnes()
    {
        var folder = Directory.CreateTempSubdirectory("qk-vp-output-").FullName;
        try
        {
            File.WriteAllBytes(Path.Combine(folder, "ticket-0007.png"), [1]);
            var printer = NewPrinter(new PrinterProfile());
            using var output = new VirtualPrinterOutput(printer, folder);

            printer.Write([.. "So 8"u8, .. EscPosCommands.LineFeed(), .. EscPosCommands.Cut(CutMode.Full)]);

            Assert.Equal(Path.Combine(folder, "ticket-0008.png"), Assert.Single(output.WrittenFiles));
            var png = File.ReadAllBytes(output.WrittenFiles[0]);
            Assert.True(png.AsSpan().StartsWith(MonoPng.Signature));
            Assert.Equal(printer.Tickets[0].Page, MonoPng.Decode(png)); // the PNG holds the page pixel for pixel
            Assert.True(File.Exists(Path.Combine(folder, "ticket-0008.txt")));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private VirtualPrinter NewPrinter(PrinterProfile profile) => new(_rasterizer, VirtualPrinterOptions.FromProfile(profile));
}
