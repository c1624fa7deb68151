using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using QueueKiosk.Bench.Support;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.Bench.Scenarios;

/// <summary>
/// kiosk-tap-to-print: the citizen's tap as the kiosk page sends it (POST /kiosk-api/tickets to
/// Kiosk.Ui), through Hub.Server (real process, SQLite, demo data), the ticket rendered and sent by
/// the print queue over TCP 9100 framing, to the last byte of the ticket (its cut command) arriving
/// at a TCP printer emulator here. Needs Hub.Server and Kiosk.Ui built in the bench's configuration.
/// </summary>
public sealed class KioskTapToPrintScenario : IScenario
{
    private const string KioskKey = "demo-kiosk-key-0001";
    private const int Warmup = 5;
    private static readonly TimeSpan PerTicketLimit = TimeSpan.FromSeconds(15);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "kiosk-tap-to-print";

    public string Description => "kiosk take-a-number -> hub -> print queue -> last ticket byte at a TCP printer emulator (--tickets N, default 200)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var tickets = 200;
        var at = Array.IndexOf(args, "--tickets");
        if (at >= 0 && (at + 1 >= args.Length || !int.TryParse(args[at + 1], out tickets) || tickets < 1))
        {
            Console.Error.WriteLine("--tickets needs a positive whole number");
            return 2;
        }

        var dir = Directory.CreateTempSubdirectory("qk-bench-kiosk-").FullName;
        try
        {
            return await RunInAsync(dir, tickets, cancellationToken);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<int> RunInAsync(string dir, int tickets, CancellationToken ct)
    {
        using var printer = TcpPrinterEmulator.Start();
        await using var hub = await BenchHosts.StartHubAsync(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            // The demo's two synthetic cameras are for the supervisor's tests; here they would only cost CPU.
            ["Supervision:DemoCameras"] = "false",
            ["Queue:IgnoreOpeningHours"] = "true",
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(dir, "hub.db")}",
        }, ct);
        await using var kiosk = await BenchHosts.StartAsync("Kiosk.Ui", new Dictionary<string, string?>
        {
            ["Kiosk:HubUrl"] = hub.BaseAddress.ToString(),
            ["Kiosk:DeviceKey"] = KioskKey,
            ["Kiosk:SiteCode"] = "DEMO-BT",
            ["Kiosk:IgnoreOpeningHours"] = "true",
            // The bench takes tickets back to back, faster than the per-address guard of the kiosk API
            // (120 a minute by default) allows; it measures the path, not that guard.
            ["Kiosk:ApiRequestsPerMinute"] = "100000",
            ["Kiosk:CataloguePath"] = Path.Combine(dir, "catalogue.json"),
            ["Printer:Transport"] = "Tcp",
            ["Printer:Host"] = "127.0.0.1",
            ["Printer:Port"] = printer.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Printer:QueuePath"] = Path.Combine(dir, "print-queue.journal"),
        }, "/health/live", null, ct);

        using var http = new HttpClient { BaseAddress = kiosk.BaseAddress, Timeout = PerTicketLimit };
        var procedure = await FindBirthRegistrationAsync(http, ct);
        var latencies = new List<double>(tickets);
        var bytes = new List<long>(tickets);
        for (var i = 0; i < Warmup + tickets; i++)
        {
            var cutsBefore = printer.Cuts;
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsJsonAsync("/kiosk-api/tickets", new { procedureId = procedure, priority = "None" }, Json, ct);
            response.EnsureSuccessStatusCode();
            var answer = await response.Content.ReadFromJsonAsync<JsonElement>(Json, ct);
            if (answer.GetProperty("kind").GetString() != "Issued")
            {
                throw new InvalidOperationException($"ticket {i} not issued: {answer}\n{kiosk.Output}");
            }

            var (cutAt, ticketBytes) = await printer.WaitForCutAsync(cutsBefore + 1, PerTicketLimit, ct);
            if (i >= Warmup)
            {
                latencies.Add(Stopwatch.GetElapsedTime(started, cutAt).TotalMilliseconds);
                bytes.Add(ticketBytes);
            }
        }

