using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Npgsql;
using QueueKiosk.Bench.Support;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Province;
using QueueKiosk.HubServer.ProvinceLink;

namespace QueueKiosk.Bench.Scenarios;

/// <summary>
/// province (issue 13, docs/province.md): the province tier as scripts/province/run-cluster.sh
/// runs it (three Hub.Server nodes with Hub:Role=Province behind haproxy, Redis between them, one
/// PostgreSQL database made for the run). Simulated sites push a working day compressed into
/// --seconds (issue, call, start, finish, ratings) through haproxy, each like the site's shipper:
/// one request at a time with whatever is due, resent with the shipper's backoff after a failure
/// (<see cref="ProvinceShipper.PostBatchAsync"/>, the shipper's own request). Dashboard clients
/// (the official SignalR .NET client, the province page's retry delays) are signed in as the
/// province admin and pinned two by two to each node with haproxy's cookie. Halfway, node 2 is
/// killed with kill -9. Measured: every event stored exactly once (read back from PostgreSQL),
/// the ingest rate, the time from the kill until every dashboard receives pushes again, and the
/// time from the start of the request that stored a batch to a dashboard receiving that site's
/// new summary. Loopback only; every loop is bounded in count and time.
/// </summary>
public sealed partial class ProvinceScenario : IScenario
{
    private const string AdminUser = "quantri";
    private const string DemoPassword = "Demo@123";
    private const int Nodes = 3;
    private const int KilledNode = 2;
    private static readonly int BatchSize = new ProvinceLinkOptions().BatchSize;

    /// <summary>The shipper's default pace (Province:BatchIntervalMilliseconds), which --batch-interval-ms overrides.</summary>
    private static readonly int DefaultBatchIntervalMs = new ProvinceLinkOptions().BatchIntervalMilliseconds;
    private const int MaxBackoffSeconds = 2;

    /// <summary>The province page's reconnect delays (Hub.Server/wwwroot/supervisor/province.js), last one repeated.</summary>
    private static readonly TimeSpan[] DashboardRetryDelays = [.. new[] { 500, 1000, 2000, 5000, 10000 }.Select(ms => TimeSpan.FromMilliseconds(ms))];

    public string Name => "province";

    public string Description => $"[--sites 200] [--tickets 150] [--seconds 60] [--dashboards 6] [--batch-interval-ms {DefaultBatchIntervalMs}]: 3 province nodes behind haproxy, Redis, PostgreSQL; sites push a compressed day; node 2 killed with kill -9 halfway";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var sites = Int(args, "--sites", 200, 1, 1000);
        var tickets = Int(args, "--tickets", 150, 1, 1000);
        var seconds = Int(args, "--seconds", 60, 10, 600);
        var dashboards = Int(args, "--dashboards", 6, Nodes, 60);
        var batchInterval = TimeSpan.FromMilliseconds(Int(args, "--batch-interval-ms", DefaultBatchIntervalMs, 0, 60_000));
        await using var database = await BenchDatabase.TryCreateAsync("postgres", cancellationToken);
        if (database is null)
        {
            return 1;
        }

        await using var cluster = await Cluster.StartAsync(database.ConnectionString, cancellationToken);
        if (cluster is null)
        {
            return 1;
        }

