using System.Diagnostics;
using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Printing.Queue;
using QueueKiosk.Devices.Printing.Status;
using QueueKiosk.Devices.Tests.Printing.ChildProcess;

namespace QueueKiosk.Devices.Tests.Printing;

public sealed class ProcessKillTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qk-kill-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task KioskKilledWithSigkill_QueuedJobsPrintAfterRestart_NoneTwice()
    {
        var journal = Path.Combine(_directory, "print-queue.journal");
        await using var emulator = PrinterEmulator.StartTcp();
        using (var child = StartChild(journal, emulator.Port))
        {
            try
            {
                await Command(child, "enqueue 1 2", "queued");
                await Command(child, "wait-printed 2", "printed");

                emulator.State = PrinterStatus.PaperOut;
                await Command(child, "enqueue 3 4 5", "queued");
            }
            finally
            {
                child.Kill(); // SIGKILL: no shutdown code runs
                Assert.True(child.WaitForExit(20_000));
            }
        }

        Assert.Equal([1, 2], TestJobs.Complete(emulator.ReceivedText));
        emulator.State = PrinterStatus.Online;
        using var restarted = new TicketPrintQueue(
            new PrinterConnection(TcpPrinterTransportTests.Tcp(emulator)),
            new PrintQueueOptions(journal) { RetryInitialDelay = TimeSpan.FromMilliseconds(100), RetryMaxDelay = TimeSpan.FromMilliseconds(500) });
        await restarted.StartAsync(CancellationToken.None);
        Assert.Equal(3, restarted.State.QueuedCount);

        await Eventually.True(() => restarted.State.QueuedCount == 0, "recovered jobs printed");
        Assert.Equal([1, 2, 3, 4, 5], TestJobs.Complete(emulator.ReceivedText));
        await restarted.StopAsync(CancellationToken.None);
    }

    private static Process StartChild(string journal, int port)
    {
        var testAssembly = typeof(KioskChildProcess).Assembly.Location;
        var info = new ProcessStartInfo("dotnet", ["exec", testAssembly])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["DOTNET_STARTUP_HOOKS"] = testAssembly;
        info.Environment[KioskChildProcess.JournalVariable] = journal;
        info.Environment[KioskChildProcess.PortVariable] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var child = Process.Start(info)!;
        child.ErrorDataReceived += (_, _) => { };
        child.BeginErrorReadLine();
        return child;
    }

    private static async Task Command(Process child, string command, string expectedReply)
    {
        await child.StandardInput.WriteLineAsync(command);
        await child.StandardInput.FlushAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var reply = await child.StandardOutput.ReadLineAsync(deadline.Token);
        Assert.Equal(expectedReply, reply);
    }
}
