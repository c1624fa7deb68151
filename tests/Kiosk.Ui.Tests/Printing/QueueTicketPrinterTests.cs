using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Printing.Layout;
using QueueKiosk.Devices.Printing.Queue;
using QueueKiosk.Devices.Printing.Status;
using QueueKiosk.Devices.Printing.Transports;
using QueueKiosk.KioskUi.Printing;

namespace QueueKiosk.KioskUi.Tests.Printing;

/// <summary>The kiosk's printer adapter over the real print queue and an in-memory printer.</summary>
public sealed class QueueTicketPrinterTests : IAsyncLifetime
{
    private readonly string _dir = Directory.CreateTempSubdirectory("kiosk-printer-").FullName;
    private readonly InMemoryPrinterTransport _transport = new();
    private readonly TicketRenderer _renderer = new();
    private readonly PrinterProfile _profile = new() { Mode = PrinterTextMode.Ascii };
    private TicketPrintQueue _queue = null!;
    private QueueTicketPrinter _printer = null!;

    private static TicketPrintRequest Ticket(string number) => new(
        Guid.NewGuid(), "UBND phường Bến Thành", number, "Tư pháp - Hộ tịch", "Đăng ký khai sinh", [1, 2], 3, 12,
        new DateTime(2026, 11, 23, 8, 15, 0), null);

