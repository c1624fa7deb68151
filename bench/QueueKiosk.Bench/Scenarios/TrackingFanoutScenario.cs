using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.Bench.Support;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.Bench.Scenarios;

/// <summary>
/// tracking-fanout (issue 11): 1,000 phones, each a raw client holding its ticket's public event
/// stream (docs/ticket-tracking.md) open, while 50 counters call every ticket once. Measures the
/// time from the start of the counter's call-next request to the phone reading "Called" for that
/// ticket, and the hub's CPU (percent of one core, over the call phase) and peak resident memory.
/// Loopback only; every loop is bounded in count and time.
/// </summary>
public sealed class TrackingFanoutScenario : IScenario
{
    private const string DemoPassword = "Demo@123";
    private const int FirstCounterNumber = 101;
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "tracking-fanout";

    public string Description => "[--phones 1000] [--counters 50] [--interval-ms 2000] [--seconds 180]: phones on the public tracking stream while counters call";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var phones = Int(args, "--phones", 1000);
        var counters = Int(args, "--counters", 50);
        var intervalMs = Int(args, "--interval-ms", 2000);
        var seconds = Int(args, "--seconds", 180);
        var dir = Directory.CreateTempSubdirectory("qk-bench-track-").FullName;
        try
        {
            return await RunInAsync(dir, phones, counters, intervalMs, seconds, cancellationToken);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<int> RunInAsync(string dir, int phones, int counterCount, int intervalMs, int seconds, CancellationToken ct)
    {
        await using var hub = await BenchHosts.StartHubAsync(new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Supervision:DemoCameras"] = "false",
            ["Queue:IgnoreOpeningHours"] = "true",
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(dir, "hub.db")}",
            ["Tracking:PublicBaseUrl"] = "https://motcua.example.gov.vn",
            // Every phone is on 127.0.0.1 here; in an office they come from many addresses.
            ["Tracking:RequestsPerMinute"] = "1000000",
        }, ct);
        var cookie = await SignInAsync(hub.BaseAddress, ct);
        using var setup = NewClient(hub.BaseAddress, cookie, 8);
        var service = await PostAsync<ServiceDto>(setup, HubRoutes.AdminServices,
            new { Code = "Z", Name = "Bench", Prefix = "Z", Digits = 5, RangeStart = 1, RangeEnd = 99_999 }, ct);
        var counterIds = new List<Guid>();
        for (var i = 0; i < counterCount; i++)
        {
            var counter = await PostAsync<CounterDto>(setup, HubRoutes.AdminCounters,
                new { Number = FirstCounterNumber + i, Name = $"Quầy đo {i + 1}", ServiceIds = new[] { service.Id }, Open = true }, ct);
            counterIds.Add(counter.Id);
        }

        var tokens = new List<(string Number, string Token)>();
        for (var i = 0; i < phones; i++)
        {
            var ticket = await PostAsync<TicketDto>(setup, HubRoutes.Tickets, new IssueTicketRequest(ServiceId: service.Id, Channel: TicketChannel.Api), ct);
            tokens.Add((ticket.Number, ticket.TrackingUrl!.Split("/t/")[1]));
        }

        Console.WriteLine($"tracking-fanout: hub {hub.BaseAddress} pid={hub.ProcessId}; {phones} phones, {counterCount} counters, one call per counter every ~{intervalMs} ms");

