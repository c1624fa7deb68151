using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.Bench.Support;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.Bench.Scenarios;

/// <summary>
/// 50 concurrent clients, each at its own counter, run issue -> call next -> start -> finish
/// cycles through the HTTP API of a real Hub.Server for a bounded time, then drain the queue and
/// check the invariants from what the API answered: no number issued twice, no ticket called
/// twice, every issued ticket finished (none lost).
/// </summary>
public sealed class EngineThroughputScenario : IScenario
{
    private const string AdminUser = "quantri";
    private const string DemoPassword = "Demo@123";
    private const int FirstBenchCounterNumber = 101;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string Name => "engine-throughput";

    public string Description => "--db sqlite|postgres [--clients 50] [--warmup 30] [--seconds 20] [--max-cycles 500000]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var db = Option(args, "--db", "sqlite");
        var clients = int.Parse(Option(args, "--clients", "50"), System.Globalization.CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option(args, "--seconds", "20"), System.Globalization.CultureInfo.InvariantCulture);
        var warmup = int.Parse(Option(args, "--warmup", "30"), System.Globalization.CultureInfo.InvariantCulture);
        var maxCycles = int.Parse(Option(args, "--max-cycles", "500000"), System.Globalization.CultureInfo.InvariantCulture);
        if (db is not ("sqlite" or "postgres"))
        {
            Console.Error.WriteLine("--db must be sqlite or postgres");
            return 2;
        }

        await using var database = await BenchDatabase.TryCreateAsync(db, cancellationToken);
        if (database is null)
        {
            return 2;
        }

