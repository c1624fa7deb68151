using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Printing.Queue;
using QueueKiosk.Devices.Printing.Status;
using QueueKiosk.Devices.Printing.Transports;
using QueueKiosk.Devices.Serial;

namespace QueueKiosk.Devices.Tests.Printing;

public sealed class TicketPrintQueueTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qk-queue-").FullName;

    private string JournalPath => Path.Combine(_directory, "print-queue.journal");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task PaperOutMidQueue_JobsWait_ThenAllPrintOnceInOrder()
    {
        await using var emulator = PrinterEmulator.StartTcp();
        using var queue = Queue(TcpPrinterTransportTests.Tcp(emulator));
        await queue.StartAsync(CancellationToken.None);
        await Enqueue(queue, 1, 2);
        await Eventually.True(() => queue.State.QueuedCount == 0 && Printed(emulator).SequenceEqual([1, 2]), "jobs 1-2 printed"); // bytes arrive before the queue confirms the job by its status check

        emulator.State = PrinterStatus.PaperOut;
        await Eventually.True(() => queue.State.PrinterStatus.HasFlag(PrinterStatus.PaperOut), "paper out seen");
        await Enqueue(queue, 3, 4, 5);
        await Eventually.True(() => queue.State.LastError?.Contains("Hết giấy", StringComparison.Ordinal) == true, "queue reports paper out");
        Assert.Equal(3, queue.State.QueuedCount);
        Assert.Equal([1, 2], Printed(emulator));

        emulator.State = PrinterStatus.Online;
        await Eventually.True(() => queue.State.QueuedCount == 0, "queue drained");
        Assert.Equal([1, 2, 3, 4, 5], Printed(emulator));
        Assert.Null(queue.State.LastError);
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PaperRunsOutWhileAJobIsInThePrinter_JobIsNotSentTwice()
    {
        var transport = new InMemoryPrinterTransport();
        using var queue = Queue(transport);
        transport.DataWritten += (_, _) => transport.PrinterState = PrinterStatus.PaperOut; // runs out during the job
        await queue.StartAsync(CancellationToken.None);
        await Enqueue(queue, 1);
        await Eventually.True(() => queue.State.LastError?.Contains("đang chờ in xong", StringComparison.Ordinal) == true, "waiting for the printer to finish");

        transport.PrinterState = PrinterStatus.Online;
        await Eventually.True(() => queue.State.QueuedCount == 0, "job done");
        Assert.Equal([1], TestJobs.Complete(System.Text.Encoding.ASCII.GetString(transport.Received)));
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task CablePulled_NothingBlocks_StatusDisconnected_QueueResumesAfterReconnect()
    {
        await using var emulator = PrinterEmulator.StartTcp();
        using var queue = Queue(TcpPrinterTransportTests.Tcp(emulator));
        await queue.StartAsync(CancellationToken.None);
        await Enqueue(queue, 1);
        await Eventually.True(() => queue.State.QueuedCount == 0 && Printed(emulator).SequenceEqual([1]), "job 1 printed"); // bytes arrive before the queue confirms the job by its status check

        emulator.PullCable();
        await Eventually.True(() => queue.State.PrinterStatus == PrinterStatus.Disconnected, "disconnected");
        var accepted = Enqueue(queue, 2, 3);
        Assert.Same(accepted, await Task.WhenAny(accepted, Task.Delay(TimeSpan.FromSeconds(20))));
        Assert.Equal(2, queue.State.QueuedCount);

        emulator.PlugCable();
        await Eventually.True(() => queue.State.QueuedCount == 0, "queue drained after reconnect");
        Assert.Equal([1, 2, 3], Printed(emulator));
        var stopped = queue.StopAsync(CancellationToken.None);
        Assert.Same(stopped, await Task.WhenAny(stopped, Task.Delay(TimeSpan.FromSeconds(20))));
    }

    [Fact]
    public async Task CablePulledMidJob_JobIsSentAgainAfterReconnect()
    {
        await using var emulator = PrinterEmulator.StartTcp();
        emulator.BytesPerSecond = 20_000; // a slow printer: the 60 KB job takes ~3 s to go in
        using var queue = Queue(TcpPrinterTransportTests.Tcp(emulator));
        await queue.StartAsync(CancellationToken.None);
        await Enqueue(queue, 1);
        await Eventually.True(() => emulator.Received.Length > 0, "job 1 started");
        // Padding makes the job large enough to be cut in the middle.
        await queue.EnqueueAsync(TestJobs.Job(2, padding: 60_000), "2");
        await Eventually.True(() => emulator.ReceivedText.Contains("JOB:002", StringComparison.Ordinal), "job 2 started");

        emulator.PullCable();
        await Eventually.True(() => queue.State.PrinterStatus == PrinterStatus.Disconnected, "disconnected");
        emulator.BytesPerSecond = 0;
        emulator.PlugCable();

        await Eventually.True(() => queue.State.QueuedCount == 0, "queue drained after reconnect");
        var printed = Printed(emulator);
        Assert.Equal(2, printed[^1]);
        Assert.Equal(1, printed[0]);
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task PrinterStopsTakingBytesMidJob_IsReportedDisconnectedDuringTheJob_AndTheJobFinishesOnce()
    {
        await using var emulator = PrinterEmulator.StartTcp();
        emulator.BytesPerSecond = 10_000;
        var transport = new TcpPrinterTransport(new TcpPrinterTransportOptions("127.0.0.1", emulator.Port) { WriteTimeout = TimeSpan.FromMinutes(2) });
        using var queue = Queue(transport);
        await queue.StartAsync(CancellationToken.None);
        await queue.EnqueueAsync(TestJobs.Job(1, padding: 30_000), "1");
        await Eventually.True(() => emulator.ReceivedText.Contains("JOB:001", StringComparison.Ordinal), "job 1 started");

        emulator.Silent = true; // the LAN cable is out: the socket stays open, nothing moves
        await Eventually.True(() => queue.State.PrinterStatus == PrinterStatus.Disconnected, "disconnected while the job is in flight");
        Assert.Equal("1", queue.State.CurrentJob?.Label);
        Assert.Equal(1, emulator.Connections); // reported before giving up on the job

        emulator.Silent = false; // cable back before the job's budget ran out: TCP resumes
        await Eventually.True(() => queue.State.QueuedCount == 0, "job 1 finished");
        Assert.Equal([1], Printed(emulator));
        Assert.Equal(1, emulator.Connections);
        Assert.Equal(PrinterStatus.Online, queue.State.PrinterStatus);
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SlowPrinter_LargeJob_IsPrintedOnce()
    {
        await using var emulator = PrinterEmulator.StartTcp();
        emulator.BytesPerSecond = 20_000;
        using var queue = Queue(TcpPrinterTransportTests.Tcp(emulator));
        await queue.StartAsync(CancellationToken.None);

        await queue.EnqueueAsync(TestJobs.Job(1, padding: 40_000), "1");
        await Enqueue(queue, 2);

        await Eventually.True(() => queue.State.QueuedCount == 0, "both printed");
        Assert.Equal([1, 2], Printed(emulator));
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task ProcessKilledWithJobsQueued_TheyPrintAfterRestart_OnceInOrder()
    {
        var deadPrinter = new InMemoryPrinterTransport { Unplugged = true };
        var first = Queue(deadPrinter);
        await first.StartAsync(CancellationToken.None);
        await Enqueue(first, 1, 2, 3);
        first.SimulateCrash(); // no StopAsync, no Dispose: the process is gone

        await using var emulator = PrinterEmulator.StartTcp();
        using var second = Queue(TcpPrinterTransportTests.Tcp(emulator));
        await second.StartAsync(CancellationToken.None);
        await Eventually.True(() => second.State.QueuedCount == 0, "recovered jobs printed");
        Assert.Equal([1, 2, 3], Printed(emulator));
        await second.StopAsync(CancellationToken.None);
        second.Dispose();

        // A third start finds nothing left to print, and can still reprint the last ticket.
        using var third = Queue(TcpPrinterTransportTests.Tcp(emulator));
        await third.StartAsync(CancellationToken.None);
        Assert.Equal(0, third.State.QueuedCount);
        var reprint = await third.ReprintLastAsync();
        Assert.NotNull(reprint);
        // The reprint is queued behind anything the third start recovered: printed alone, it shows nothing was.
        await Eventually.True(() => Printed(emulator).Count >= 4, "last ticket reprinted");
        Assert.Equal([1, 2, 3, 3], Printed(emulator));
        await third.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Journal_IsCompactedWhileRunning_WhenTheQueueEmpties()
    {
        var transport = new InMemoryPrinterTransport();
        using var queue = new TicketPrintQueue(
            new PrinterConnection(transport, new PrinterStatusOptions { PollInterval = TimeSpan.FromMilliseconds(200) }),
            new PrintQueueOptions(JournalPath) { RetryInitialDelay = TimeSpan.FromMilliseconds(100), CompactAfterBytes = 2_000 });
        await queue.StartAsync(CancellationToken.None);

        for (var i = 1; i <= 20; i++)
        {
            await queue.EnqueueAsync(TestJobs.Job(i, padding: 200), i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await Eventually.True(() => queue.State.QueuedCount == 0, "all printed");
        await Eventually.True(() => new FileInfo(JournalPath).Length < 2_000, "journal compacted");
        Assert.Equal(Enumerable.Range(1, 20), TestJobs.Complete(System.Text.Encoding.ASCII.GetString(transport.Received)));
        Assert.Equal("20", queue.State.LastPrinted?.Label);
        Assert.NotNull(await queue.ReprintLastAsync());
        await Eventually.True(() => TestJobs.Complete(System.Text.Encoding.ASCII.GetString(transport.Received)).Count == 21, "reprinted after compaction");
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Enqueue_RaisesStateChanged_AndJobPrinted()
    {
        var transport = new InMemoryPrinterTransport();
        using var queue = Queue(transport);
        var printed = new List<PrintJobInfo>();
        var maxQueued = 0;
        queue.JobPrinted += (_, job) => { lock (printed) { printed.Add(job); } };
        queue.StateChanged += (_, state) => maxQueued = Math.Max(maxQueued, state.QueuedCount);

        await Enqueue(queue, 1, 2); // before start: persisted, counted, not printed
        Assert.Equal(2, queue.State.QueuedCount);
        await queue.StartAsync(CancellationToken.None);

        await Eventually.True(() => { lock (printed) { return printed.Count == 2; } }, "two JobPrinted events");
        Assert.Equal(["1", "2"], printed.Select(p => p.Label));
        Assert.True(maxQueued >= 2);
        Assert.Equal("2", queue.State.LastPrinted?.Label);
        await queue.StopAsync(CancellationToken.None);
    }

    [Fact]
    public async Task SerialPrinterOverPty_PrintsAndResumesAfterThePtyVanishes()
    {
        await using var emulator = PrinterEmulator.StartPty(115200);
        var settings = new SerialPortSettings(emulator.PtyPath!) { BaudRate = 115200, ReadTimeout = TimeSpan.FromSeconds(1), WriteTimeout = TimeSpan.FromSeconds(10) };
        using var queue = Queue(new SerialPrinterTransport(settings, new SerialPortFactory()));
        await queue.StartAsync(CancellationToken.None);
        await Enqueue(queue, 1, 2);
        await Eventually.True(() => queue.State.QueuedCount == 0 && Printed(emulator).SequenceEqual([1, 2]), "jobs 1-2 printed over the pty"); // bytes arrive before the queue confirms the job by its status check

        emulator.PullCable();
        await Eventually.True(() => queue.State.PrinterStatus == PrinterStatus.Disconnected, "disconnected when the pty vanishes");
        await Enqueue(queue, 3);

        emulator.PlugCable(115200);
        await Eventually.True(() => queue.State.QueuedCount == 0, "job 3 printed after the pty is back");
        Assert.Equal([1, 2, 3], Printed(emulator));
        await queue.StopAsync(CancellationToken.None);
    }

    private TicketPrintQueue Queue(IPrinterTransport transport) =>
        new(
            new PrinterConnection(transport, new PrinterStatusOptions { PollInterval = TimeSpan.FromMilliseconds(200), ReplyTimeout = TimeSpan.FromSeconds(1), MinBytesPerSecond = 5_000 }),
            new PrintQueueOptions(JournalPath) { RetryInitialDelay = TimeSpan.FromMilliseconds(100), RetryMaxDelay = TimeSpan.FromMilliseconds(500) });

    private static async Task Enqueue(TicketPrintQueue queue, params int[] numbers)
    {
        foreach (var number in numbers)
        {
            await queue.EnqueueAsync(TestJobs.Job(number), number.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    private static IReadOnlyList<int> Printed(PrinterEmulator emulator) => TestJobs.Complete(emulator.ReceivedText);
}
