using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.Bench.Scenarios;

/// <summary>
/// wait-estimate (issue 11): replays a simulated day through the real queue engine (Hub.Server's
/// services in this process, SQLite, every action committed) with a clock the scenario moves, and
/// compares each ticket's estimated wait at issue (what the kiosk prints and the tracking page
/// shows) with the wait it really had (issue to call). The day: the demo office's hours (Mon
/// 07:30-11:30 and 13:00-17:00: the lunch break is closed time), 300 tickets, services A, B and D
/// with different service-time distributions, five counters (1, 2, 3 share A and B; 5 and 6 serve
/// D), counter 1 pausing 14:00-14:45. A fixed seed makes the day the same on every run.
/// </summary>
public sealed class WaitEstimateScenario : IScenario
{
    private const int MaxEvents = 100_000;

    public string Name => "wait-estimate";

    public string Description => "[--tickets 300] [--seed 11]: a simulated day through the real engine; estimate at issue vs real wait";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var tickets = Int(args, "--tickets", 300);
        var seed = Int(args, "--seed", 11);
        var dir = Directory.CreateTempSubdirectory("qk-bench-wait-").FullName;
        try
        {
            return await RunInAsync(dir, tickets, seed, cancellationToken);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static async Task<int> RunInAsync(string dir, int ticketCount, int seed, CancellationToken ct)
    {
        // Monday 23 Nov 2026, 07:30 in Hồ Chí Minh City (UTC+7).
        var dayStart = new DateTimeOffset(2026, 11, 23, 7, 30, 0, TimeSpan.FromHours(7));
        var clock = new SimulatedClock(dayStart);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production", ContentRootPath = dir });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        foreach (var (key, value) in new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(dir, "hub.db")}",
            ["Demo:Enabled"] = "true",
            ["Supervision:DemoCameras"] = "false",
            ["Queue:IgnoreOpeningHours"] = "false",
            ["Queue:ClosingCheckSeconds"] = "3600",
            ["Logging:LogLevel:Default"] = "Warning",
        })
        {
            builder.Configuration[key] = value;
        }

        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddHubServer();
        await using var app = builder.Build();
        await app.Services.PrepareDatabaseAsync(ct);
        app.MapHubServer();
        await app.StartAsync(ct);
        try
        {
            var day = new Day(app.Services, clock, new Random(seed));
            await day.SetUpAsync(ct);
            var results = await day.RunAsync(ticketCount, ct);
            return Report(results);
        }
        finally
        {
            await app.StopAsync(CancellationToken.None);
        }
    }

    private static int Report(IReadOnlyList<TicketResult> results)
    {
        var called = results.Where(r => r.WaitMinutes is not null).ToList();
        if (called.Count < results.Count)
        {
            Console.Error.WriteLine($"{results.Count - called.Count} tickets were never called");
            return 1;
        }

        var errors = called.Select(r => Math.Abs(r.EstimateMinutes - r.WaitMinutes!.Value)).Order().ToList();
        var mae = errors.Average();
        var p90 = errors[Math.Clamp((int)Math.Ceiling(0.9 * errors.Count) - 1, 0, errors.Count - 1)];
        var bias = called.Average(r => r.EstimateMinutes - r.WaitMinutes!.Value);
        foreach (var group in called.GroupBy(r => r.Service).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            Console.WriteLine(FormattableString.Invariant(
                $"  service {group.Key}: {group.Count()} tickets, mean wait {group.Average(r => r.WaitMinutes!.Value):F1} min, mean estimate {group.Average(r => r.EstimateMinutes):F1} min, mae {group.Average(r => Math.Abs(r.EstimateMinutes - r.WaitMinutes!.Value)):F1} min"));
        }

        Console.WriteLine(FormattableString.Invariant($"  bias (estimate - real) {bias:F1} min; max abs error {errors[^1]:F1} min"));
        Console.WriteLine(FormattableString.Invariant($"RESULT wait-estimate tickets={results.Count} mae_min={mae:F1} p90_abs_err_min={p90:F1}"));
        return 0;
    }

    private static int Int(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : fallback;
    }

    private sealed record TicketResult(string Service, int EstimateMinutes, DateTimeOffset IssuedAt)
    {
        public double? WaitMinutes { get; set; }
    }

    /// <summary>The clock the engine reads; only the simulation moves it.</summary>
    private sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }

    /// <summary>The simulated office: arrivals, counters serving, the lunch break and one pause, in time order.</summary>
    private sealed class Day(IServiceProvider services, SimulatedClock clock, Random random)
    {
        // Mean service minutes and spread (log-normal sigma) per demo service code.
        private static readonly Dictionary<string, (double Mean, double Sigma, double Share)> Mix = new()
        {
            ["A"] = (5.0, 0.4, 0.45),
            ["B"] = (3.0, 0.3, 0.35),
            ["D"] = (10.0, 0.6, 0.20),
        };

        private static readonly int[] CounterNumbers = [1, 2, 3, 5, 6];

        private readonly PriorityQueue<Func<Task>, (DateTimeOffset, long)> _events = new();
        private readonly Dictionary<int, Guid> _counters = [];
        private readonly Dictionary<string, Guid> _services = [];
        private readonly Dictionary<Guid, string> _serviceCodes = [];
        private readonly Dictionary<Guid, TicketResult> _tickets = [];
        private readonly Dictionary<int, Guid?> _serving = [];
        private readonly HashSet<int> _idle = [];
        private readonly HashSet<int> _paused = [];
        private long _order;

        private DateTimeOffset Start => clock.Now;

        private DateTimeOffset At(int hour, int minute) => new(Start.Year, Start.Month, Start.Day, hour, minute, 0, TimeSpan.FromHours(7));

        public async Task SetUpAsync(CancellationToken ct)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var engine = scope.ServiceProvider.GetRequiredService<QueueEngine>();
            foreach (var service in await db.Services.Where(s => Mix.Keys.Contains(s.Code)).ToListAsync(ct))
            {
                _services[service.Code] = service.Id;
                _serviceCodes[service.Id] = service.Code;
            }

            var counters = await db.Counters.ToListAsync(ct);
            var officers = await db.Officers.ToListAsync(ct);
            foreach (var counter in counters)
            {
                if (CounterNumbers.Contains(counter.Number))
                {
                    _counters[counter.Number] = counter.Id;
                    // An open counter counts for the estimate only with an officer signed in.
                    var officer = officers.Single(o => o.UserName == $"canbo{counter.Number}");
                    await engine.AssignOfficerAsync(counter.Id, officer.Id, Actor.System, ct);
                }
                else
                {
                    await engine.CloseCounterAsync(counter.Id, Actor.System, ct);
                }
            }
        }

        public async Task<IReadOnlyList<TicketResult>> RunAsync(int ticketCount, CancellationToken ct)
        {
            foreach (var (at, code) in Arrivals(ticketCount))
            {
                Schedule(at, () => IssueAsync(code, ct));
            }

            foreach (var number in CounterNumbers)
            {
                _idle.Add(number);
                // Lunch: every counter stops at 11:30 (after the citizen in front of it) until 13:00.
                Schedule(At(11, 30), () => BreakAsync(number, At(13, 0), ct));
            }

            Schedule(At(14, 0), () => BreakAsync(1, At(14, 45), ct));
            for (var n = 0; n < MaxEvents && _events.TryDequeue(out var action, out var key); n++)
            {
                clock.Now = key.Item1;
                await action();
            }

            return [.. _tickets.Values];
        }

        private void Schedule(DateTimeOffset at, Func<Task> action) => _events.Enqueue(action, (at, _order++));

        private IEnumerable<(DateTimeOffset At, string Code)> Arrivals(int count)
        {
            // Open minutes (240 in the morning, 240 in the afternoon), busier in the first two hours.
            var minutes = new List<(DateTimeOffset, double)>();
            for (var m = 0; m < 480; m++)
            {
                var at = m < 240 ? At(7, 30).AddMinutes(m) : At(13, 0).AddMinutes(m - 240);
                minutes.Add((at, m < 120 ? 1.6 : m >= 240 && m < 330 ? 1.2 : 1.0));
            }

            var total = minutes.Sum(x => x.Item2);
            for (var i = 0; i < count; i++)
            {
                var pick = random.NextDouble() * total;
                var (minute, _) = minutes.First(x => (pick -= x.Item2) <= 0);
                var share = random.NextDouble();
                var code = share < Mix["A"].Share ? "A" : share < Mix["A"].Share + Mix["B"].Share ? "B" : "D";
                yield return (minute.AddSeconds(random.Next(60)), code);
            }
        }

        private async Task IssueAsync(string code, CancellationToken ct)
        {
            await using var scope = services.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<QueueEngine>();
            var ticket = await engine.IssueAsync(new IssueTicketRequest(_services[code], null, PriorityCategory.None, TicketChannel.Kiosk), Actor.System, ct);
            _tickets[ticket.Id] = new TicketResult(code, ticket.EstimatedWaitMinutes, clock.Now);
            foreach (var number in _idle.ToList())
            {
                _idle.Remove(number);
                await NextAsync(number, ct);
            }
        }

        /// <summary>The counter finished (or was idle): call the next ticket and schedule its end, or go idle.</summary>
        private async Task NextAsync(int number, CancellationToken ct)
        {
            if (_paused.Contains(number) || _serving.GetValueOrDefault(number) is not null)
            {
                return;
            }

            await using var scope = services.CreateAsyncScope();
            var engine = scope.ServiceProvider.GetRequiredService<QueueEngine>();
            var called = await engine.CallNextAsync(_counters[number], Actor.System, ct);
            if (called is null)
            {
                _idle.Add(number);
                return;
            }

            _tickets[called.Id].WaitMinutes = (clock.Now - _tickets[called.Id].IssuedAt).TotalMinutes;
            _serving[number] = called.Id;
            var (mean, sigma, _) = Mix[_serviceCodes[called.ServiceId]];
            Schedule(clock.Now.AddMinutes(LogNormal(mean, sigma)), () => FinishAsync(number, ct));
        }

        private async Task FinishAsync(int number, CancellationToken ct)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<QueueEngine>().FinishAsync(_counters[number], Actor.System, ct);
            }

            _serving[number] = null;
            await NextAsync(number, ct);
        }

        /// <summary>Pauses the counter once its current citizen is served, and resumes it at <paramref name="until"/>.</summary>
        private async Task BreakAsync(int number, DateTimeOffset until, CancellationToken ct)
        {
            if (_serving.GetValueOrDefault(number) is not null)
            {
                // Still serving: try again a minute later (bounded by the event limit).
                Schedule(clock.Now.AddMinutes(1), () => BreakAsync(number, until, ct));
                return;
            }

            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<QueueEngine>().PauseCounterAsync(_counters[number], "Nghỉ", Actor.System, ct);
            }

            _paused.Add(number);
            _idle.Remove(number);
            Schedule(until > clock.Now ? until : clock.Now, () => ResumeAsync(number, ct));
        }

        private async Task ResumeAsync(int number, CancellationToken ct)
        {
            await using (var scope = services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<QueueEngine>().ResumeCounterAsync(_counters[number], Actor.System, ct);
            }

            _paused.Remove(number);
            await NextAsync(number, ct);
        }

        private double LogNormal(double mean, double sigma)
        {
            // Box-Muller; mu chosen so the distribution's mean is `mean`.
            var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            return Math.Exp(Math.Log(mean) - (sigma * sigma / 2) + (sigma * normal));
        }
    }
}