        await using var hub = await BenchHosts.StartHubAsync(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider,
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Queue:IgnoreOpeningHours"] = "true",
            // The demo cameras (two ffmpeg processes feeding the hub) are not the queue: they would
            // take CPU from the server under test and be measured as queue cost.
            ["Supervision:DemoCameras"] = "false",
        }, cancellationToken);
        Console.WriteLine($"hub: {hub.BaseAddress} pid={hub.ProcessId} db={db} clients={clients} seconds={seconds}");

        var cookie = await SignInAsync(hub.BaseAddress, cancellationToken);
        using var setup = NewClient(hub.BaseAddress, cookie);
        // The demo services number 1-999 a day: a fast run would exhaust them (409) within seconds.
        // The bench issues for its own wide-range service instead, served by every bench counter.
        var serviceResponse = await setup.PostAsJsonAsync(HubRoutes.Admin + "/services",
            new { Code = "Z", Name = "Bench", Prefix = "Z", Digits = 7, RangeStart = 1, RangeEnd = 9_999_999 }, Json, cancellationToken);
        await EnsureSuccessAsync(serviceResponse, "create bench service");
        var serviceId = (await serviceResponse.Content.ReadFromJsonAsync<ServiceDto>(Json, cancellationToken))!.Id;
        var counterIds = new List<Guid>();
        for (var i = 0; i < clients; i++)
        {
            var response = await setup.PostAsJsonAsync(HubRoutes.Admin + "/counters",
                new { Number = FirstBenchCounterNumber + i, Name = $"Quầy đo {i + 1}", ServiceIds = new[] { serviceId }, Open = true }, Json, cancellationToken);
            await EnsureSuccessAsync(response, "create counter");
            counterIds.Add((await response.Content.ReadFromJsonAsync<CounterDto>(Json, cancellationToken))!.Id);
        }

        var ledger = new Ledger();
        TimeSpan elapsed, serverCpu, clientCpu, databaseCpu;
        int measuredCycles;
        using (var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            window.CancelAfter(TimeSpan.FromSeconds(warmup + seconds));
            var workers = counterIds.Select(counterId => Task.Run(() =>
                RunClientAsync(hub.BaseAddress, cookie, counterId, serviceId, ledger, maxCycles, window.Token))).ToList();

            // The first seconds of a fresh process are mostly the JIT (tiered recompilation of the
            // hot paths): they are run, and checked, but not measured. A long-running server is
            // measured, not its start-up.
            await Task.Delay(TimeSpan.FromSeconds(warmup), cancellationToken);
            // CPU is what a loaded shared machine cannot distort much: wall-clock rates depend on
            // what the other processes do, CPU per cycle mostly on the code under test.
            var cyclesBefore = ledger.Cycles;
            var serverCpuBefore = ProcessCpu.Of(hub.ProcessId);
            var clientCpuBefore = ProcessCpu.Self();
            var databaseCpuBefore = db == "postgres" ? ProcessCpu.OfAllNamed("postgres") : TimeSpan.Zero;
            var stopwatch = Stopwatch.StartNew();
            await Task.WhenAny(Task.WhenAll(workers), Task.Delay(TimeSpan.FromSeconds(seconds), cancellationToken));
            elapsed = stopwatch.Elapsed;
            measuredCycles = ledger.Cycles - cyclesBefore;
            serverCpu = ProcessCpu.Of(hub.ProcessId) - serverCpuBefore;
            clientCpu = ProcessCpu.Self() - clientCpuBefore;
            databaseCpu = db == "postgres" ? ProcessCpu.OfAllNamed("postgres") - databaseCpuBefore : TimeSpan.Zero;
            await Task.WhenAll(workers);
        }

        var load = ProcessCpu.LoadAverage();
        var drained = await DrainAsync(hub.BaseAddress, cookie, counterIds[0], ledger, cancellationToken);
        var violations = ledger.Violations(out var report);
        var cyclesPerSecond = measuredCycles / elapsed.TotalSeconds;
        var cycles = Math.Max(1, measuredCycles);
        var serverMsPerCycle = serverCpu.TotalMilliseconds / cycles;
        var clientMsPerCycle = clientCpu.TotalMilliseconds / cycles;
        // SQLite runs inside the server process, so its CPU is already in the server's figure.
        var databaseMsPerCycle = databaseCpu.TotalMilliseconds / cycles;

        Console.WriteLine($"issued={ledger.Issued.Count} called={ledger.CalledCount} finished={ledger.Finished.Count} drained_after={drained} errors={ledger.Errors}");
        Console.WriteLine(FormattableString.Invariant(
            $"cycles={ledger.Cycles} in all; measured after {warmup} s warm-up: {measuredCycles} in {elapsed.TotalSeconds:F1} s; cpu server={serverCpu.TotalSeconds:F1} s ({serverMsPerCycle:F2} ms/cycle) client={clientCpu.TotalSeconds:F1} s ({clientMsPerCycle:F2} ms/cycle){(db == "postgres" ? $" postgres processes={databaseCpu.TotalSeconds:F1} s ({databaseMsPerCycle:F2} ms/cycle)" : " (SQLite runs inside the server)")}; load average {load}"));
        foreach (var line in report)
        {
            Console.WriteLine("violation: " + line);
        }

        Console.WriteLine(FormattableString.Invariant($"RESULT engine-throughput db={db} cycles_per_s={cyclesPerSecond:F0} violations={violations} server_cpu_ms_per_cycle={serverMsPerCycle:F2} client_cpu_ms_per_cycle={clientMsPerCycle:F2} db_cpu_ms_per_cycle={databaseMsPerCycle:F2} warmup_s={warmup} load1={load.Split(' ')[0]}"));
        return violations == 0 ? 0 : 1;
    }

    private static async Task RunClientAsync(Uri baseAddress, string cookie, Guid counterId, Guid serviceId, Ledger ledger, int maxCycles, CancellationToken stop)
    {
        using var http = NewClient(baseAddress, cookie);
        var counter = HubRoutes.CounterOf(counterId);
        while (!stop.IsCancellationRequested && ledger.Cycles < maxCycles)
        {
            try
            {
                // Once a cycle has begun it completes even if the window closes, so no ticket is
                // left half-served by the benchmark itself.
                var issued = await PostAsync<TicketDto>(http, HubRoutes.Tickets, new IssueTicketRequest(ServiceId: serviceId, Channel: TicketChannel.Api));
                ledger.Issued[issued.Id] = issued;
                var called = await PostAsync<TicketDto?>(http, counter + "/call-next", null);
                if (called is null)
                {
                    continue;
                }

                ledger.RecordCalled(called.Id);
                await PostAsync<TicketDto>(http, counter + "/start", null);
                var finished = await PostAsync<TicketDto>(http, counter + "/finish", null);
                ledger.RecordFinished(finished.Id);
                ledger.CountCycle();
            }
            catch (HttpRequestException e)
            {
                ledger.RecordError(e.Message);
            }
            catch (TaskCanceledException e) when (e.InnerException is TimeoutException)
            {
                // A request that took longer than the client's timeout is an error of the run, not a
                // reason to abandon the other 49 clients and the invariant check.
                ledger.RecordError("timeout: " + e.Message);
            }
        }
    }

    /// <summary>Calls and finishes whatever is still waiting, so every issued ticket can be accounted for.</summary>
    private static async Task<int> DrainAsync(Uri baseAddress, string cookie, Guid counterId, Ledger ledger, CancellationToken cancellationToken)
    {
        using var http = NewClient(baseAddress, cookie);
        var counter = HubRoutes.CounterOf(counterId);
        var drained = 0;
        for (var i = 0; i < 100_000 && !cancellationToken.IsCancellationRequested; i++)
        {
            var called = await PostAsync<TicketDto?>(http, counter + "/call-next", null);
            if (called is null)
            {
                break;
            }

            ledger.RecordCalled(called.Id);
            await PostAsync<TicketDto>(http, counter + "/start", null);
            ledger.RecordFinished((await PostAsync<TicketDto>(http, counter + "/finish", null)).Id);
            drained++;
        }

        return drained;
    }

    private static async Task<T> PostAsync<T>(HttpClient http, string path, object? body)
    {
        using var response = body is null
            ? await http.PostAsync(new Uri(path, UriKind.Relative), null)
            : await http.PostAsJsonAsync(path, body, Json);
        if (response.StatusCode == HttpStatusCode.NoContent)
        {
            return default!;
        }

        await EnsureSuccessAsync(response, path);
        return (await response.Content.ReadFromJsonAsync<T>(Json))!;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, string what)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"{what}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
    }

    private static async Task<string> SignInAsync(Uri baseAddress, CancellationToken cancellationToken)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = baseAddress };
        using var response = await http.PostAsJsonAsync(HubRoutes.Login, new LoginRequest(AdminUser, DemoPassword), Json, cancellationToken);
        await EnsureSuccessAsync(response, "sign in");
        var setCookie = response.Headers.GetValues("Set-Cookie").First();
        return setCookie.Split(';')[0];
    }

    private static HttpClient NewClient(Uri baseAddress, string cookie)
    {
        var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 4 })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };
        http.DefaultRequestHeaders.Add("Cookie", cookie);
        return http;
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }

    /// <summary>What the API answered, kept to check the invariants afterwards.</summary>
    private sealed class Ledger
    {
        private readonly ConcurrentDictionary<Guid, int> _calls = new();
        private int _cycles;
        private int _errors;

        public ConcurrentDictionary<Guid, TicketDto> Issued { get; } = new();

        public ConcurrentDictionary<Guid, int> Finished { get; } = new();

        public ConcurrentQueue<string> ErrorSamples { get; } = new();

        public int Cycles => Volatile.Read(ref _cycles);

        public int Errors => Volatile.Read(ref _errors);

        public int CalledCount => _calls.Count;

        public void CountCycle() => Interlocked.Increment(ref _cycles);

        public void RecordCalled(Guid id) => _calls.AddOrUpdate(id, 1, (_, n) => n + 1);

        public void RecordFinished(Guid id) => Finished.AddOrUpdate(id, 1, (_, n) => n + 1);

        public void RecordError(string message)
        {
            if (Interlocked.Increment(ref _errors) <= 5)
            {
                ErrorSamples.Enqueue(message);
            }
        }

        public int Violations(out List<string> report)
        {
            report = [];
            var duplicateNumbers = Issued.Values.GroupBy(t => (t.ServiceId, t.LocalDay, t.Number)).Where(g => g.Count() > 1).ToList();
            var calledTwice = _calls.Where(c => c.Value > 1).ToList();
            var lost = Issued.Keys.Where(id => !Finished.ContainsKey(id)).ToList();
            report.AddRange(duplicateNumbers.Take(5).Select(g => $"number {g.Key.Number} issued {g.Count()} times"));
            report.AddRange(calledTwice.Take(5).Select(c => $"ticket {c.Key} called {c.Value} times"));
            report.AddRange(lost.Take(5).Select(id => $"ticket {Issued[id].Number} issued but never finished"));
            report.AddRange(ErrorSamples.Select(e => "error: " + e));
            return duplicateNumbers.Count + calledTwice.Count + lost.Count + Errors;
        }
    }
}
