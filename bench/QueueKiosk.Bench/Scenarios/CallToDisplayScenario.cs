using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using QueueKiosk.Bench.Support;
using QueueKiosk.Devices.Displays.Framed;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Realtime;
using QueueKiosk.HubClient.Realtime.Resync;
using QueueKiosk.HubClient.Rest;

namespace QueueKiosk.Bench.Scenarios;

/// <summary>
/// call-to-display: an officer's call-next through the REST API, timed until (a) Hub.Client
/// (WebSocket client + QueueFeed, as a display host uses it) receives TicketCalled, (b) the last
/// byte of the LED frame showing the number arrives on the board's side of a socat pty, behind
/// a real Counter.Display, and (c) the hall TV page in Chromium has the number in a painted frame.
/// All times are on the same machine's wall clock (browser: performance.timeOrigin + now()).
/// </summary>
public sealed class CallToDisplayScenario : IScenario
{
    private const string DisplayKey = "demo-display-key-0001";
    private const string KioskKey = "demo-kiosk-key-0001";
    private const byte LedAddress = 1;
    private const int Warmup = 5;
    private static readonly TimeSpan PerCallLimit = TimeSpan.FromSeconds(10);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    // Page script: when counter 1's number changes, note the time of the next animation frame
    // (the frame that paints it). Numbers are unique, so the first time each is seen counts.
    private const string PageProbe = """
        () => {
          window.__seen = {};
          const pending = new Set();
          const look = () => {
            const el = document.querySelector("[data-counter='1'] .number");
            const n = el && el.dataset.ticket;
            if (!n || n in window.__seen || pending.has(n)) return;
            pending.add(n);
            requestAnimationFrame(() => { window.__seen[n] = performance.timeOrigin + performance.now(); pending.delete(n); });
          };
          new MutationObserver(look).observe(document.getElementById("counters"), { childList: true, subtree: true, characterData: true });
        }
        """;

    // Page script for --burst: when the hall's banner (#now-calling) names a new ticket, note the
    // time of the next animation frame (the frame that paints it). Every banner ticket is recorded,
    // so the measurement looks up the one it waits for.
    private const string BannerProbe = """
        () => {
          window.__banner = {};
          const banner = document.getElementById("now-calling");
          const look = () => {
            const n = !banner.hidden && banner.dataset.ticket;
            if (!n || n in window.__banner) return;
            window.__banner[n] = -1;
            requestAnimationFrame(() => { window.__banner[n] = performance.timeOrigin + performance.now(); });
          };
          new MutationObserver(look).observe(banner, { attributes: true, childList: true, characterData: true, subtree: true });
        }
        """;

    /// <summary>Counters that call in a burst: 1, 2, 3 ... (the demo's counters, each with its officer canboN).</summary>
    private const int BurstRounds = 50;

    /// <summary>A burst's calls must all be answered within this, as officers calling "at the same moment".</summary>
    private static readonly TimeSpan BurstWindow = TimeSpan.FromMilliseconds(100);

    public string Name => "call-to-display";

    public string Description => "API call-next -> Hub.Client event, LED byte on a pty, hall page in Chromium (--calls N, default 200; --burst K: also K calls at K counters within 100 ms, 50 times, timed to the hall banner)";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var calls = ReadCalls(args);
        var burst = ReadBurst(args);
        var dir = Directory.CreateTempSubdirectory("qk-bench-call-").FullName;
        try
        {
            return await RunInAsync(dir, calls, burst, cancellationToken);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static int ReadCalls(string[] args)
    {
        var i = Array.IndexOf(args, "--calls");
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 200;
    }

    /// <summary>--burst K (2..6): K counters call within 100 ms; 0 = no burst phase.</summary>
    private static int ReadBurst(string[] args)
    {
        var i = Array.IndexOf(args, "--burst");
        if (i < 0)
        {
            return 0;
        }

        return i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n is >= 2 and <= 6
            ? n
            : throw new ArgumentException("--burst takes the number of counters calling together, 2 to 6 (the demo has 6 counters)");
    }

    private static async Task<int> RunInAsync(string dir, int calls, int burst, CancellationToken ct)
    {
        await using var hub = await BenchHosts.StartHubAsync(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            // The demo's two synthetic cameras are for the supervisor's tests; here they would only cost CPU.
            ["Supervision:DemoCameras"] = "false",
            ["Queue:IgnoreOpeningHours"] = "true",
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(dir, "hub.db")}",
        }, ct);
        using var board = await PtyBoard.StartAsync(Path.Combine(dir, "pty"), LedAddress, ct);
        await using var display = await BenchHosts.StartAsync("Counter.Display", new Dictionary<string, string?>
        {
            ["Hub:Url"] = hub.BaseAddress.ToString(),
            ["Hub:DeviceKey"] = DisplayKey,
            ["LedBoards:Port:PortName"] = board.HostPath,
            ["LedBoards:Boards:0:CounterNumber"] = "1",
            ["LedBoards:Boards:0:Protocol"] = "Framed",
            ["LedBoards:Boards:0:Address"] = "1",
            ["LedBoards:Boards:0:Digits"] = "4",
            ["Voice:Enabled"] = "false",
        }, "/live/state",
            // Ready when it is in sync with the hub (the hall page then draws counters).
            body => body.Contains("\"hubConnected\":true", StringComparison.Ordinal), ct);

