using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Client;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;
using QueueKiosk.TestSupport.Hosts;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Realtime.ScaleOut;

/// <summary>
/// scripts/province/run-cluster.sh as an operator runs it (docs/province.md, "Scale-out"): one
/// PostgreSQL database, redis-server, three Hub.Server nodes and haproxy, all real processes. A
/// client connected through haproxy to node 2 receives what node 1 commits; node 2 is killed with
/// kill -9; the client reconnects through haproxy to a live node and receives events again; the
/// script stops everything it started on SIGINT (Ctrl-C).
/// </summary>
public sealed partial class HaproxyFailoverTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly StringBuilder _log = new();
    private PostgresTestDatabase? _database;
    private Process? _cluster;

    public async Task InitializeAsync()
    {
        var (database, skip) = await PostgresTestDatabase.TryCreateAsync();
        Assert.True(database is not null, skip);
        _database = database;
    }

    public async Task DisposeAsync()
    {
        if (_cluster is { HasExited: false })
        {
            Signal(_cluster.Id, "TERM");
            await _cluster.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        }

        _cluster?.Dispose();
        output.WriteLine(Log);
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    private string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    [Fact]
    public async Task AClientThroughHaproxy_ReceivesEventsAgain_AfterItsNodeIsKilled_AndCtrlCStopsEverything()
    {
        var front = FreePort.Next();
        var nodePorts = new[] { FreePort.Next(), FreePort.Next(), FreePort.Next() };
        StartCluster(front, nodePorts);
        Assert.True(await Eventually.TrueAsync(() => Log.Contains("cluster: ready", StringComparison.Ordinal) || _cluster!.HasExited, TimeSpan.FromSeconds(240)),
            "the cluster did not start:\n" + Log);
        Assert.False(_cluster!.HasExited, Log);
        var pids = NodePids();
        Assert.Equal(3, pids.Count);

        var haproxy = new Uri($"http://127.0.0.1:{front}");
        var writer = new Uri($"http://127.0.0.1:{nodePorts[0]}");
        var siteId = await HubNodes.SiteIdAsync(haproxy);
        // haproxy's stickiness cookie names node 2: the client's negotiate and WebSocket go there.
        var cookies = new CookieContainer();
        cookies.Add(haproxy, new Cookie("QKNODE", "n2"));
        await using var client = await ConnectAsync(haproxy, siteId, cookies);

        // Node 1 is the site's one writer (Queue/SequenceAllocator); node 2's client sees its events through Redis.
        var before = await HubNodes.IssueAsync(writer);
        Assert.True(await client.ReceivedTicketAsync(before.Number), "the client on node 2 did not receive node 1's event");

        using var node2 = Process.GetProcessById(pids[2]);
        var killed = Stopwatch.StartNew();
        node2.Kill();
        await node2.WaitForExitAsync();

        TimeSpan? failover = null;
        var deadline = TimeSpan.FromSeconds(90);
        while (failover is null && killed.Elapsed < deadline)
        {
            var ticket = await HubNodes.IssueAsync(writer);
            if (await client.ReceivedTicketAsync(ticket.Number, TimeSpan.FromMilliseconds(250)))
            {
                failover = killed.Elapsed;
            }
        }

        Assert.True(failover is not null, "the client did not receive events again after its node was killed:\n" + Log);
        output.WriteLine($"failover_s={failover.Value.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} (kill -9 of node 2 to the first event received through haproxy again)");
        Assert.Equal(HubConnectionState.Connected, client.Connection.State);
        Assert.NotEqual("n2", cookies.GetCookies(haproxy)["QKNODE"]?.Value);

        // Ctrl-C: the script stops haproxy, the nodes and Redis.
        var started = StartedPids();
        Signal(_cluster.Id, "INT");
        await _cluster.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(90));
        Assert.Contains("cluster: stopped", Log, StringComparison.Ordinal);
        Assert.All(started, pid => Assert.False(IsRunning(pid), $"process {pid} still runs after Ctrl-C"));
    }

    private static async Task<RecordingHubClient> ConnectAsync(Uri haproxy, Guid siteId, CookieContainer cookies)
    {
        var client = await RecordingHubClient.ConnectAsync(haproxy, siteId, reconnect: true, cookies: cookies);
        return client;
    }

    private void StartCluster(int front, int[] nodePorts)
    {
        var info = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(RepoPaths.Root, "scripts", "province", "run-cluster.sh"));
        info.Environment["QK_CLUSTER_DATABASE"] = _database!.ConnectionString;
        info.Environment["QK_HUB_DLL"] = RepoPaths.HostDll("Hub.Server");
        info.Environment["QK_CLUSTER_PORT"] = front.ToString(CultureInfo.InvariantCulture);
        info.Environment["QK_CLUSTER_STATS_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        info.Environment["QK_CLUSTER_REDIS_PORT"] = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        info.Environment["QK_CLUSTER_NODE_PORTS"] = string.Join(' ', nodePorts);
        _cluster = Process.Start(info)!;
        _cluster.OutputDataReceived += (_, e) => Append(e.Data);
        _cluster.ErrorDataReceived += (_, e) => Append(e.Data);
        _cluster.BeginOutputReadLine();
        _cluster.BeginErrorReadLine();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_log)
            {
                _log.AppendLine(line);
            }
        }
    }

    /// <summary>Node number to pid, from the script's "cluster: node N URL (pid P)" lines.</summary>
    private Dictionary<int, int> NodePids() => NodeLine().Matches(Log)
        .ToDictionary(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    private List<int> StartedPids() => [.. AnyPid().Matches(Log).Select(m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture))];

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static void Signal(int pid, string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, pid.ToString(CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    [GeneratedRegex(@"cluster: node (\d+) http://\S+ \(pid (\d+)\)")]
    private static partial Regex NodeLine();

    [GeneratedRegex(@"\(pid (\d+)\)")]
    private static partial Regex AnyPid();
}
