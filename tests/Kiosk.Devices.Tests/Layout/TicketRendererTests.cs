using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Fonts;
using QueueKiosk.Devices.Printing.Layout;
using QueueKiosk.Devices.Simulation;

namespace QueueKiosk.Devices.Tests.Layout;

public sealed class TicketRendererTests : IDisposable
{
    private readonly SkiaTextRasterizer _rasterizer = SkiaTextRasterizer.OpenDefault();
    private readonly TicketRenderer _renderer;

    public TicketRendererTests() => _renderer = new TicketRenderer(_rasterizer);

    public void Dispose()
    {
        _renderer.Dispose();
        _rasterizer.Dispose();
    }

    [Fact]
    public void RasterLine_DangKyKhaiSinh_VirtualPrinterDecodesTheBitmapTheRendererDrew()
    {
        var profile = new PrinterProfile();
        var rendered = _renderer.RenderElements([new TicketText("Đăng ký khai sinh", TicketTextRole.Body, Justification.Left)], profile);
        var printer = new VirtualPrinter(_rasterizer, VirtualPrinterOptions.FromProfile(profile));

        printer.Write(rendered.Bytes);

        var drawn = Assert.Single(rendered.RasterLines);
        Assert.Equal("Đăng ký khai sinh", drawn.Text);
        var received = Assert.Single(Assert.Single(printer.Tickets).Images);
        Assert.Equal(drawn.Bitmap, received.Bitmap);
        // And it landed on the page unchanged.
        var page = printer.Tickets[0].Page;
        Assert.Equal(drawn.Bitmap.Data.ToArray(), page.Crop(received.X, received.Y, received.Bitmap.Width, received.Bitmap.Height).Data.ToArray());
        Assert.True(drawn.Bitmap.CountInk() > 300);
    }

    [Fact]
    public void RasterLine_TallerThanABand_IsSentInBandsAndJoinedBack()
    {
        var profile = new PrinterProfile { MaxRasterRowsPerBand = 16 };
        var rendered = _renderer.RenderElements([new TicketText("A012", TicketTextRole.Number, Justification.Center)], profile);
        var printer = new VirtualPrinter(_rasterizer, VirtualPrinterOptions.FromProfile(profile));

        printer.Write(rendered.Bytes);

        var drawn = Assert.Single(rendered.RasterLines);
        Assert.True(drawn.Bitmap.Height > 64, $"number is {drawn.Bitmap.Height} rows");
        Assert.True(CountRasterCommands(rendered.Bytes) >= drawn.Bitmap.Height / 16);
        Assert.Equal(drawn.Bitmap, Assert.Single(printer.Tickets[0].Images).Bitmap);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(58)]
    public void RasterDemoTicket_EveryLineArrivesAsDrawn_AndHasNoWhiteRows(int paperWidthMm)
    {
        var profile = new PrinterProfile { PaperWidthMm = paperWidthMm };
        var rendered = _renderer.RenderDetailed(TicketLayout.Demo(), profile);
        var printer = new VirtualPrinter(_rasterizer, VirtualPrinterOptions.FromProfile(profile));

        printer.Write(rendered.Bytes);

        var images = Assert.Single(printer.Tickets).Images;
        var textImages = images.Where(i => rendered.RasterLines.Any(l => l.Bitmap.Equals(i.Bitmap))).ToList();
        Assert.Equal(rendered.RasterLines.Count, textImages.Count);
        Assert.All(images, image =>
        {
            Assert.True(image.Bitmap.Width <= profile.WidthDots);
            var ink = image.Bitmap.FindInk();
            Assert.NotNull(ink);
            Assert.Equal(0, ink.Value.Top);
            Assert.Equal(image.Bitmap.Height - 1, ink.Value.Bottom);
        });
        Assert.Contains(rendered.RasterLines, l => l.Text == "A012");
        Assert.Contains(rendered.RasterLines, l => l.Text == "SỐ THỨ TỰ");
    }

    [Fact]
    public void CentredRasterLines_PrintInTheSamePlace_WithOrWithoutEscA()
    {
        var byCommand = new PrinterProfile { AlignRasterWithCommand = true };
        var byPadding = new PrinterProfile { AlignRasterWithCommand = false };
        var elements = new TicketElement[] { new TicketText("SỐ THỨ TỰ", TicketTextRole.Heading, Justification.Center) };

        var small = _renderer.RenderElements(elements, byCommand).Bytes;
        var padded = _renderer.RenderElements(elements, byPadding).Bytes;

        Assert.True(small.Length < padded.Length * 0.75, $"{small.Length} vs {padded.Length} bytes");
        Assert.False(padded.AsSpan().IndexOf(EscPosCommands.SetJustification(Justification.Center)) >= 0);
        var inkByCommand = PrintedInk(small, byCommand);
        var inkByPadding = PrintedInk(padded, byPadding);
        Assert.InRange(inkByCommand.Left - inkByPadding.Left, -4, 4);
        Assert.Equal(inkByPadding.Width, inkByCommand.Width);
        Assert.InRange((inkByCommand.Left + inkByCommand.Right) / 2, 284, 292);
    }

