using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.EscPos.CodePages;
using QueueKiosk.Devices.Fonts;
using QueueKiosk.Devices.Printing.Layout;
using QueueKiosk.Devices.Simulation;

namespace QueueKiosk.Devices.Tests.Layout;

/// <summary>
/// Issue 10 item 8: the paper and the kiosk's screen word a ticket the same way. The screen shows
/// <see cref="TicketLayout.ServiceLine"/> and <see cref="TicketLayout.Facts"/> of the layout it
/// prints (Kiosk.Ui TakeNumberService); here the paper, decoded back from the printer's bytes in
/// every mode, must carry exactly those lines.
/// </summary>
public sealed class TicketWordingTests : IDisposable
{
    private readonly SkiaTextRasterizer _rasterizer = SkiaTextRasterizer.OpenDefault();
    private readonly TicketRenderer _renderer;

    public TicketWordingTests() => _renderer = new TicketRenderer(_rasterizer);

    public void Dispose()
    {
        _renderer.Dispose();
        _rasterizer.Dispose();
    }

    public static TheoryData<PrinterTextMode> TextModes => new() { PrinterTextMode.Tcvn3, PrinterTextMode.Cp1258, PrinterTextMode.Ascii };

    /// <summary>An elderly citizen's ticket with nobody ahead: the case the walk found ("0 phút" on screen, no priority shown).</summary>
    private static TicketLayout ElderlyFirstInLine() => TicketLayout.Demo() with
    {
        ServiceName = "Tư pháp - Hộ tịch",
        PriorityName = "Người cao tuổi",
        PeopleAhead = 0,
        EstimatedWait = TimeSpan.Zero,
        LookupUrl = null,
    };

    [Theory]
    [InlineData(PrinterTextMode.Tcvn3, "Tư pháp - Hộ tịch - Ưu tiên: Người cao tuổi", "Số người chờ trước quý khách: 0", "Thời gian chờ dự kiến: dưới 1 phút")]
    [InlineData(PrinterTextMode.Cp1258, "Tư pháp - Hộ tịch – Ưu tiên: Người cao tuổi", "Số người chờ trước quý khách: 0", "Thời gian chờ dự kiến: dưới 1 phút")]
    [InlineData(PrinterTextMode.Ascii, "Tu phap - Ho tich - Uu tien: Nguoi cao tuoi", "So nguoi cho truoc quy khach: 0", "Thoi gian cho du kien: duoi 1 phut")]
    public void PriorityTicket_NobodyAhead_PrintsThePriority_QuyKhach_AndUnderOneMinute(PrinterTextMode mode, string serviceLine, string ahead, string wait)
    {
        var lines = PrintedLines(ElderlyFirstInLine(), mode);

        Assert.Contains(serviceLine, lines);
        Assert.Contains(ahead, lines);
        Assert.Contains(wait, lines);
        Assert.DoesNotContain(lines, l => l.Contains(" 0 ph", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains('?', StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(TextModes))]
    public void EveryTextMode_PaperCarriesTheScreensServiceLineAndFacts(PrinterTextMode mode)
    {
        foreach (var layout in new[] { ElderlyFirstInLine(), TicketLayout.Demo(), ElderlyFirstInLine() with { PeopleAhead = 3, EstimatedWait = TimeSpan.FromMinutes(75) } })
        {
            var lines = PrintedLines(layout, mode);

            // What Kiosk.Ui puts on the screen for this ticket (in Vietnamese), folded as the mode prints it.
            Assert.Contains(AsPrinted(mode, layout.ServiceLine(TicketWording.Vietnamese)), lines);
            var facts = layout.Facts(TicketWording.Vietnamese);
            Assert.Equal(layout.EstimatedWait is null ? 3 : 4, facts.Count);
            foreach (var fact in facts)
            {
                Assert.Contains(AsPrinted(mode, TicketWording.Line(fact)), lines);
            }
        }
    }

    [Fact]
    public void RasterMode_DrawsTheScreensServiceLineAndFacts()
    {
        var layout = ElderlyFirstInLine();

        var drawn = _renderer.RenderDetailed(layout, new PrinterProfile { Mode = PrinterTextMode.Raster }).RasterLines.Select(l => l.Text).ToList();

        // The bold service line wraps on paper; the words run on across the drawn lines.
        Assert.Contains("Tư pháp - Hộ tịch – Ưu tiên: Người cao tuổi", string.Join(' ', drawn), StringComparison.Ordinal);
        Assert.Contains("Số người chờ trước quý khách: 0", drawn);
        Assert.Contains("Thời gian chờ dự kiến: dưới 1 phút", drawn);
        foreach (var fact in layout.Facts())
        {
            Assert.Contains(TicketWording.Line(fact), drawn);
        }
    }

    [Fact]
    public void OrdinaryTicket_HasNoPriorityInItsServiceLine() =>
        Assert.Equal("Tư pháp - Hộ tịch", (ElderlyFirstInLine() with { PriorityName = null }).ServiceLine());

    [Theory]
    [InlineData(0, "dưới 1 phút", "under 1 minute")]
    [InlineData(0.4, "dưới 1 phút", "under 1 minute")]
    [InlineData(25, "khoảng 25 phút", "about 25 min")]
    [InlineData(70, "khoảng 1 giờ 10 phút", "about 1 h 10 min")]
    public void FormatWait_BothLanguages_NeverZeroMinutes(double minutes, string vietnamese, string english)
    {
        Assert.Equal(vietnamese, TicketWording.Vietnamese.FormatWait(TimeSpan.FromMinutes(minutes)));
        Assert.Equal(english, TicketWording.English.FormatWait(TimeSpan.FromMinutes(minutes)));
    }

    [Fact]
    public void Vietnamese_AddressesTheCitizenAsQuyKhach()
    {
        var facts = ElderlyFirstInLine().Facts(TicketWording.Vietnamese);

        Assert.Equal("Số người chờ trước quý khách", Assert.Single(facts, f => f.Kind == TicketFactKind.PeopleAhead).Label);
        Assert.DoesNotContain(facts, f => f.Label.Contains("bạn", StringComparison.OrdinalIgnoreCase));
    }

    private List<string> PrintedLines(TicketLayout layout, PrinterTextMode mode)
    {
        var profile = new PrinterProfile { Mode = mode };
        var printer = new VirtualPrinter(_rasterizer, VirtualPrinterOptions.FromProfile(profile));
        printer.Write(_renderer.Render(layout, profile));
        return [.. Assert.Single(printer.Tickets).TextLines];
    }

    /// <summary>What a text mode prints for <paramref name="text"/>: ASCII folds everything, TCVN-3 folds what it lacks (the en dash), CP1258 keeps it.</summary>
    private static string AsPrinted(PrinterTextMode mode, string text) => mode switch
    {
        PrinterTextMode.Ascii => AsciiFold.Fold(text),
        PrinterTextMode.Tcvn3 => string.Concat(text.Select(c => Tcvn3.Encode(c) is null ? AsciiFold.Fold(c.ToString()) : c.ToString())),
        _ => text,
    };
}
