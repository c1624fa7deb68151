using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.EscPos.CodePages;
using QueueKiosk.Devices.Fonts;
using QueueKiosk.Devices.Printing.Layout;
using QueueKiosk.Devices.Simulation;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests;

/// <summary>
/// Issue 10 item 9 on both databases: the "people ahead" and the estimate the hub answers at issue
/// (and the kiosk prints) count whom the queue rules call first, for priority and ordinary tickets
/// alike; an officer calling next then calls them in exactly that order. The printed lines are
/// checked decoded back from the printer's bytes in every text mode.
/// </summary>
public abstract class PeopleAheadOnTicketTests(ITestOutputHelper output) : HubAppTest(output)
{
    [Fact]
    public async Task PriorityAndOrdinaryTickets_PrintTheCountTheCallOrderGives_AndAreCalledInThatOrder()
    {
        if (App is null)
        {
            return;
        }

        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        var first = await IssueAsync(kiosk, a);
        var second = await IssueAsync(kiosk, a);
        var elderly = await IssueAsync(kiosk, a, PriorityCategory.Elderly);
        var pregnant = await IssueAsync(kiosk, a, PriorityCategory.Pregnant);
        var late = await IssueAsync(kiosk, a);

        // At issue: the priority tickets jump the ordinary ones, so they count only the priority ticket before them;
        // the ordinary ticket issued last counts everyone, the two priority tickets included.
        Assert.Equal([0, 1, 0, 1, 4], new[] { first, second, elderly, pregnant, late }.Select(t => t.PeopleAhead));
        Assert.Equal(0, elderly.EstimatedWaitMinutes);
        Assert.True(second.EstimatedWaitMinutes > 0, "one person ahead takes some time");
        Assert.Equal(second.EstimatedWaitMinutes, pregnant.EstimatedWaitMinutes);
        Assert.True(late.EstimatedWaitMinutes >= second.EstimatedWaitMinutes);

        // What each printed ticket says, decoded from the printer's bytes, in every text mode.
        using var printer = new TicketPrinting();
        foreach (var ticket in new[] { first, second, elderly, pregnant, late })
        {
            foreach (var mode in TicketPrinting.TextModes)
            {
                var lines = printer.Print(ticket, mode);
                Assert.Contains(TicketPrinting.AsPrinted(mode, $"Số người chờ trước quý khách: {ticket.PeopleAhead}"), lines);
                Assert.Contains(TicketPrinting.AsPrinted(mode, $"Thời gian chờ dự kiến: {TicketWording.Vietnamese.FormatWait(TimeSpan.FromMinutes(ticket.EstimatedWaitMinutes))}"), lines);
            }
        }

        Assert.Contains(TicketPrinting.AsPrinted(PrinterTextMode.Tcvn3, "Thời gian chờ dự kiến: dưới 1 phút"), printer.Print(elderly, PrinterTextMode.Tcvn3));

        // Now, with everyone in: the ordinary tickets the priority ones jumped count them too.
        var waiting = (await App.SnapshotAsync()).Waiting.ToDictionary(t => t.Number);
        Assert.Equal([2, 3, 0, 1, 4], new[] { first, second, elderly, pregnant, late }.Select(t => waiting[t.Number].PeopleAhead));
        Assert.Equal(0, waiting[elderly.Number].EstimatedWaitMinutes);

        // And the rules call them in exactly that order.
        var counter = await App.CounterIdAsync(1);
        using var officer = await App.SignInAsync("canbo1", counter);
        var called = new List<string>();
        while (await officer.CallNextAsync(counter) is { } next)
        {
            called.Add(next.Number);
        }

        Assert.Equal(waiting.Values.OrderBy(t => t.PeopleAhead).Select(t => t.Number), called);
        Assert.Equal([elderly.Number, pregnant.Number, first.Number, second.Number, late.Number], called);
    }

    private async Task<TicketDto> IssueAsync(HttpClient kiosk, Guid service, PriorityCategory priority = PriorityCategory.None)
    {
        App!.Time.Advance(TimeSpan.FromSeconds(10));
        return await App.IssueAsync(kiosk, service, priority);
    }

    /// <summary>The ticket as the kiosk lays it out from the hub's answer, printed and read back by the virtual printer.</summary>
    private sealed class TicketPrinting : IDisposable
    {
        public static readonly PrinterTextMode[] TextModes = [PrinterTextMode.Tcvn3, PrinterTextMode.Cp1258, PrinterTextMode.Ascii];

        private readonly SkiaTextRasterizer _rasterizer = SkiaTextRasterizer.OpenDefault();
        private readonly TicketRenderer _renderer;

        public TicketPrinting() => _renderer = new TicketRenderer(_rasterizer);

        public IReadOnlyList<string> Print(TicketDto ticket, PrinterTextMode mode)
        {
            var layout = new TicketLayout
            {
                CentreName = "UBND PHƯỜNG BẾN THÀNH",
                Number = ticket.Number,
                ServiceName = ticket.ServiceName,
                PriorityName = ticket.Priority == PriorityCategory.None ? null : ticket.Priority.ToString(),
                PeopleAhead = ticket.PeopleAhead,
                EstimatedWait = TimeSpan.FromMinutes(ticket.EstimatedWaitMinutes),
                IssuedAt = ticket.IssuedAt,
            };
            var profile = new PrinterProfile { Mode = mode };
            var printer = new VirtualPrinter(_rasterizer, VirtualPrinterOptions.FromProfile(profile));
            printer.Write(_renderer.Render(layout, profile));
            return Assert.Single(printer.Tickets).TextLines;
        }

        /// <summary>What a text mode prints for <paramref name="text"/>: ASCII folds the diacritics; TCVN-3 and CP1258 keep these lines as they are.</summary>
        public static string AsPrinted(PrinterTextMode mode, string text) =>
            mode == PrinterTextMode.Ascii ? AsciiFold.Fold(text) : text;

        public void Dispose()
        {
            _renderer.Dispose();
            _rasterizer.Dispose();
        }
    }
}

public sealed class SqlitePeopleAheadOnTicketTests(ITestOutputHelper output) : PeopleAheadOnTicketTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresPeopleAheadOnTicketTests(ITestOutputHelper output) : PeopleAheadOnTicketTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}