    [Fact]
    public void Raster80Ticket_IsAtMost24KB_AndTextTicketsAtMost2KB()
    {
        var layout = TicketLayout.Demo();

        Assert.InRange(_renderer.Render(layout, new PrinterProfile()).Length, 2_000, 24 * 1024);
        Assert.InRange(_renderer.Render(layout, new PrinterProfile { PaperWidthMm = 58 }).Length, 2_000, 24 * 1024);
        foreach (var mode in new[] { PrinterTextMode.Tcvn3, PrinterTextMode.Cp1258, PrinterTextMode.Ascii })
        {
            Assert.InRange(_renderer.Render(layout, new PrinterProfile { Mode = mode }).Length, 200, 2 * 1024);
        }
    }

    [Theory]
    [InlineData(PrinterTextMode.Raster)]
    [InlineData(PrinterTextMode.Tcvn3)]
    [InlineData(PrinterTextMode.Cp1258)]
    [InlineData(PrinterTextMode.Ascii)]
    public void EveryMode_StartsWithInitAndEndsWithTheProfilesCut(PrinterTextMode mode)
    {
        var profile = new PrinterProfile { Mode = mode, CutMode = CutMode.FeedThenPartial, CutFeedDots = 96 };

        var bytes = _renderer.Render(TicketLayout.Demo(), profile);

        Assert.Equal(EscPosCommands.Initialize(), bytes[..2]);
        Assert.Equal(EscPosCommands.Cut(CutMode.FeedThenPartial, 96), bytes[^4..]);
    }

    [Fact]
    public void CloneProfile_SendsCancelKanjiAfterInit()
    {
        var bytes = _renderer.Render(TicketLayout.Demo(), new PrinterProfile { Preset = "zjiang" });

        Assert.Equal([.. EscPosCommands.Initialize(), .. EscPosCommands.CancelKanjiMode()], bytes[..4]);
    }

    [Theory]
    [InlineData(PrinterTextMode.Tcvn3, "Tư pháp - Hộ tịch - Ưu tiên: Người cao tuổi")]
    [InlineData(PrinterTextMode.Cp1258, "Tư pháp – Hộ tịch – Ưu tiên: Người cao tuổi")]
    [InlineData(PrinterTextMode.Ascii, "Tu phap - Ho tich - Uu tien: Nguoi cao tuoi")]
    public void PriorityTicket_EveryTextMode_PrintsNoQuestionMark(PrinterTextMode mode, string serviceLine)
    {
        // A priority ticket as the kiosk lays it out (Kiosk.Ui QueueTicketPrinter: "service – Ưu tiên: …"),
        // with typographic punctuation in every text field the layout prints.
        var layout = TicketLayout.Demo() with
        {
            CentreName = "UBND PHƯỜNG BẾN THÀNH – BỘ PHẬN MỘT CỬA",
            ServiceName = "Tư pháp – Hộ tịch – Ưu tiên: Người cao tuổi",
            ProcedureName = "Chứng thực “bản sao” từ bản chính…",
            Footer = "Xin cảm ơn quý khách! · Hotline 1900",
        };
        var profile = new PrinterProfile { Mode = mode };
        var printer = new VirtualPrinter(_rasterizer, VirtualPrinterOptions.FromProfile(profile));

        printer.Write(_renderer.Render(layout, profile));

        var lines = Assert.Single(printer.Tickets).TextLines;
        Assert.DoesNotContain(lines, l => l.Contains('?', StringComparison.Ordinal));
        Assert.Contains(serviceLine, lines);
    }

