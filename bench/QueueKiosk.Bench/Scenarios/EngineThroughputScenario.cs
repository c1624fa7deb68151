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

    public string Description => "--db sqlite|postgres [--clients 50] [--seconds 20] [--max-cycles 200000]";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var db = Option(args, "--db", "sqlite");
        var clients = int.Parse(Option(args, "--clients", "50"), System.Globalization.CultureInfo.InvariantCulture);
        var seconds = int.Parse(Option(args, "--seconds", "20"), System.Globalization.CultureInfo.InvariantCulture);
        var maxCycles = int.Parse(Option(args, "--max-cycles", "200000"), System.Globalization.CultureInfo.InvariantCulture);
        if (db is not ("sqlite" or "postgres"))
        {
            Console.Error.WriteLine("--db must be sqlite or postgres");
            return 2;
        }

        await using var database = BenchDatabase.Create(db);
        await using var hub = await HubServerProcess.StartAsync(new Dictionary<string, string>
        {
            ["Database:Provider"] = database.Provider,
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Queue:IgnoreOpeningHours"] = "true",
        }, cancellationToken);
        Console.WriteLine($"hub: {hub.BaseAddress} db={db} clients={clients} seconds={seconds}");

        var cookie = await SignInAsync(hub.BaseAddress, cancellationToken);
        using var setup = NewClient(hub.BaseAddress, cookie);
        var services = await setup.GetFromJsonAsync<List<ServiceDto>>("/api/services", Json, cancellationToken) ?? [];
        var serviceIds = services.Where(s => s.Active).Select(s => s.Id).ToList();
        var counterIds = new List<Guid>();
        for (var i = 0; i < clients; i++)
        {
            var response = await setup.PostAsJsonAsync("/api/admin/counters",
                new { Number = FirstBenchCounterNumber + i, Name = $"Quầy đo {i + 1}", ServiceIds = serviceIds, Open = true }, Json, cancellationToken);
            await EnsureSuccessAsync(response, "create counter");
            counterIds.Add((await response.Content.ReadFromJsonAsync<CounterDto>(Json, cancellationToken))!.Id);
        }

        var ledger = new Ledger();
        var stopwatch = Stopwatch.StartNew();
        using (var window = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            window.CancelAfter(TimeSpan.FromSeconds(seconds));
            var workers = counterIds.Select((counterId, i) => Task.Run(() =>
                RunClientAsync(hub.BaseAddress, cookie, counterId, serviceIds[i % serviceIds.Count], ledger, maxCycles, window.Token))).ToList();
            await Task.WhenAll(workers);
        }

        var elapsed = stopwatch.Elapsed;
        var drained = await DrainAsync(hub.BaseAddress, cookie, counterIds[0], ledger, cancellationToken);
        var violations = ledger.Violations(out var report);
        var cyclesPerSecond = ledger.Cycles / elapsed.TotalSeconds;

        Console.WriteLine($"issued={ledger.Issued.Count} called={ledger.CalledCount} finished={ledger.Finished.Count} drained_after={drained} errors={ledger.Errors}");
        Console.WriteLine($"cycles={ledger.Cycles} in {elapsed.TotalSeconds:F1} s");
        foreach (var line in report)
        {
            Console.WriteLine("violation: " + line);
        }

        Console.WriteLine(FormattableString.Invariant($"RESULT engine-throughput db={db} cycles_per_s={cyclesPerSecond:F0} violations={violations}"));
        return violations == 0 ? 0 : 1;
    }

    private static async Task RunClientAsync(Uri baseAddress, string cookie, Guid counterId, Guid serviceId, Ledger ledger, int maxCycles, CancellationToken stop)
    {
        using var http = NewClient(baseAddress, cookie);
        var counter = $"/api/counters/{counterId}";
        while (!stop.IsCancellationRequested && ledger.Cycles < maxCycles)
        {
            try
            {
                // Once a cycle has begun it completes even if the window closes, so no ticket is
                // left half-served by the benchmark itself.
                var issued = await PostAsync<TicketDto>(http, "/api/tickets", new IssueTicketRequest(ServiceId: serviceId, Channel: TicketChannel.Api));
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
        }
    }

    /// <summary>Calls and finishes whatever is still waiting, so every issued ticket can be accounted for.</summary>
    private static async Task<int> DrainAsync(Uri baseAddress, string cookie, Guid counterId, Ledger ledger, CancellationToken cancellationToken)
    {
        using var http = NewClient(baseAddress, cookie);
        var counter = $"/api/counters/{counterId}";
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
        using var response = await http.PostAsJsonAsync("/api/auth/login", new LoginRequest(AdminUser, DemoPassword), Json, cancellationToken);
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
        private readonly ConcurrentDictionary<Guid, int> calls = new();
        private int cycles;
        private int errors;

        public ConcurrentDictionary<Guid, TicketDto> Issued { get; } = new();

        public ConcurrentDictionary<Guid, int> Finished { get; } = new();

        public ConcurrentQueue<string> ErrorSamples { get; } = new();

        public int Cycles => Volatile.Read(ref cycles);

        public int Errors => Volatile.Read(ref errors);

        public int CalledCount => calls.Count;

        public void CountCycle() => Interlocked.Increment(ref cycles);

        public void RecordCalled(Guid id) => calls.AddOrUpdate(id, 1, (_, n) => n + 1);

        public void RecordFinished(Guid id) => Finished.AddOrUpdate(id, 1, (_, n) => n + 1);

        public void RecordError(string message)
        {
            if (Interlocked.Increment(ref errors) <= 5)
            {
                ErrorSamples.Enqueue(message);
            }
        }

        public int Violations(out List<string> report)
        {
            report = [];
            var duplicateNumbers = Issued.Values.GroupBy(t => (t.ServiceId, t.LocalDay, t.Number)).Where(g => g.Count() > 1).ToList();
            var calledTwice = calls.Where(c => c.Value > 1).ToList();
            var lost = Issued.Keys.Where(id => !Finished.ContainsKey(id)).ToList();
            report.AddRange(duplicateNumbers.Take(5).Select(g => $"number {g.Key.Number} issued {g.Count()} times"));
            report.AddRange(calledTwice.Take(5).Select(c => $"ticket {c.Key} called {c.Value} times"));
            report.AddRange(lost.Take(5).Select(id => $"ticket {Issued[id].Number} issued but never finished"));
            report.AddRange(ErrorSamples.Select(e => "error: " + e));
            return duplicateNumbers.Count + calledTwice.Count + lost.Count + Errors;
        }
    }
}
