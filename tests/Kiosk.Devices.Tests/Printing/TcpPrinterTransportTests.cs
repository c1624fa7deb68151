using Microsoft.Extensions.Time.Testing;
using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Printing.Status;
using QueueKiosk.Devices.Printing.Transports;
using QueueKiosk.Devices.Serial;

namespace QueueKiosk.Devices.Tests.Printing;

public sealed class TcpPrinterTransportTests
{
    [Fact]
    public async Task Write_ReachesThePrinter()
    {
        await using var emulator = PrinterEmulator.StartTcp();
        await using var transport = Tcp(emulator);

        await transport.WriteAsync(TestJobs.Job(1, padding: 20_000));

        await Eventually.True(() => TestJobs.Complete(emulator.ReceivedText).SequenceEqual([1]), "job 1 received intact");
    }

    [Fact]
    public async Task Write_AfterThePrinterDroppedTheIdleConnection_ReconnectsTransparently()
    {
        await using var emulator = PrinterEmulator.StartTcp();
        await using var transport = Tcp(emulator);
        await transport.WriteAsync(TestJobs.Job(1));
        await Eventually.True(() => TestJobs.Complete(emulator.ReceivedText).Count == 1, "job 1 received");

        emulator.DropConnections();
        await Task.Delay(200); // let the FIN arrive, as it would during 90 idle seconds

        await transport.WriteAsync(TestJobs.Job(2));
        await Eventually.True(() => TestJobs.Complete(emulator.ReceivedText).SequenceEqual([1, 2]), "job 2 received after reconnect");
    }

    [Fact]
    public async Task Write_AfterLongIdle_UsesAFreshConnection()
    {
        await using var emulator = PrinterEmulator.StartTcp();
        var clock = new FakeTimeProvider();
        await using var transport = new TcpPrinterTransport(new TcpPrinterTransportOptions("127.0.0.1", emulator.Port) { IdleReconnectAfter = TimeSpan.FromSeconds(60), Time = clock });
        await transport.WriteAsync(TestJobs.Job(1));
        await Eventually.True(() => emulator.Connections == 1, "first connection");

        clock.Advance(TimeSpan.FromSeconds(61)); // idle longer than IdleReconnectAfter

        await transport.WriteAsync(TestJobs.Job(2));
        await Eventually.True(() => TestJobs.Complete(emulator.ReceivedText).SequenceEqual([1, 2]), "both jobs received");
        Assert.Equal(2, emulator.Connections);
    }

    [Fact]
    public async Task Connect_NobodyListening_FailsWithIOException()
    {
        int port;
        await using (var emulator = PrinterEmulator.StartTcp())
        {
            port = emulator.Port;
        }

        await using var transport = new TcpPrinterTransport(new TcpPrinterTransportOptions("127.0.0.1", port));
        await Assert.ThrowsAsync<IOException>(() => transport.ConnectAsync().AsTask());
        Assert.False(transport.IsConnected);
    }

    [Theory]
    [InlineData(PrinterStatus.Online)]
    [InlineData(PrinterStatus.PaperOut)]
    [InlineData(PrinterStatus.CoverOpen)]
    [InlineData(PrinterStatus.Online | PrinterStatus.PaperNearEnd)]
    [InlineData(PrinterStatus.Error)]
    public async Task StatusCheck_ReportsWhatThePrinterSays(PrinterStatus state)
    {
        await using var emulator = PrinterEmulator.StartTcp();
        emulator.State = state;
        await using var printer = new PrinterConnection(Tcp(emulator));

        var status = await printer.CheckStatusAsync();

        Assert.Equal(state, status & ~PrinterStatus.Offline);
        Assert.Equal(state.HasFlag(PrinterStatus.Online), status.CanPrint());
    }

    [Fact]
    public async Task Polling_CablePulled_BecomesDisconnected_ThenOnlineWhenPluggedBack()
    {
        await using var emulator = PrinterEmulator.StartTcp();
        await using var printer = new PrinterConnection(Tcp(emulator));
        var changes = new List<PrinterStatus>();
        printer.StatusChanged += (_, e) => { lock (changes) { changes.Add(e.Current); } };
        using var stop = new CancellationTokenSource();
        var polling = printer.RunPollingAsync(stop.Token);
        await Eventually.True(() => printer.Status == PrinterStatus.Online, "online");

        emulator.PullCable();
        await Eventually.True(() => printer.Status == PrinterStatus.Disconnected, "disconnected after the cable is pulled");

        emulator.PlugCable();
        await Eventually.True(() => printer.Status == PrinterStatus.Online, "online again");
        await stop.CancelAsync();
        await polling;
        lock (changes)
        {
            Assert.Equal([PrinterStatus.Online, PrinterStatus.Disconnected, PrinterStatus.Online], changes);
        }
    }

    [Fact]
    public async Task Polling_PrinterGoesSilent_BecomesDisconnected()
    {
        await using var emulator = PrinterEmulator.StartTcp();
        await using var printer = new PrinterConnection(Tcp(emulator));
        using var stop = new CancellationTokenSource();
        var polling = printer.RunPollingAsync(stop.Token);
        await Eventually.True(() => printer.Status == PrinterStatus.Online, "online");

        emulator.Silent = true;
        await Eventually.True(() => printer.Status == PrinterStatus.Disconnected, "disconnected when replies stop");

        emulator.Silent = false;
        await Eventually.True(() => printer.Status == PrinterStatus.Online, "online when replies resume");
        await stop.CancelAsync();
        await polling;
    }

    [Fact]
    public async Task SerialPolling_At9600_Rs232CablePulled_BecomesDisconnected_ThenOnline()
    {
        // On RS-232 a pulled cable just means silence: nothing closes, replies stop coming.
        await using var emulator = PrinterEmulator.StartPty(9600);
        var settings = new SerialPortSettings(emulator.PtyPath!) { BaudRate = 9600, WriteTimeout = TimeSpan.FromSeconds(10) };
        await using var printer = new PrinterConnection(new SerialPrinterTransport(settings, new SerialPortFactory()));
        using var stop = new CancellationTokenSource();
        var polling = printer.RunPollingAsync(stop.Token);
        await Eventually.True(() => printer.Status == PrinterStatus.Online, "online over the pty");

        emulator.Silent = true;
        await Eventually.True(() => printer.Status == PrinterStatus.Disconnected, "disconnected when replies stop");
        emulator.Silent = false;
        await Eventually.True(() => printer.Status == PrinterStatus.Online, "online when replies resume");

        emulator.State = PrinterStatus.CoverOpen;
        await Eventually.True(() => printer.Status.HasFlag(PrinterStatus.CoverOpen), "cover open reported");
        await stop.CancelAsync();
        await polling;
    }

    internal static TcpPrinterTransport Tcp(PrinterEmulator emulator) =>
        new(new TcpPrinterTransportOptions("127.0.0.1", emulator.Port) { WriteTimeout = TimeSpan.FromSeconds(10), ConnectTimeout = TimeSpan.FromSeconds(5) });
}