        // The phones: one connection each, as 1,000 handsets would hold.
        using var phoneHttp = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = phones + 10, UseCookies = false })
        {
            BaseAddress = hub.BaseAddress,
            Timeout = Timeout.InfiniteTimeSpan,
        };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        stop.CancelAfter(TimeSpan.FromSeconds(seconds + 120));
        var calledAt = new ConcurrentDictionary<string, long>();
        var connected = new CountdownEvent(phones);
        var streamErrors = 0;
        var watchers = tokens.Select(t => Task.Run(async () =>
        {
            try
            {
                await WatchAsync(phoneHttp, t.Token, t.Number, calledAt, connected, stop.Token);
            }
            catch (Exception e) when (e is HttpRequestException or IOException or OperationCanceledException)
            {
                if (!stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref streamErrors);
                }
            }
        })).ToList();
        if (!connected.Wait(TimeSpan.FromSeconds(120), ct))
        {
            Console.Error.WriteLine($"only {phones - connected.CurrentCount} of {phones} phones had their first view within 120 s");
            return 1;
        }

        Console.WriteLine($"  {phones} phones connected and showing their position");
        var callStarted = new ConcurrentDictionary<string, long>();
        var cpuBefore = ProcessCpu.Of(hub.ProcessId);
        var clock = Stopwatch.StartNew();
        using (var window = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            window.CancelAfter(TimeSpan.FromSeconds(seconds));
            var callers = counterIds.Select((id, i) => Task.Run(() => CallAsync(hub.BaseAddress, cookie, id, i, intervalMs, callStarted, window.Token))).ToList();
            await Task.WhenAll(callers);
        }

        // Give the last calls' streams a bounded moment to arrive.
        for (var i = 0; i < 100 && callStarted.Keys.Any(n => !calledAt.ContainsKey(n)); i++)
        {
            await Task.Delay(100, ct);
        }

        var elapsed = clock.Elapsed;
        var cpu = ProcessCpu.Of(hub.ProcessId) - cpuBefore;
        var rssMb = PeakRssMb(hub.ProcessId);
        await stop.CancelAsync();
        await Task.WhenAll(watchers);

        var latencies = callStarted.Where(c => calledAt.ContainsKey(c.Key))
            .Select(c => Stopwatch.GetElapsedTime(c.Value, calledAt[c.Key]).TotalMilliseconds).ToList();
        var missed = callStarted.Count - latencies.Count;
        var cpuPct = cpu.TotalMilliseconds / elapsed.TotalMilliseconds * 100;
        Console.WriteLine(FormattableString.Invariant(
            $"  calls={callStarted.Count} seen by their phone={latencies.Count} missed={missed} stream_errors={streamErrors} in {elapsed.TotalSeconds:F1} s; load average {ProcessCpu.LoadAverage()}"));
        if (latencies.Count == 0)
        {
            Console.Error.WriteLine("no call reached a phone");
            return 1;
        }

        Console.WriteLine(FormattableString.Invariant($"  call-to-phone: p50 {P(latencies, 50):F1} ms  p99 {P(latencies, 99):F1} ms  max {latencies.Max():F1} ms"));
        Console.WriteLine(FormattableString.Invariant(
            $"RESULT tracking-fanout phones={phones} call_p99_ms={Math.Round(P(latencies, 99))} hub_cpu_pct={Math.Round(cpuPct)} hub_rss_mb={Math.Round(rssMb)}"));
        return missed == 0 ? 0 : 1;
    }

    /// <summary>One phone: reads its stream line by line and notes when its ticket is first "Called".</summary>
    private static async Task WatchAsync(HttpClient http, string token, string number, ConcurrentDictionary<string, long> calledAt, CountdownEvent connected, CancellationToken ct)
    {
        using var response = await http.GetAsync(HubRoutes.TrackedTicketEvents(token), HttpCompletionOption.ResponseHeadersRead, ct);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
        var first = true;
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (!line.StartsWith("data: {\"number\"", StringComparison.Ordinal))
            {
                continue;
            }

            var at = Stopwatch.GetTimestamp();
            if (first)
            {
                first = false;
                connected.Signal();
            }

            if (line.Contains("\"status\":\"Called\"", StringComparison.Ordinal))
            {
                calledAt.TryAdd(number, at);
            }
        }
    }

    /// <summary>One counter: call-next (which finishes the previous ticket) every interval, with jitter, until the window closes or nobody waits.</summary>
    private static async Task CallAsync(Uri baseAddress, string cookie, Guid counterId, int index, int intervalMs, ConcurrentDictionary<string, long> callStarted, CancellationToken stop)
    {
        using var http = NewClient(baseAddress, cookie, 1);
        var random = new Random(index);
        await Task.Delay(random.Next(intervalMs), CancellationToken.None);
        for (var i = 0; i < 10_000 && !stop.IsCancellationRequested; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.PostAsync(new Uri(HubRoutes.CounterAction(counterId, CounterActions.CallNext), UriKind.Relative), null, CancellationToken.None);
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return;
            }

            response.EnsureSuccessStatusCode();
            var ticket = (await response.Content.ReadFromJsonAsync<TicketDto>(Json, CancellationToken.None))!;
            callStarted.TryAdd(ticket.Number, started);
            try
            {
                await Task.Delay(intervalMs / 2 + random.Next(intervalMs), stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static double PeakRssMb(int pid)
    {
        foreach (var line in File.ReadLines($"/proc/{pid}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
            }
        }

        return 0;
    }

    private static async Task<T> PostAsync<T>(HttpClient http, string path, object body, CancellationToken ct)
    {
        using var response = await http.PostAsJsonAsync(path, body, Json, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
        }

        return (await response.Content.ReadFromJsonAsync<T>(Json, ct))!;
    }

    private static async Task<string> SignInAsync(Uri baseAddress, CancellationToken ct)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = baseAddress };
        using var response = await http.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("quantri", DemoPassword), Json, ct);
        response.EnsureSuccessStatusCode();
        return response.Headers.GetValues("Set-Cookie").First().Split(';')[0];
    }

    private static HttpClient NewClient(Uri baseAddress, string cookie, int connections)
    {
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = connections })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }

    private static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
    }

    private static double P(List<double> values, int percentile)
    {
        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100.0 * sorted.Count) - 1;
        return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
    }
}