        var p50 = P(latencies, 50);
        var p99 = P(latencies, 99);
        Console.WriteLine($"tickets={tickets} (after {Warmup} warm-up) bytes/ticket mean={bytes.Average():F0}");
        Console.WriteLine($"tap-to-last-byte ms: min={latencies.Min():F1} p50={p50:F1} p90={P(latencies, 90):F1} p99={p99:F1} max={latencies.Max():F1}");
        Console.WriteLine($"RESULT kiosk-tap-to-print p50_ms={Round(p50)} p99_ms={Round(p99)}");
        return 0;
    }

    private static async Task<Guid> FindBirthRegistrationAsync(HttpClient http, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var hits = await http.GetFromJsonAsync<List<JsonElement>>("/kiosk-api/search?q=khai%20sinh", Json, ct) ?? [];
            if (hits.Count > 0)
            {
                return hits[0].GetProperty("id").GetGuid();
            }

            await Task.Delay(250, ct);
        }

        throw new TimeoutException("the kiosk did not load its catalogue from the hub within 30 s");
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static long Round(double ms) => (long)Math.Round(ms, MidpointRounding.AwayFromZero);

    /// <summary>
    /// A network thermal printer on 127.0.0.1: answers every DLE EOT with "online, no error", and
    /// walks the ESC/POS stream (skipping raster and QR payloads by their declared lengths) to time
    /// each cut, the last command of a ticket.
    /// </summary>
    private sealed class TcpPrinterEmulator : IDisposable
    {
        private const byte Esc = 0x1B;
        private const byte Gs = 0x1D;
        private const byte Dle = 0x10;
        private const byte Eot = 0x04;
        private const byte Fs = 0x1C;

        // Fixed bits 0xx1xx10 with no flag set: online, cover closed, paper present, no error.
        private const byte AllGood = 0x12;

        private readonly TcpListener _listener;
        private readonly CancellationTokenSource _stop = new();
        private readonly List<(long At, long Bytes)> _cuts = [];
        private readonly Lock _gate = new();

        private TcpPrinterEmulator(TcpListener listener)
        {
            _listener = listener;
            _ = AcceptLoopAsync();
        }

        public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

        public int Cuts
        {
            get
            {
                lock (_gate)
                {
                    return _cuts.Count;
                }
            }
        }

        public static TcpPrinterEmulator Start()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return new TcpPrinterEmulator(listener);
        }

        public async Task<(long At, long Bytes)> WaitForCutAsync(int count, TimeSpan limit, CancellationToken ct)
        {
            var deadline = Stopwatch.GetTimestamp() + (long)(limit.TotalSeconds * Stopwatch.Frequency);
            while (Stopwatch.GetTimestamp() < deadline)
            {
                lock (_gate)
                {
                    if (_cuts.Count >= count)
                    {
                        return _cuts[count - 1];
                    }
                }

                await Task.Delay(1, ct);
            }

            throw new TimeoutException($"the printer emulator saw {Cuts} cuts, expected {count}, within {limit.TotalSeconds} s");
        }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            _stop.Dispose();
        }

        private async Task AcceptLoopAsync()
        {
            // The print queue may reconnect (idle drops, retries): serve each connection in turn.
            while (!_stop.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await _listener.AcceptTcpClientAsync(_stop.Token);
                }
                catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException or SocketException)
                {
                    return;
                }

                _ = ServeAsync(client);
            }
        }

        private async Task ServeAsync(TcpClient client)
        {
            using (client)
            {
                client.NoDelay = true;
                var stream = client.GetStream();
                var parser = new Parser();
                var buffer = new byte[64 * 1024];
                try
                {
                    while (!_stop.IsCancellationRequested)
                    {
                        var read = await stream.ReadAsync(buffer, _stop.Token);
                        if (read == 0)
                        {
                            return;
                        }

                        var at = Stopwatch.GetTimestamp();
                        foreach (var ev in parser.Feed(buffer.AsSpan(0, read)))
                        {
                            if (ev == Parser.Event.StatusRequest)
                            {
                                await stream.WriteAsync(new[] { AllGood }, _stop.Token);
                            }
                            else
                            {
                                lock (_gate)
                                {
                                    _cuts.Add((at, parser.BytesSinceLastCut));
                                }

                                parser.BytesSinceLastCut = 0;
                            }
                        }
                    }
                }
                catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
                {
                }
            }
        }

        /// <summary>Just enough ESC/POS to find status requests and cuts in a byte stream cut anywhere.</summary>
        private sealed class Parser
        {
            private readonly List<byte> _pending = [];
            private long _skip;

            public enum Event
            {
                StatusRequest,
                Cut,
            }

            public long BytesSinceLastCut { get; set; }

            public List<Event> Feed(ReadOnlySpan<byte> data)
            {
                var events = new List<Event>();
                BytesSinceLastCut += data.Length;
                var i = 0;
                if (_skip > 0)
                {
                    var n = (int)Math.Min(_skip, data.Length);
                    _skip -= n;
                    i = n;
                }

                _pending.AddRange(data[i..].ToArray());
                var pos = 0;
                while (pos < _pending.Count)
                {
                    var used = Step(pos, events);
                    if (used == 0)
                    {
                        break; // a command split across reads: wait for the rest
                    }

                    pos += used;
                }

                if (pos > _pending.Count)
                {
                    _skip = pos - _pending.Count;
                    _pending.Clear();
                }
                else
                {
                    _pending.RemoveRange(0, pos);
                }

                return events;
            }

            /// <summary>Bytes taken by the command at <paramref name="p"/> (payloads may run past the buffer), or 0 if incomplete.</summary>
            private int Step(int p, List<Event> events)
            {
                int Need(int n) => _pending.Count - p >= n ? n : 0;
                var b = _pending[p];
                switch (b)
                {
                    case Dle:
                        if (Need(3) == 0)
                        {
                            return 0;
                        }

                        if (_pending[p + 1] == Eot)
                        {
                            events.Add(Event.StatusRequest);
                            return 3;
                        }

                        return 1;
                    case Esc:
                        if (Need(2) == 0)
                        {
                            return 0;
                        }

                        return _pending[p + 1] is (byte)'@' or (byte)'2' ? 2 : Need(3);
                    case Fs:
                        return Need(2);
                    case Gs:
                        if (Need(2) == 0)
                        {
                            return 0;
                        }

                        switch (_pending[p + 1])
                        {
                            case (byte)'v': // GS v 0 m xL xH yL yH data
                                if (Need(8) == 0)
                                {
                                    return 0;
                                }

                                var width = _pending[p + 4] | (_pending[p + 5] << 8);
                                var height = _pending[p + 6] | (_pending[p + 7] << 8);
                                return 8 + (width * height);
                            case (byte)'(': // GS ( k pL pH ...
                                if (Need(5) == 0)
                                {
                                    return 0;
                                }

                                return 5 + (_pending[p + 3] | (_pending[p + 4] << 8));
                            case (byte)'V': // GS V m [n]
                                if (Need(3) == 0)
                                {
                                    return 0;
                                }

                                var withFeed = _pending[p + 2] is 0x41 or 0x42 or 0x61 or 0x62 or 0x67 or 0x68;
                                if (withFeed && Need(4) == 0)
                                {
                                    return 0;
                                }

                                events.Add(Event.Cut);
                                return withFeed ? 4 : 3;
                            case (byte)'L' or (byte)'W':
                                return Need(4);
                            default:
                                return Need(3);
                        }

                    default:
                        return 1;
                }
            }
        }
    }
}
