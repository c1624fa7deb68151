using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Hub;
using QueueKiosk.KioskUi.Printing;
using QueueKiosk.KioskUi.Status;

namespace QueueKiosk.KioskUi.Tests.Status;

public sealed class KioskStateTests : IDisposable
{
    // Sunday 2026-11-22 09:00 in Vietnam: the sample site is closed all day.
    private static readonly DateTimeOffset SundayMorning = DateTimeOffset.Parse("2026-11-22T02:00:00Z", CultureInfo.InvariantCulture);

    // Monday 2026-11-23 08:00 in Vietnam: open.
    private static readonly DateTimeOffset MondayMorning = DateTimeOffset.Parse("2026-11-23T01:00:00Z", CultureInfo.InvariantCulture);

    private readonly string _dir = Directory.CreateTempSubdirectory("kiosk-state-").FullName;
    private readonly FixedTime _time = new(MondayMorning);
    private readonly FakePrinter _printer = new();
    private readonly KioskOptions _options = new() { HubUrl = "http://127.0.0.1:1", DeviceKey = "k" };
    private readonly HubLink _link;
    private readonly CatalogueStore _store;

    public KioskStateTests()
    {
        _link = new HubLink(_time);
        _store = new CatalogueStore(Path.Combine(_dir, "c.json"), NullLogger<CatalogueStore>.Instance);
    }

    private KioskState State() => new(_store, _link, _printer, Options.Create(_options), _time);

    [Fact]
    public void NoCatalogueYet_SaysHubUnavailable()
    {
        Assert.Equal(KioskNotice.HubUnavailable, State().Current().Notice);
        Assert.False(State().Current().CanIssue);
    }

    [Fact]
    public async Task AllWell_NoNotice()
    {
        await _store.ReplaceAsync(SampleCatalogue.Catalogue() with { HubSaidOpen = false }, CancellationToken.None);

        var view = State().Current();

        Assert.Equal(KioskNotice.None, view.Notice);
        Assert.True(view.CanIssue);
    }

    [Fact]
    public async Task OutsideHours_SaysClosedWithTheNextOpening()
    {
        await _store.ReplaceAsync(SampleCatalogue.Catalogue() with { HubSaidOpen = false }, CancellationToken.None);
        _time.Now = SundayMorning;

        var view = State().Current();

        Assert.Equal(KioskNotice.Closed, view.Notice);
        Assert.Equal("07:30 23/11/2026", view.OpensAt);
        Assert.False(view.CanIssue);
    }

    [Fact]
    public async Task OutsideHours_ButTheHubSaidOpen_IsOpen()
    {
        await _store.ReplaceAsync(SampleCatalogue.Catalogue() with { HubSaidOpen = true }, CancellationToken.None);
        _time.Now = SundayMorning;

        Assert.Equal(KioskNotice.None, State().Current().Notice);
    }

    [Fact]
    public async Task HubDown_WinsOverPrinterTrouble_AndLookupsKeepTheCatalogue()
    {
        await _store.ReplaceAsync(SampleCatalogue.Catalogue(), CancellationToken.None);
        _printer.Status = new PrinterStatusView(PrinterCondition.PaperOut);
        _link.Failed("connection refused");

        var view = State().Current();

        Assert.Equal(KioskNotice.HubUnavailable, view.Notice);
        Assert.True(view.HasCatalogue);
        Assert.False(view.CanIssue);
    }

    [Theory]
    [InlineData(PrinterCondition.PaperOut, KioskNotice.PaperOut)]
    [InlineData(PrinterCondition.CoverOpen, KioskNotice.PrinterUnavailable)]
    [InlineData(PrinterCondition.Offline, KioskNotice.PrinterUnavailable)]
    [InlineData(PrinterCondition.PaperLow, KioskNotice.None)]
    public async Task PrinterTrouble_IsTheNotice_ButNumbersAreStillIssued(PrinterCondition condition, KioskNotice expected)
    {
        await _store.ReplaceAsync(SampleCatalogue.Catalogue(), CancellationToken.None);
        _printer.Status = new PrinterStatusView(condition);

        var view = State().Current();

        Assert.Equal(expected, view.Notice);
        Assert.True(view.CanIssue);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }

    private sealed class FakePrinter : ITicketPrinter
    {
        public PrinterStatusView Status { get; set; } = new(PrinterCondition.Ready);

        public Task<PrintOutcome> PrintAsync(TicketPrintRequest ticket, TimeSpan wait, CancellationToken cancellationToken) =>
            Task.FromResult(new PrintOutcome(PrintResult.Printed));
    }
}