        using var kiosk = Client(hub.BaseAddress, KioskKey);
        using var device = Client(hub.BaseAddress, DisplayKey);
        var snapshot = (await device.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot, Json, ct))!;
        var counter = snapshot.Counters.Single(c => c.Number == 1);

        // (a) Hub.Client as a display host uses it.
        var clientSeen = new ConcurrentDictionary<string, double>();
        await using var connection = new SignalRHubConnection(new HubConnectionOptions
        {
            HubUrl = new Uri(hub.BaseAddress, HubRoutes.QueueHub),
            Headers = { [HubRoutes.DeviceKeyHeader] = DisplayKey },
        });
        using var feed = new QueueFeed(connection, new DeviceApiClient(device), new QueueFeedOptions { SiteId = snapshot.SiteId });
        feed.TicketCalled += e =>
        {
            clientSeen.TryAdd(e.Ticket.Number, NowMs());
            return Task.CompletedTask;
        };
        await connection.StartAsync(ct);

        // (c) the hall page in Chromium.
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1920, Height = 1080 } });
        await page.GotoAsync(new Uri(display.BaseAddress, "/hall").ToString());
        await page.WaitForSelectorAsync("[data-counter='1']", new PageWaitForSelectorOptions { Timeout = 30_000 });
        await page.EvaluateAsync(PageProbe);

        // The officer at counter 1, signed in with a cookie like the console.
        using var officer = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = hub.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        (await officer.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("canbo1", "Demo@123", counter.Id), Json, ct)).EnsureSuccessStatusCode();
        for (var i = 0; i < calls + Warmup; i++)
        {
            (await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(ServiceId: counter.Services[0].ServiceId), Json, ct)).EnsureSuccessStatusCode();
        }

        Console.WriteLine($"call-to-display: {calls} calls (+{Warmup} warm-up) at counter 1; hub {hub.BaseAddress}, display {display.BaseAddress}, LED on {board.HostPath}");
        var client = new List<double>();
        var led = new List<double>();
        var shown = new List<double>();
        for (var i = 0; i < calls + Warmup; i++)
        {
            var start = NowMs();
            using var response = await officer.PostAsync(new Uri(HubRoutes.CounterAction(counter.Id, CounterActions.CallNext), UriKind.Relative), null, ct);
            response.EnsureSuccessStatusCode();
            var number = (await response.Content.ReadFromJsonAsync<TicketDto>(Json, ct))!.Number;
            var clientAt = await WaitForAsync(() => clientSeen.TryGetValue(number, out var t) ? t : null, "Hub.Client", number, ct);
            var ledAt = await WaitForAsync(() => board.ShownAt(number), "LED", number, ct);
            await page.WaitForFunctionAsync("n => n in window.__seen", number, new PageWaitForFunctionOptions { Timeout = (float)PerCallLimit.TotalMilliseconds, PollingInterval = 5 });
            var pageAt = await page.EvaluateAsync<double>("n => window.__seen[n]", number);
            if (i >= Warmup)
            {
                client.Add(clientAt - start);
                led.Add(ledAt - start);
                shown.Add(pageAt - start);
            }
        }

        Console.WriteLine($"  Hub.Client event : p50 {P(client, 50):F1} ms  p99 {P(client, 99):F1} ms  max {client.Max():F1} ms");
        Console.WriteLine($"  LED last byte    : p50 {P(led, 50):F1} ms  p99 {P(led, 99):F1} ms  max {led.Max():F1} ms  (bad frames {board.BadFrames})");
        Console.WriteLine($"  TV page painted  : p50 {P(shown, 50):F1} ms  p99 {P(shown, 99):F1} ms  max {shown.Max():F1} ms");
        var result = string.Create(CultureInfo.InvariantCulture,
            $"RESULT call-to-display client_p50_ms={Round(P(client, 50))} client_p99_ms={Round(P(client, 99))} led_p99_ms={Round(P(led, 99))} page_p50_ms={Round(P(shown, 50))} page_p99_ms={Round(P(shown, 99))}");
        if (burst > 0)
        {
            var banner = await RunBurstsAsync(burst, snapshot, kiosk, officer, hub.BaseAddress, page, ct);
            result += string.Create(CultureInfo.InvariantCulture, $" burst={burst} banner_p50_ms={Round(P(banner, 50))} banner_p99_ms={Round(P(banner, 99))}");
        }

        Console.WriteLine(result);
        return 0;
    }

    /// <summary>
    /// <paramref name="burst"/> officers at counters 1..K call next one after another, as fast as
    /// the API answers (all K answers within <see cref="BurstWindow"/>, else the burst is
    /// reported), <see cref="BurstRounds"/> times. Timed: from the API answer of the burst's last
    /// call to the frame that paints it in the hall page's banner. The next burst starts once the
    /// banner showed it, after a short pause as between real calls.
    /// </summary>
    private static async Task<List<double>> RunBurstsAsync(
        int burst, QueueSnapshotDto snapshot, HttpClient kiosk, HttpClient counter1Officer, Uri hubAddress, IPage page, CancellationToken ct)
    {
        var counters = Enumerable.Range(1, burst).Select(n => snapshot.Counters.Single(c => c.Number == n)).ToList();
        var officers = new List<HttpClient> { counter1Officer };
        try
        {
            foreach (var counter in counters.Skip(1))
            {
                var officer = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = hubAddress, Timeout = TimeSpan.FromSeconds(30) };
                officers.Add(officer);
                (await officer.PostAsJsonAsync(HubRoutes.Login, new LoginRequest($"canbo{counter.Number}", "Demo@123", counter.Id), Json, ct)).EnsureSuccessStatusCode();
            }

            // Enough waiting tickets at every counter for every round, whichever of its services it calls from.
            foreach (var counter in counters)
            {
                for (var i = 0; i < BurstRounds + Warmup; i++)
                {
                    (await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(ServiceId: counter.Services[0].ServiceId), Json, ct)).EnsureSuccessStatusCode();
                }
            }

            await page.EvaluateAsync(BannerProbe);
            Console.WriteLine($"call-to-display --burst {burst}: {BurstRounds} bursts (+{Warmup} warm-up) at counters 1-{burst}, timed to the hall banner");
            var banner = new List<double>();
            var slowBursts = 0;
            for (var round = 0; round < BurstRounds + Warmup; round++)
            {
                var first = Stopwatch.StartNew();
                string latest = "";
                double answeredAt = 0;
                for (var k = 0; k < burst; k++)
                {
                    using var response = await officers[k].PostAsync(new Uri(HubRoutes.CounterAction(counters[k].Id, CounterActions.CallNext), UriKind.Relative), null, ct);
                    response.EnsureSuccessStatusCode();
                    answeredAt = NowMs();
                    latest = (await response.Content.ReadFromJsonAsync<TicketDto>(Json, ct))!.Number;
                }

                if (first.Elapsed > BurstWindow)
                {
                    slowBursts++;
                }

                await page.WaitForFunctionAsync("n => window.__banner[n] > 0", latest, new PageWaitForFunctionOptions { Timeout = (float)PerCallLimit.TotalMilliseconds, PollingInterval = 5 });
                var bannerAt = await page.EvaluateAsync<double>("n => window.__banner[n]", latest);
                if (round >= Warmup)
                {
                    banner.Add(bannerAt - answeredAt);
                }

                await Task.Delay(200, ct);
            }

            Console.WriteLine($"  Hall banner      : p50 {P(banner, 50):F1} ms  p99 {P(banner, 99):F1} ms  max {banner.Max():F1} ms  (bursts longer than {BurstWindow.TotalMilliseconds:F0} ms: {slowBursts})");
            return banner;
        }
        finally
        {
            foreach (var officer in officers.Skip(1))
            {
                officer.Dispose();
            }
        }
    }

    private static HttpClient Client(Uri baseAddress, string deviceKey)
    {
        var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        http.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, deviceKey);
        return http;
    }

    private static async Task<double> WaitForAsync(Func<double?> seen, string what, string number, CancellationToken ct)
    {
        var limit = Stopwatch.StartNew();
        while (true)
        {
            if (seen() is { } at)
            {
                return at;
            }

            if (limit.Elapsed > PerCallLimit)
            {
                throw new TimeoutException($"{what} did not see {number} within {PerCallLimit.TotalSeconds} s");
            }

            await Task.Delay(1, ct);
        }
    }

    /// <summary>Wall-clock milliseconds since the Unix epoch, comparable with the browser's performance.timeOrigin + now().</summary>
    private static double NowMs() => (DateTime.UtcNow - DateTime.UnixEpoch).TotalMilliseconds;

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }

    private static long Round(double ms) => (long)Math.Round(ms, MidpointRounding.AwayFromZero);

    /// <summary>A framed-protocol board on the far side of a socat pty pair: checks each frame, answers ACK, notes when each number's frame ended.</summary>
    private sealed class PtyBoard : IDisposable
    {
        private readonly Process _socat;
        private readonly FileStream _fromHost;
        private readonly FileStream _toHost;
        private readonly byte _address;
        private readonly ConcurrentDictionary<string, double> _shownAt = new();
        private readonly Thread _reader;
        private int _badFrames;

        private PtyBoard(Process socat, string directory, byte address)
        {
            _socat = socat;
            _address = address;
            HostPath = Path.Combine(directory, "host");
            var boardPath = Path.Combine(directory, "board");
            _fromHost = new FileStream(boardPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            _toHost = new FileStream(boardPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
            // A dedicated thread with blocking reads: the receive time is taken the moment the bytes arrive.
            _reader = new Thread(Listen) { IsBackground = true, Name = "pty-board" };
            _reader.Start();
        }

        public string HostPath { get; }

        public int BadFrames => Volatile.Read(ref _badFrames);

        public static async Task<PtyBoard> StartAsync(string directory, byte address, CancellationToken ct)
        {
            Directory.CreateDirectory(directory);
            var info = new ProcessStartInfo("socat") { UseShellExecute = false, RedirectStandardError = true };
            info.ArgumentList.Add($"pty,raw,echo=0,link={Path.Combine(directory, "host")}");
            info.ArgumentList.Add($"pty,raw,echo=0,link={Path.Combine(directory, "board")}");
            var socat = Process.Start(info) ?? throw new InvalidOperationException("socat did not start");
            socat.ErrorDataReceived += (_, _) => { };
            socat.BeginErrorReadLine();
            var limit = Stopwatch.StartNew();
            while (!File.Exists(Path.Combine(directory, "host")) || !File.Exists(Path.Combine(directory, "board")))
            {
                if (limit.Elapsed > TimeSpan.FromSeconds(15) || socat.HasExited)
                {
                    socat.Kill();
                    throw new InvalidOperationException("socat did not create the pty links within 15 s");
                }

                await Task.Delay(20, ct);
            }

            return new PtyBoard(socat, directory, address);
        }

        public double? ShownAt(string number) => _shownAt.TryGetValue(number, out var t) ? t : null;

        public void Dispose()
        {
            if (!_socat.HasExited)
            {
                _socat.Kill();
                _socat.WaitForExit(5000);
            }

            _reader.Join(TimeSpan.FromSeconds(5));
            _fromHost.Dispose();
            _toHost.Dispose();
            _socat.Dispose();
        }

        private void Listen()
        {
            var chunk = new byte[256];
            var pending = new List<byte>();
            try
            {
                while (true)
                {
                    var n = _fromHost.Read(chunk, 0, chunk.Length);
                    if (n <= 0)
                    {
                        return;
                    }

                    var at = NowMs();
                    pending.AddRange(chunk.AsSpan(0, n));
                    while (pending.Count > 0)
                    {
                        var status = FramedLedProtocol.TryParseFrame(CollectionsMarshalSpan(pending), out var frame, out var consumed);
                        if (status == FramedParseStatus.NeedMoreData)
                        {
                            break;
                        }

                        pending.RemoveRange(0, Math.Clamp(consumed, 1, pending.Count));
                        if (status != FramedParseStatus.Frame || frame is null)
                        {
                            Interlocked.Increment(ref _badFrames);
                            if (status == FramedParseStatus.BadChecksum && frame is not null)
                            {
                                _toHost.Write(FramedLedProtocol.BuildReply(frame.Address, accepted: false));
                            }

                            continue;
                        }

                        if (frame.Address != _address)
                        {
                            continue;
                        }

                        if (frame.Command == FramedLedProtocol.CommandShow)
                        {
                            _shownAt.TryAdd(frame.PayloadText.Trim(), at);
                        }

                        _toHost.Write(FramedLedProtocol.BuildReply(_address, accepted: true));
                    }
                }
            }
            catch (IOException)
            {
                // socat went away: the run is over.
            }
        }

        private static ReadOnlySpan<byte> CollectionsMarshalSpan(List<byte> list) => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list);
    }
}
