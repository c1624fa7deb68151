using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;
using QueueKiosk.TestSupport.Hosts;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Realtime.ScaleOut;

/// <summary>
/// Two Hub.Server processes on one PostgreSQL database and a real redis-server (docs/province.md,
/// "Scale-out"): a client connected to node B receives what an API call on node A caused; with
/// Redis stopped each node still serves its own clients and tells its dashboards; with Redis back
/// events cross the nodes again. Only node A writes: a site's queue has one writer (Queue/SequenceAllocator).
/// </summary>
public sealed class RedisScaleOutTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly RedisServerProcess _redis = new();
    private PostgresTestDatabase? _database;
    private HostProcess? _nodeA;
    private HostProcess? _nodeB;

    public async Task InitializeAsync()
    {
        var (database, skip) = await PostgresTestDatabase.TryCreateAsync();
        Assert.True(database is not null, skip);
        _database = database;
        await _redis.StartAsync();
        // One after the other: the first migrates and seeds the empty database.
        _nodeA = await HubNodes.StartAsync(_database, _redis.Configuration);
        _nodeB = await HubNodes.StartAsync(_database, _redis.Configuration);
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { _nodeA, _nodeB })
        {
            if (node is not null)
            {
                output.WriteLine(node.Output);
                await node.DisposeAsync();
            }
        }

        await _redis.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task AClientOnNodeB_ReceivesEventsCausedOnNodeA_AndWithRedisDown_EachNodeServesItsOwnClientsAndSaysSo()
    {
        var a = _nodeA!.BaseAddress;
        var b = _nodeB!.BaseAddress;
        var siteId = await HubNodes.SiteIdAsync(a);
        await using var kioskOnA = await RecordingHubClient.ConnectAsync(a, siteId);
        await using var kioskOnB = await RecordingHubClient.ConnectAsync(b, siteId);
        await using var supervisorOnB = await RecordingHubClient.ConnectAsync(b, siteId, await HubNodes.SupervisorCookieAsync(b));

        var first = await HubNodes.IssueAsync(a);
        Assert.True(await kioskOnB.ReceivedTicketAsync(first.Number), "node B's client did not receive the ticket issued on node A");
        Assert.True(await supervisorOnB.ReceivedTicketAsync(first.Number));
        Assert.True(await kioskOnA.ReceivedTicketAsync(first.Number));

        await _redis.StopAsync();
        // Node B's dashboards are told that only its own events arrive live now.
        Assert.True(await Eventually.TrueAsync(() => supervisorOnB.Events.Any(e =>
            e.Name == SupervisionEvents.RealtimeStatus && !e.Body.GetProperty("scaleOutUp").GetBoolean())), "the supervisor on node B was not told that Redis is down");
        var notice = supervisorOnB.Events.Last(e => e.Name == SupervisionEvents.RealtimeStatus).Body;
        Assert.Contains("mỗi 5 giây", notice.GetProperty("messageVi").GetString(), StringComparison.Ordinal);
        Assert.Contains("every 5 seconds", notice.GetProperty("messageEn").GetString(), StringComparison.Ordinal);
        // Node A keeps serving its own clients, and its API keeps working.
        var during = await HubNodes.IssueAsync(a);
        Assert.True(await kioskOnA.ReceivedTicketAsync(during.Number), "node A's own client did not receive its event with Redis down");
        // A client that connects to node B while Redis is down is served too (and a dashboard told at once).
        await using var lateSupervisorOnB = await RecordingHubClient.ConnectAsync(b, siteId, await HubNodes.SupervisorCookieAsync(b));
        Assert.True(await Eventually.TrueAsync(() => lateSupervisorOnB.Events.Any(e => e.Name == SupervisionEvents.RealtimeStatus)));
        Assert.False(kioskOnB.HasTicket(during.Number));

        await _redis.StartAsync();
        // Once Redis is back, events cross the nodes again (a client served without it reconnects through it).
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            var after = await HubNodes.IssueAsync(a);
            return await kioskOnB.ReceivedTicketAsync(after.Number, TimeSpan.FromSeconds(2));
        }, TimeSpan.FromSeconds(60)), "events did not cross the nodes again after Redis came back");
    }
}