    public async Task InitializeAsync()
    {
        var connection = new PrinterConnection(_transport, new PrinterStatusOptions { PollInterval = TimeSpan.FromMilliseconds(100), ReplyTimeout = TimeSpan.FromSeconds(1) });
        _queue = new TicketPrintQueue(connection, new PrintQueueOptions(Path.Combine(_dir, "queue.journal")));
        _printer = new QueueTicketPrinter(_queue, _renderer, _profile);
        await _queue.StartAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Print_ReadyPrinter_SendsTheTicketAndSaysPrinted()
    {
        var outcome = await _printer.PrintAsync(Ticket("A012"), TimeSpan.FromSeconds(15), CancellationToken.None);

        Assert.Equal(PrintResult.Printed, outcome.Result);
        var sent = System.Text.Encoding.ASCII.GetString(_transport.Received);
        Assert.Contains("A012", sent, StringComparison.Ordinal);
        Assert.Contains("Dang ky khai sinh", sent, StringComparison.Ordinal);
    }

    [Fact]
    public void ToLayout_WithLookupTemplate_PutsTheNumberInTheQrUrl()
    {
        var layout = QueueTicketPrinter.ToLayout(Ticket("A012"), "https://motcua.example.gov.vn/tra-cuu?so={number}");

        Assert.Equal("https://motcua.example.gov.vn/tra-cuu?so=A012", layout.LookupUrl);
    }

    [Fact]
    public void ToLayout_WithTheHubsTrackingLink_PrintsIt_RatherThanTheNumberTemplate()
    {
        var ticket = Ticket("A012") with { TrackingUrl = "https://motcua.example.gov.vn/t/q3V9xZ0aB1cD2eF3gH4iJ5" };

        var layout = QueueTicketPrinter.ToLayout(ticket, "https://motcua.example.gov.vn/tra-cuu?so={number}");

        Assert.Equal("https://motcua.example.gov.vn/t/q3V9xZ0aB1cD2eF3gH4iJ5", layout.LookupUrl);
        Assert.Contains(TicketComposer.Compose(layout), e => e is TicketQrCode { Data: "https://motcua.example.gov.vn/t/q3V9xZ0aB1cD2eF3gH4iJ5" });
    }

    [Fact]
    public void ToLayout_PrintsTheSitesHeaderFooterAndThankYou_InThatOrder()
    {
        var ticket = Ticket("A012") with { Header = "BỘ PHẬN MỘT CỬA", Footer = "Chờ tại sảnh A\nĐường dây nóng 1900 1234", ThankYou = "Cảm ơn quý khách!" };

        var texts = TicketComposer.Compose(QueueTicketPrinter.ToLayout(ticket)).OfType<TicketText>().Select(t => t.Text).ToList();

        Assert.Equal(["UBND phường Bến Thành", "BỘ PHẬN MỘT CỬA"], texts.Take(2));
        Assert.Equal(["Chờ tại sảnh A", "Đường dây nóng 1900 1234", "Cảm ơn quý khách!"], texts.TakeLast(3));
    }

    [Fact]
    public void ToLayout_WithoutSiteTexts_KeepsTheDefaultThankYou()
    {
        var texts = TicketComposer.Compose(QueueTicketPrinter.ToLayout(Ticket("A012"))).OfType<TicketText>().Select(t => t.Text).ToList();

        Assert.Equal(TicketWording.Vietnamese.ThankYou, texts[^1]);
        Assert.Equal("SỐ THỨ TỰ", texts[1]);
        Assert.Contains("Số người chờ trước quý khách: 3", texts);
    }

    [Fact]
    public void ToLayout_English_HasEnglishLabels_AndThanksInEnglish()
    {
        var ticket = Ticket("A012") with { ServiceName = "Civil status", PriorityText = "Elderly person", ThankYou = "Cảm ơn quý khách!", Language = "en" };

        var texts = TicketComposer.Compose(QueueTicketPrinter.ToLayout(ticket)).OfType<TicketText>().Select(t => t.Text).ToList();

        Assert.Equal("QUEUE NUMBER", texts[1]);
        Assert.Contains("Civil status – Priority: Elderly person", texts);
        Assert.Contains("People ahead of you: 3", texts);
        Assert.Contains("Estimated wait: about 12 min", texts);
        Assert.Equal("Thank you!", texts[^1]);
    }

    [Fact]
    public async Task Print_EnglishTicket_InAsciiMode_SendsTheEnglishLabels()
    {
        var outcome = await _printer.PrintAsync(Ticket("A014") with { Language = "en" }, TimeSpan.FromSeconds(15), CancellationToken.None);

        Assert.Equal(PrintResult.Printed, outcome.Result);
        var sent = System.Text.Encoding.ASCII.GetString(_transport.Received);
        Assert.Contains("QUEUE NUMBER", sent, StringComparison.Ordinal);
        Assert.Contains("People ahead of you: 3", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("SO THU TU", sent, StringComparison.Ordinal);
    }

    [Fact]
    public void ToLayout_WithoutLookupTemplate_PrintsNoQrCode()
    {
        Assert.Null(QueueTicketPrinter.ToLayout(Ticket("A012")).LookupUrl);
    }

    [Fact]
    public async Task Status_PaperOut_IsReportedAsPaperOut_AndPrintingFailsWithoutWaitingTheFullTime()
    {
        _transport.PrinterState = PrinterStatus.Online | PrinterStatus.PaperOut;
        await Eventually.True(() => _printer.Status.Condition == PrinterCondition.PaperOut, "paper out reported");
        Assert.False(_printer.Status.CanPrint);

        var outcome = await _printer.PrintAsync(Ticket("A013"), TimeSpan.FromSeconds(30), CancellationToken.None);

        Assert.Equal(PrintResult.Failed, outcome.Result);
        Assert.Contains("Hết giấy", outcome.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(PrinterStatus.Online, PrinterCondition.Ready)]
    [InlineData(PrinterStatus.Online | PrinterStatus.PaperNearEnd, PrinterCondition.PaperLow)]
    [InlineData(PrinterStatus.Online | PrinterStatus.PaperOut | PrinterStatus.PaperNearEnd, PrinterCondition.PaperOut)]
    [InlineData(PrinterStatus.Online | PrinterStatus.CoverOpen, PrinterCondition.CoverOpen)]
    [InlineData(PrinterStatus.Disconnected, PrinterCondition.Offline)]
    [InlineData(PrinterStatus.Offline, PrinterCondition.Offline)]
    [InlineData(PrinterStatus.Online | PrinterStatus.Error, PrinterCondition.Error)]
    public void Map_PrinterStatus_ToWhatTheKioskShows(PrinterStatus status, PrinterCondition expected)
    {
        Assert.Equal(expected, QueueTicketPrinter.Map(new PrintQueueState(0, null, status, null, null, null)).Condition);
    }

    public async Task DisposeAsync()
    {
        await _queue.StopAsync(CancellationToken.None);
        _printer.Dispose();
        _queue.Dispose();
        _renderer.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