        return await RunOnClusterAsync(cluster, database.ConnectionString, sites, tickets, seconds, dashboards, batchInterval, cancellationToken);
    }

    private static async Task<int> RunOnClusterAsync(Cluster cluster, string connectionString, int siteCount, int tickets, int seconds, int dashboardCount,
        TimeSpan batchInterval, CancellationToken ct)
    {
        var (admin, authCookie) = await SignInAsync(cluster.Front, ct);
        using var _ = admin;
        var sites = new List<SimulatedSite>();
        for (var i = 0; i < siteCount; i++)
        {
            var id = Guid.NewGuid();
            using var response = await admin.PostAsJsonAsync(HubRoutes.ProvinceSites, new ProvinceSiteRequest(id, $"Xã đo {i + 1}", null), ct);
            response.EnsureSuccessStatusCode();
            var key = (await response.Content.ReadFromJsonAsync<ProvinceSiteKeyDto>(ct))!.Key;
            sites.Add(new SimulatedSite(id, key, i, tickets, TimeSpan.FromSeconds(seconds), batchInterval));
        }

        var clock = Stopwatch.StartNew();
        var board = new DashboardBoard(clock, sites.ToDictionary(s => s.Id));
        var connections = new List<HubConnection>();
        for (var d = 0; d < dashboardCount; d++)
        {
            connections.Add(await board.ConnectAsync(cluster.Front, authCookie, node: (d % Nodes) + 1, siteCount, ct));
        }

        Console.WriteLine($"province: haproxy {cluster.Front}, nodes {string.Join(", ", cluster.NodePids.Select(p => $"pid {p}"))}; {siteCount} sites x {tickets} tickets over {seconds} s, {dashboardCount} dashboards (two per node), node {KilledNode} killed at {seconds / 2} s; sites pace their batches {batchInterval.TotalMilliseconds:0} ms ± 20 %");
        // No cookie jar: one client stands for 200 sites, and haproxy's node cookie would pin them all
        // to the first node that answered; without it each request is balanced on its own.
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, MaxConnectionsPerServer = 256 });
        var deadline = TimeSpan.FromSeconds((seconds * 3) + 120);
        var cpuBefore = CpuShares(cluster);
        var sending = sites.Select(s => Task.Run(() => s.RunAsync(http, cluster.Front, clock, deadline, ct), ct)).ToList();
        await Task.Delay(TimeSpan.FromSeconds(seconds / 2.0), ct);
        var killedAt = clock.Elapsed;
        cluster.Kill(KilledNode);
        board.Killed(killedAt);
        Console.WriteLine($"province: node {KilledNode} killed at {killedAt.TotalSeconds:0.0} s");
        await Task.WhenAll(sending);
        var sendingTime = sites.Max(s => s.FinishedAt) - sites.Min(s => s.FirstSentAt);
        var cpu = CpuShares(cluster).Select(p => (p.Key, Pct: (p.Value - cpuBefore.GetValueOrDefault(p.Key)).TotalSeconds * 100 / sendingTime.TotalSeconds));
        await Task.Delay(TimeSpan.FromSeconds(3), ct);
        foreach (var connection in connections)
        {
            await connection.DisposeAsync();
        }

        var stored = await StoredAsync(connectionString, ct);
        var events = sites.Sum(s => s.Events);
        var lost = 0L;
        var duplicated = 0L;
        var projectionWrong = 0;
        foreach (var site in sites)
        {
            var row = stored.GetValueOrDefault(site.Id);
            // Sequences are 1..Events with no gap; the table's key is (site, sequence): a stored row per sequence, no more.
            lost += site.Events - Math.Min(row.DistinctInRange, site.Events);
            duplicated += (row.Rows - row.DistinctSequences) + Math.Max(0, row.Ratings - site.Ratings) + Math.Max(0, row.Tickets - site.Tickets);
            projectionWrong += row.Tickets == site.Tickets && row.Ratings == site.Ratings && row.Finished == site.Tickets ? 0 : 1;
        }

        var unfinished = sites.Count(s => !s.Done);
        var latencies = board.Latencies();
        var failover = board.FailoverSeconds();
        var eventsPerSecond = events / sendingTime.TotalSeconds;
        Console.WriteLine($"sending: {events} events in {sendingTime.TotalSeconds:0.0} s; {sites.Sum(s => s.Requests)} requests, {sites.Sum(s => s.Failures)} failed and resent, {sites.Sum(s => s.Refusals)} refused as a gap; sites not done: {unfinished}");
        Console.WriteLine($"stored: lost {lost}, duplicated {duplicated}; sites whose tickets/ratings/finished in the read tables differ from what was sent: {projectionWrong}");
        Console.WriteLine($"dashboards: {latencies.Count} pushes matched to the request that stored them, {board.Unmatched} not matched; p50 {Percentile(latencies, 0.50):0} ms, p99 {Percentile(latencies, 0.99):0} ms, max {(latencies.Count > 0 ? latencies[^1] : 0):0} ms");
        var fromEvent = board.FromEvent();
        Console.WriteLine($"dashboards from the batch's oldest event at the site (the site's pace, {batchInterval.TotalMilliseconds:0} ms, included): p50 {Percentile(fromEvent, 0.50):0} ms, p99 {Percentile(fromEvent, 0.99):0} ms");
        Console.WriteLine($"dashboards by time received (every 5 s from the start): {board.DescribeBySecond(5)}");
        var trips = sites.SelectMany(s => s.RoundTrips).Order().ToList();
        Console.WriteLine($"ingest requests answered: p50 {Percentile(trips, 0.50):0} ms, p99 {Percentile(trips, 0.99):0} ms; events per request {events / (double)sites.Sum(s => s.Requests):0.0}");
        Console.WriteLine($"failed requests by cause: {string.Join(", ", sites.SelectMany(s => s.FailureCauses).GroupBy(c => c).Select(g => $"{g.Key} x{g.Count()}"))}");
        Console.WriteLine($"failover: {board.DescribeGaps()}");
        Console.WriteLine($"cpu while sending (% of one core; 200 = both): {string.Join(", ", cpu.Select(c => $"{c.Key} {c.Pct:0}"))}");
        Console.WriteLine($"load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT province sites={siteCount} events={events} events_per_s={eventsPerSecond:0} lost={lost} duplicated={duplicated} failover_s={failover:0.0} dashboard_p99_ms={Percentile(latencies, 0.99):0}"));
        return lost == 0 && duplicated == 0 && projectionWrong == 0 && unfinished == 0 && failover >= 0 ? 0 : 1;
    }

    private static async Task<(HttpClient Client, string AuthCookie)> SignInAsync(Uri front, CancellationToken ct)
    {
        var cookies = new CookieContainer();
        var client = new HttpClient(new HttpClientHandler { CookieContainer = cookies }) { BaseAddress = front };
        using var response = await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest(AdminUser, DemoPassword), ct);
        response.EnsureSuccessStatusCode();
        // The sign-in cookie only: each dashboard adds its own node cookie for haproxy.
        var auth = string.Join("; ", cookies.GetCookies(front).Where(c => c.Name != Cluster.NodeCookie).Select(c => $"{c.Name}={c.Value}"));
        return (client, auth);
    }

    /// <summary>Per site, read back from the province's tables.</summary>
    private readonly record struct StoredSite(long Rows, long DistinctSequences, long DistinctInRange, long Tickets, long Finished, long Ratings);

    private static async Task<Dictionary<Guid, StoredSite>> StoredAsync(string connectionString, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(ct);
        const string Sql = """
            SELECT s."Id",
                   (SELECT COUNT(*) FROM province."Events" e WHERE e."SiteId" = s."Id"),
                   (SELECT COUNT(DISTINCT e."Sequence") FROM province."Events" e WHERE e."SiteId" = s."Id"),
                   (SELECT COUNT(DISTINCT e."Sequence") FROM province."Events" e WHERE e."SiteId" = s."Id" AND e."Sequence" BETWEEN 1 AND s."LastSequence"),
                   (SELECT COUNT(*) FROM province."Tickets" t WHERE t."SiteId" = s."Id"),
                   (SELECT COUNT(*) FROM province."Tickets" t WHERE t."SiteId" = s."Id" AND t."Status" = 'Served'),
                   (SELECT COUNT(*) FROM province."Ratings" r WHERE r."SiteId" = s."Id")
            FROM province."Sites" s
            """;
        await using var command = new NpgsqlCommand(Sql, connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var result = new Dictionary<Guid, StoredSite>();
        while (await reader.ReadAsync(ct))
        {
            result[reader.GetGuid(0)] = new StoredSite(reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt64(5), reader.GetInt64(6));
        }

        return result;
    }

    /// <summary>CPU used so far by each part on the same two cores: the live nodes, the database, Redis, haproxy and this bench.</summary>
    private static Dictionary<string, TimeSpan> CpuShares(Cluster cluster)
    {
        var shares = new Dictionary<string, TimeSpan>
        {
            ["postgres"] = ProcessCpu.OfAllNamed("postgres"),
            ["redis"] = ProcessCpu.OfAllNamed("redis-server"),
            ["haproxy"] = ProcessCpu.OfAllNamed("haproxy"),
            ["bench (sites and dashboards)"] = ProcessCpu.Self(),
        };
        foreach (var (node, pid) in cluster.NodePidsByNumber)
        {
            try
            {
                shares[$"node {node}"] = ProcessCpu.Of(pid);
            }
            catch (IOException)
            {
                // The killed node: counted up to its death in the first reading only.
            }
        }

        return shares;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    private static int Int(string[] args, string name, int fallback, int min, int max)
    {
        var i = Array.IndexOf(args, name);
        var value = i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
        return Math.Clamp(value, min, max);
    }

    /// <summary>One site: its compressed day as a schedule of events, shipped like the site's outbox shipper.</summary>
    private sealed class SimulatedSite
    {
        private const int Counters = 5;

        private readonly List<(TimeSpan At, int Ticket, TicketEventKind Kind)> _schedule = [];
        private readonly List<IngestEvent> _pending = [];
        private readonly Dictionary<long, TimeSpan> _due = [];
        private readonly TimeSpan _batchInterval;
        private readonly string _key;
        private readonly int _index;
        private readonly Dictionary<int, (DateTime Issued, DateTime? Called, DateTime? Started, DateTime? Finished)> _times = [];
        private long _sequence;

        /// <summary>Start of the request that carries the batch ending at each sequence (the latest attempt).</summary>
        public ConcurrentDictionary<long, TimeSpan> RequestStarts { get; } = new();

        /// <summary>When the oldest event of the batch ending at each sequence happened at the site (its outbox row's time).</summary>
        public ConcurrentDictionary<long, TimeSpan> OldestDue { get; } = new();

        public SimulatedSite(Guid id, string key, int index, int tickets, TimeSpan day, TimeSpan batchInterval)
        {
            _batchInterval = batchInterval;
            Id = id;
            _key = key;
            _index = index;
            Tickets = tickets;
            var random = new Random(index);
            for (var t = 0; t < tickets; t++)
            {
                // Issued over the first 80 % of the day; a wait, a short call, a service; most citizens rate.
                var issued = day * (0.8 * random.NextDouble());
                var called = issued + (day * (0.1 * random.NextDouble()));
                var started = called + (day * 0.005);
                var finished = started + (day * (0.01 + (0.07 * random.NextDouble())));
                _schedule.Add((issued, t, TicketEventKind.Issued));
                _schedule.Add((called, t, TicketEventKind.Called));
                _schedule.Add((started, t, TicketEventKind.Started));
                _schedule.Add((finished, t, TicketEventKind.Served));
                if (random.NextDouble() < 0.6)
                {
                    _schedule.Add((finished, t, TicketEventKind.Rated));
                    Ratings++;
                }
            }

            _schedule.Sort((a, b) => a.At.CompareTo(b.At));
            Events = _schedule.Count;
        }

        public Guid Id { get; }

        public int Tickets { get; }

        public int Ratings { get; }

        public int Events { get; }

        public int Requests { get; private set; }

        public int Failures { get; private set; }

        public int Refusals { get; private set; }

        public List<string> FailureCauses { get; } = [];

        /// <summary>Milliseconds of each answered ingest request.</summary>
        public List<double> RoundTrips { get; } = [];

        public bool Done { get; private set; }

        public TimeSpan FirstSentAt { get; private set; } = TimeSpan.MaxValue;

        public TimeSpan FinishedAt { get; private set; }

        public async Task RunAsync(HttpClient http, Uri front, Stopwatch clock, TimeSpan deadline, CancellationToken ct)
        {
            var start = clock.Elapsed;
            var next = 0;
            var failures = 0;
            var lastBatch = -_batchInterval;
            var pacing = _batchInterval;
            while (clock.Elapsed - start < deadline && !ct.IsCancellationRequested)
            {
                while (next < _schedule.Count && _schedule[next].At <= clock.Elapsed - start)
                {
                    _pending.Add(Make(_schedule[next]));
                    _due[_pending[^1].Sequence] = start + _schedule[next++].At;
                }

                if (_pending.Count == 0)
                {
                    if (next >= _schedule.Count)
                    {
                        Done = true;
                        FinishedAt = clock.Elapsed;
                        return;
                    }

                    // Like the shipper waiting for the next commit.
                    var wait = _schedule[next].At - (clock.Elapsed - start);
                    await Task.Delay(wait > TimeSpan.FromMilliseconds(200) ? TimeSpan.FromMilliseconds(200) : wait < TimeSpan.Zero ? TimeSpan.Zero : wait, ct);
                    continue;
                }

                // Like the shipper: a batch that is not full waits for the pace.
                var pace = ProvinceShipper.PaceDelay(clock.Elapsed - lastBatch, pacing);
                if (_pending.Count < BatchSize && pace > TimeSpan.Zero)
                {
                    await Task.Delay(pace, ct);
                    continue;
                }

                lastBatch = clock.Elapsed;
                pacing = ProvinceShipper.Jittered(_batchInterval);
                var batch = new IngestBatch(Id, [.. _pending.Take(BatchSize)]);
                RequestStarts[batch.Events[^1].Sequence] = clock.Elapsed;
                OldestDue[batch.Events[^1].Sequence] = _due[batch.Events[0].Sequence];
                FirstSentAt = FirstSentAt < clock.Elapsed ? FirstSentAt : clock.Elapsed;
                Requests++;
                try
                {
                    var sentAt = clock.Elapsed;
                    var (status, answer) = await ProvinceShipper.PostBatchAsync(http, front, _key, batch, TimeSpan.FromSeconds(30), ct);
                    RoundTrips.Add((clock.Elapsed - sentAt).TotalMilliseconds);
                    if (status == HttpStatusCode.Conflict)
                    {
                        Refusals++;
                    }
                    else if ((int)status is < 200 or > 299)
                    {
                        throw new ProvinceRefusedException($"HTTP {(int)status}");
                    }

                    _pending.RemoveAll(e => e.Sequence <= answer.LastSequence);
                    failures = 0;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or ProvinceRefusedException && !ct.IsCancellationRequested)
                {
                    Failures++;
                    FailureCauses.Add(e is ProvinceRefusedException ? e.Message : e.GetType().Name);
                    await Task.Delay(ProvinceShipper.Backoff(++failures, MaxBackoffSeconds), ct);
                }
            }
        }

        private IngestEvent Make((TimeSpan At, int Ticket, TicketEventKind Kind) item)
        {
            var now = DateTime.UtcNow;
            var times = _times.GetValueOrDefault(item.Ticket, (now, null, null, null));
            times = item.Kind switch
            {
                TicketEventKind.Called => times with { Called = now },
                TicketEventKind.Started => times with { Started = now },
                TicketEventKind.Served => times with { Finished = now },
                _ => times,
            };
            _times[item.Ticket] = times;
            var ticketId = TicketId(item.Ticket);
            var counter = item.Ticket % Counters;
            string payload;
            string kind;
            if (item.Kind == TicketEventKind.Rated)
            {
                kind = OutboxKinds.Rating;
                payload = ProvinceJson.Write(new RatingFact(Guid.NewGuid(), ticketId, 1 + (item.Ticket % 4), $"Quầy {counter + 1}", $"Cán bộ {counter + 1}"));
            }
            else
            {
                var status = item.Kind switch
                {
                    TicketEventKind.Issued => TicketStatus.Waiting,
                    TicketEventKind.Called => TicketStatus.Called,
                    TicketEventKind.Started => TicketStatus.Serving,
                    _ => TicketStatus.Served,
                };
                var served = item.Kind != TicketEventKind.Issued;
                var state = new TicketState($"A{item.Ticket + 1:000}", status, PriorityCategory.None, "Tư pháp - Hộ tịch", "Hộ tịch",
                    served ? $"Quầy {counter + 1}" : null, served ? $"Cán bộ {counter + 1}" : null, times.Issued, times.Called, times.Started, times.Finished, 15);
                kind = OutboxKinds.Ticket;
                payload = ProvinceJson.Write(new TicketFact(item.Kind, ticketId, null, null, null, state));
            }

            return new IngestEvent(++_sequence, kind, new DateTimeOffset(now, TimeSpan.Zero), payload);
        }

        private Guid TicketId(int ticket) => new(_index, (short)(ticket >> 16), (short)ticket, 1, 2, 3, 4, 5, 6, 7, 8);
    }

    /// <summary>What a dashboard needs of a pushed site summary here.</summary>
    private sealed record SiteChanged(Guid SiteId, long LastSequence);

    /// <summary>The dashboard clients' receipts: latency per push, and each dashboard's first push after the kill.</summary>
    private sealed class DashboardBoard(Stopwatch clock, IReadOnlyDictionary<Guid, SimulatedSite> sites)
    {
        private readonly ConcurrentBag<(TimeSpan At, double Ms)> _latencies = [];
        private readonly ConcurrentBag<double> _fromEvent = [];
        private readonly ConcurrentDictionary<int, TimeSpan> _firstAfterKill = new();
        private readonly ConcurrentDictionary<int, int> _nodeOf = new();
        private readonly ConcurrentDictionary<int, int> _reconnects = new();
        private TimeSpan? _killedAt;
        private int _unmatched;

        public int Unmatched => _unmatched;

        public async Task<HubConnection> ConnectAsync(Uri front, string authCookie, int node, int expectedSites, CancellationToken ct)
        {
            var dashboard = _nodeOf.Count;
            _nodeOf[dashboard] = node;
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(front, HubRoutes.ProvinceHub), o =>
                {
                    // Straight to the WebSocket: haproxy's cookie pins it to one node; once that node is gone
                    // haproxy redispatches the reconnect to a live one (scripts/province/haproxy-config.sh).
                    o.Transports = HttpTransportType.WebSockets;
                    o.SkipNegotiation = true;
                    o.Headers["Cookie"] = $"{authCookie}; {Cluster.NodeCookie}=n{node}";
                })
                .WithAutomaticReconnect(new RepeatLastDelay(DashboardRetryDelays))
                .Build();
            connection.On<SiteChanged>(HubEvents.ProvinceSiteChanged, changed => Received(dashboard, changed));
            connection.Reconnecting += _ =>
            {
                // A push that was already on its way from the dying node does not count as hearing again.
                if (_killedAt is not null)
                {
                    _firstAfterKill.TryRemove(dashboard, out TimeSpan _);
                    _reconnects.AddOrUpdate(dashboard, 1, (_, n) => n + 1);
                }

                return Task.CompletedTask;
            };
            connection.Reconnected += async _ => await connection.InvokeAsync<int>(HubMethods.JoinProvince);
            await connection.StartAsync(ct);
            var joined = await connection.InvokeAsync<int>(HubMethods.JoinProvince, ct);
            if (joined != expectedSites)
            {
                throw new InvalidOperationException($"dashboard {dashboard} joined {joined} sites, expected {expectedSites}");
            }

            return connection;
        }

        public void Killed(TimeSpan at) => _killedAt = at;

        public List<double> Latencies() => [.. _latencies.Select(l => l.Ms).Order()];

        /// <summary>The same pushes, timed from when the batch's oldest event happened at the site: the outbox's wait included.</summary>
        public List<double> FromEvent() => [.. _fromEvent.Order()];

        /// <summary>The pushes received in each second of the run: (second, count, p99 ms), to see where the tail comes from.</summary>
        public string DescribeBySecond(int every) => string.Join(", ", _latencies
            .GroupBy(l => (int)l.At.TotalSeconds / every * every)
            .OrderBy(g => g.Key)
            .Select(g => $"{g.Key}s p99 {Percentile([.. g.Select(l => l.Ms).Order()], 0.99):0}"));

        /// <summary>From the kill until the last dashboard to hear again heard again; -1 if one never did.</summary>
        public double FailoverSeconds() =>
            _killedAt is not { } killed || _firstAfterKill.Count < _nodeOf.Count ? -1 : _firstAfterKill.Values.Max(t => (t - killed).TotalSeconds);

        public string DescribeGaps() => string.Join(", ", _nodeOf.OrderBy(p => p.Key).Select(p =>
            $"dashboard {p.Key} (node {p.Value}{(_reconnects.ContainsKey(p.Key) ? ", reconnected" : "")}) {(_firstAfterKill.TryGetValue(p.Key, out var t) && _killedAt is { } k ? $"{(t - k).TotalSeconds:0.00} s" : "never")}"));

        private void Received(int dashboard, SiteChanged changed)
        {
            var now = clock.Elapsed;
            if (_killedAt is { } killed && now > killed)
            {
                _firstAfterKill.TryAdd(dashboard, now);
            }

            if (sites.TryGetValue(changed.SiteId, out var site) && site.RequestStarts.TryGetValue(changed.LastSequence, out var sent))
            {
                _latencies.Add((now, (now - sent).TotalMilliseconds));
                _fromEvent.Add((now - site.OldestDue[changed.LastSequence]).TotalMilliseconds);
            }
            else
            {
                Interlocked.Increment(ref _unmatched);
            }
        }
    }

    private sealed class RepeatLastDelay(TimeSpan[] delays) : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext retryContext) => delays[(int)Math.Min(retryContext.PreviousRetryCount, delays.Length - 1)];
    }

    /// <summary>scripts/province/run-cluster.sh as a child process, on free ports, with the nodes in province mode.</summary>
    private sealed partial class Cluster : IAsyncDisposable
    {
        /// <summary>haproxy's node cookie (scripts/province/haproxy-config.sh: "cookie QKNODE", servers n1..n3).</summary>
        public const string NodeCookie = "QKNODE";

        private readonly Process _script;
        private readonly StringWriter _output = new();

        private Cluster(Process script, Uri front)
        {
            _script = script;
            Front = front;
        }

        public Uri Front { get; }

        public Dictionary<int, int> NodePidsByNumber { get; } = [];

        public IEnumerable<int> NodePids => NodePidsByNumber.OrderBy(p => p.Key).Select(p => p.Value);

        public static async Task<Cluster?> StartAsync(string connectionString, CancellationToken ct)
        {
            var front = FreePort.Next();
            var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "province", "run-cluster.sh"));
            info.Environment["QK_CLUSTER_NODE_PORTS"] = string.Join(' ', Enumerable.Range(0, Nodes).Select(_ => FreePort.Next()));
            info.Environment["QK_CLUSTER_PORT"] = front.ToString(CultureInfo.InvariantCulture);
            info.Environment["QK_CLUSTER_STATS_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
            info.Environment["QK_CLUSTER_REDIS_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
            info.Environment["QK_CLUSTER_DATABASE"] = connectionString;
            // Should this bench die without stopping the script, the script stops the cluster itself.
            info.Environment["QK_CLUSTER_PARENT_PID"] = Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            // The demo gives the province its admin (quantri); its one demo site stays idle.
            info.Environment["QK_CLUSTER_DEMO"] = "1";
            info.Environment["QK_HUB_DLL"] = RepoPaths.HostDll("Hub.Server");
            // Logging last: the script's own Information level would measure the console.
            info.Environment["QK_NODE_ARGS"] = "--Hub:Role=Province --Logging:LogLevel:Default=Warning " + Environment.GetEnvironmentVariable("QK_NODE_ARGS");
            var script = Process.Start(info)!;
            var cluster = new Cluster(script, new Uri($"http://127.0.0.1:{front}"));
            script.ErrorDataReceived += (_, e) => cluster.Log(e.Data);
            script.BeginErrorReadLine();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(TimeSpan.FromMinutes(4));
            try
            {
                while (await script.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
                {
                    cluster.Log(line);
                    if (NodeLine().Match(line) is { Success: true } node)
                    {
                        cluster.NodePidsByNumber[int.Parse(node.Groups[1].Value, CultureInfo.InvariantCulture)] = int.Parse(node.Groups[2].Value, CultureInfo.InvariantCulture);
                    }
                    else if (line.StartsWith("cluster: ready", StringComparison.Ordinal) && cluster.NodePidsByNumber.Count == Nodes)
                    {
                        // Keep reading (and dropping) the script's output so it never blocks on a full pipe.
                        _ = Task.Run(async () =>
                        {
                            while (await script.StandardOutput.ReadLineAsync(CancellationToken.None) is { } more)
                            {
                                cluster.Log(more);
                            }
                        }, CancellationToken.None);
                        return cluster;
                    }
                }
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                // Not ready in time: said below.
            }
            catch
            {
                // Ctrl-C or a broken pipe while starting: stop what the script started so far.
                await cluster.DisposeAsync();
                throw;
            }

            Console.Error.WriteLine($"province: the cluster did not start:\n{cluster._output}");
            await cluster.DisposeAsync();
            return null;
        }

        /// <summary>kill -9 of one node, as a crash would.</summary>
        public void Kill(int node) => Process.GetProcessById(NodePidsByNumber[node]).Kill();

        public async ValueTask DisposeAsync()
        {
            // SIGTERM lets the script stop what it started (haproxy, the nodes, Redis).
            if (!_script.HasExited)
            {
                using var term = Process.Start("kill", ["-TERM", _script.Id.ToString(CultureInfo.InvariantCulture)]);
                await term.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _script.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                _script.Kill(entireProcessTree: true);
            }

            _script.Dispose();
        }

        private void Log(string? line)
        {
            if (line is not null)
            {
                lock (_output)
                {
                    _output.WriteLine(line);
                }
            }
        }

        [GeneratedRegex(@"^cluster: node (\d+) http://127\.0\.0\.1:\d+ \(pid (\d+)\)")]
        private static partial Regex NodeLine();
    }
}