    [Theory]
    [InlineData(PrinterTextMode.Tcvn3, "SỐ THỨ TỰ", "Đăng ký khai sinh")]
    [InlineData(PrinterTextMode.Cp1258, "SỐ THỨ TỰ", "Đăng ký khai sinh")]
    [InlineData(PrinterTextMode.Ascii, "SO THU TU", "Dang ky khai sinh")]
    public void TextModeTicket_DecodesBackToTheLayoutText(PrinterTextMode mode, string heading, string procedure)
    {
        var profile = new PrinterProfile { Mode = mode };
        var printer = new VirtualPrinter(_rasterizer, VirtualPrinterOptions.FromProfile(profile));

        printer.Write(_renderer.Render(TicketLayout.Demo(), profile));

        var lines = Assert.Single(printer.Tickets).TextLines;
        Assert.Contains(heading, lines);
        Assert.Contains("A012", lines);
        Assert.Contains(procedure, lines);
        Assert.Contains(lines, l => l.StartsWith("Gi", StringComparison.Ordinal) && l.EndsWith("08:15:42 21/11/2026", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(PrinterTextMode.Tcvn3, "Civil status - Priority: Elderly person")]
    [InlineData(PrinterTextMode.Cp1258, "Civil status – Priority: Elderly person")]
    [InlineData(PrinterTextMode.Ascii, "Civil status - Priority: Elderly person")]
    public void EnglishTicket_EveryTextMode_DecodesBackToEnglishLabels(PrinterTextMode mode, string serviceLine)
    {
        // A citizen who chose English (issue 10 item 12): the ticket's own words in English, the names as the kiosk passes them.
        var layout = TicketLayout.Demo() with { Wording = TicketWording.English, ServiceName = "Civil status – Priority: Elderly person" };
        var profile = new PrinterProfile { Mode = mode };
        var printer = new VirtualPrinter(_rasterizer, VirtualPrinterOptions.FromProfile(profile));

        printer.Write(_renderer.Render(layout, profile));

        var lines = Assert.Single(printer.Tickets).TextLines;
        Assert.Contains("QUEUE NUMBER", lines);
        Assert.Contains("A012", lines);
        Assert.Contains(serviceLine, lines);
        Assert.Contains("Counters: 1, 2, 5", lines);
        Assert.Contains("People ahead of you: 7", lines);
        Assert.Contains("Estimated wait: about 25 min", lines);
        Assert.Contains("Issued at: 08:15:42 21/11/2026", lines);
        Assert.Contains("Scan the QR code to follow your number", lines);
        Assert.Contains("Thank you!", lines);
        Assert.DoesNotContain(lines, l => l.Contains('?', StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("chờ", StringComparison.Ordinal) || l.Contains("cho truoc", StringComparison.Ordinal));
    }

    [Fact]
    public void EnglishTicket_Raster_DrawsTheEnglishLabels()
    {
        var layout = TicketLayout.Demo() with { Wording = TicketWording.English };

        var texts = _renderer.RenderDetailed(layout, new PrinterProfile()).RasterLines.Select(l => l.Text).ToList();

        Assert.Contains("QUEUE NUMBER", texts);
        Assert.Contains("People ahead of you: 7", texts);
        Assert.Contains("Thank you!", texts);
        Assert.DoesNotContain("SỐ THỨ TỰ", texts);
    }

    [Fact]
    public void Layout_WithoutLabels_IsVietnamese()
    {
        var layout = new TicketLayout { CentreName = "UBND", Number = "A001", ServiceName = "Hộ tịch", IssuedAt = DateTimeOffset.UnixEpoch };

        Assert.Same(TicketWording.Vietnamese, layout.Wording);
        Assert.Equal("SỐ THỨ TỰ", layout.Heading);
        Assert.Equal(TicketWording.Vietnamese.ThankYou, layout.Footer);
        Assert.Equal("Quét mã QR để theo dõi số thứ tự", layout.LookupCaption);
    }

    [Theory]
    [InlineData(0.4, "under 1 minute")]
    [InlineData(25, "about 25 min")]
    [InlineData(70, "about 1 h 10 min")]
    public void FormatWait_English(double minutes, string expected) => Assert.Equal(expected, TicketWording.English.FormatWait(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void Tcvn3Ticket_UsesBothCaseTables()
    {
        var bytes = _renderer.Render(TicketLayout.Demo(), new PrinterProfile { Mode = PrinterTextMode.Tcvn3, Tcvn3LowerTable = 40, Tcvn3UpperTable = 41 });

        Assert.True(Contains(bytes, EscPosCommands.SelectCodeTable(40)));
        Assert.True(Contains(bytes, EscPosCommands.SelectCodeTable(41)));
    }

    [Fact]
    public void LongNumber_ShrinksToFitInsteadOfWrapping()
    {
        var profile = new PrinterProfile { PaperWidthMm = 58 };
        var layout = TicketLayout.Demo() with { Number = "CT-2026-00042" };

        var rendered = _renderer.RenderDetailed(layout, profile);

        var number = Assert.Single(rendered.RasterLines, l => l.Text == "CT-2026-00042");
        Assert.True(number.Bitmap.Width <= 384);
    }

    [Fact]
    public void LongProcedureName_WrapsWithinThePaper()
    {
        var profile = new PrinterProfile { PaperWidthMm = 58 };
        var layout = TicketLayout.Demo() with { ProcedureName = "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp" };

        var rendered = _renderer.RenderDetailed(layout, profile);

        var lines = rendered.RasterLines.Where(l => "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp".Contains(l.Text, StringComparison.Ordinal)).ToList();
        Assert.True(lines.Count >= 3, $"{lines.Count} lines");
        Assert.All(lines, l => Assert.True(l.Bitmap.Width <= 384));
        Assert.Equal(layout.ProcedureName, string.Join(' ', lines.Select(l => l.Text)));
    }

    [Theory]
    [InlineData(PrinterTextMode.Raster)]
    [InlineData(PrinterTextMode.Tcvn3)]
    [InlineData(PrinterTextMode.Cp1258)]
    public void DecomposedInput_PrintsTheSameAsNfc(PrinterTextMode mode)
    {
        var nfc = TicketLayout.Demo();
        var nfd = nfc with
        {
            CentreName = nfc.CentreName.Normalize(System.Text.NormalizationForm.FormD),
            ProcedureName = nfc.ProcedureName!.Normalize(System.Text.NormalizationForm.FormD),
            Heading = nfc.Heading.Normalize(System.Text.NormalizationForm.FormD),
        };
        var profile = new PrinterProfile { Mode = mode };

        Assert.Equal(_renderer.Render(nfc, profile), _renderer.Render(nfd, profile));
    }

    [Fact]
    public void ParallelRenders_GiveIdenticalBytes()
    {
        var profile = new PrinterProfile();
        var expected = _renderer.Render(TicketLayout.Demo(), profile);
        var results = new byte[16][];

        Parallel.For(0, results.Length, i => results[i] = _renderer.Render(TicketLayout.Demo(), profile));

        Assert.All(results, bytes => Assert.Equal(expected, bytes));
    }

    [Fact]
    public void LongNamesTicket_StillPrintsEveryWord()
    {
        var layout = TicketLayout.Demo() with
        {
            CentreName = "TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH THỪA THIÊN HUẾ - CHI NHÁNH THÀNH PHỐ",
            ProcedureName = "Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp",
            Counters = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"],
        };
        var profile = new PrinterProfile();

        var rendered = _renderer.RenderDetailed(layout, profile);

        var printed = string.Join(' ', rendered.RasterLines.Select(l => l.Text));
        foreach (var word in $"{layout.CentreName} {layout.ProcedureName}".Split(' '))
        {
            Assert.Contains(word, printed, StringComparison.Ordinal);
        }

        Assert.All(rendered.RasterLines, l => Assert.True(l.Bitmap.Width <= profile.WidthDots));
    }

    [Fact]
    public void WithoutLookupUrl_NoQrCommand()
    {
        var bytes = _renderer.Render(TicketLayout.Demo() with { LookupUrl = null }, new PrinterProfile { Mode = PrinterTextMode.Ascii });

        Assert.False(Contains(bytes, EscPosCommands.QrPrint()));
    }

    [Fact]
    public void Renderer_WithFontPaths_OpensSkiaItself()
    {
        using var renderer = new TicketRenderer();

        var bytes = renderer.Render(TicketLayout.Demo(), new PrinterProfile { BoldFontPath = null });

        Assert.InRange(bytes.Length, 2_000, 24 * 1024);
    }

    [Theory]
    [InlineData(0.4, "dưới 1 phút")]
    [InlineData(25, "khoảng 25 phút")]
    [InlineData(70, "khoảng 1 giờ 10 phút")]
    public void FormatWait(double minutes, string expected) => Assert.Equal(expected, TicketLayout.FormatWait(TimeSpan.FromMinutes(minutes)));

    [Fact]
    public void FormatLookupUrl_EscapesTheNumber() =>
        Assert.Equal("https://x.vn/tra-cuu?so=A%2012", TicketLayout.FormatLookupUrl("https://x.vn/tra-cuu?so={number}", "A 12"));

    [Theory]
    [InlineData("a b c", 3, new[] { "a b", "c" })]
    [InlineData("abcdefg", 3, new[] { "abc", "def", "g" })]
    [InlineData("", 3, new[] { "" })]
    [InlineData("xin  chào", 20, new[] { "xin chào" })]
    public void TextWrapper_GreedyByWords(string text, int width, string[] expected) =>
        Assert.Equal(expected, TextWrapper.Wrap(text, width, s => s.Length));

    private InkBounds PrintedInk(byte[] bytes, PrinterProfile profile)
    {
        var printer = new VirtualPrinter(_rasterizer, VirtualPrinterOptions.FromProfile(profile));
        printer.Write(bytes);
        return Assert.Single(printer.Tickets).Page.FindInk()!.Value;
    }

    private static bool Contains(byte[] haystack, byte[] needle) => haystack.AsSpan().IndexOf(needle) >= 0;

    private static int CountRasterCommands(byte[] bytes)
    {
        var count = 0;
        var span = bytes.AsSpan();
        for (int at; (at = span.IndexOf([EscPosBytes.Gs, EscPosBytes.RasterLetter, EscPosBytes.RasterFunction])) >= 0; span = span[(at + 3)..])
        {
            count++;
        }

        return count;
    }
}
