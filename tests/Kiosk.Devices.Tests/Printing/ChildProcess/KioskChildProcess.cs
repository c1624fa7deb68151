using System.Diagnostics;
using System.Globalization;
using QueueKiosk.Devices.Printing.Queue;
using QueueKiosk.Devices.Printing.Status;
using QueueKiosk.Devices.Printing.Transports;

namespace QueueKiosk.Devices.Tests.Printing.ChildProcess;

/// <summary>
/// A kiosk print queue in its own process, driven line by line over stdin/stdout:
/// "enqueue N..." queues jobs and answers "queued"; "wait-printed N" answers "printed" once N
/// jobs have printed. The parent kills it with SIGKILL whenever it likes.
/// </summary>
internal static class KioskChildProcess
{
    public const string JournalVariable = "QK_TEST_CHILD_JOURNAL";
    public const string PortVariable = "QK_TEST_CHILD_PRINTER_PORT";

    private static readonly TimeSpan MaxLifetime = TimeSpan.FromMinutes(2);

    public static int Run()
    {
        var journal = Environment.GetEnvironmentVariable(JournalVariable)!;
        var port = int.Parse(Environment.GetEnvironmentVariable(PortVariable)!, CultureInfo.InvariantCulture);
        var transport = new TcpPrinterTransport(new TcpPrinterTransportOptions("127.0.0.1", port));
        using var queue = new TicketPrintQueue(
            new PrinterConnection(transport, new PrinterStatusOptions { PollInterval = TimeSpan.FromMilliseconds(200) }),
            new PrintQueueOptions(journal) { RetryInitialDelay = TimeSpan.FromMilliseconds(100), RetryMaxDelay = TimeSpan.FromMilliseconds(500) });
        var printed = 0;
        queue.JobPrinted += (_, _) => Interlocked.Increment(ref printed);
        queue.StartAsync(CancellationToken.None).GetAwaiter().GetResult();

        var lifetime = Stopwatch.StartNew();
        while (lifetime.Elapsed < MaxLifetime && Console.ReadLine() is { } line)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            switch (words[0])
            {
                case "enqueue":
                    foreach (var number in words.Skip(1).Select(w => int.Parse(w, CultureInfo.InvariantCulture)))
                    {
                        queue.EnqueueAsync(TestJobs.Job(number), number.ToString(CultureInfo.InvariantCulture)).GetAwaiter().GetResult();
                    }

                    Console.WriteLine("queued");
                    break;
                case "wait-printed":
                    var target = int.Parse(words[1], CultureInfo.InvariantCulture);
                    while (Volatile.Read(ref printed) < target && lifetime.Elapsed < MaxLifetime)
                    {
                        Thread.Sleep(20);
                    }

                    Console.WriteLine("printed");
                    break;
            }
        }

        return 0;
    }
}
