using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests;

/// <summary>
/// The hub on real Kestrel, spoken to with a raw ClientWebSocket in the SignalR JSON protocol
/// (<see cref="RawHubConnection"/>): events arrive with consecutive sequences.
/// </summary>
public sealed class HubEventsTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private HubApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new HubApp(_database, kestrel: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task DisplayConnectedWithItsKey_ReceivesIssuedAndCalledEvents_InSequence()
    {
        var server = _app.ServerAddress;
        using var hub = await RawHubConnection.ConnectAsync(server, HubApp.DisplayKey);
        var joined = await hub.InvokeAsync(HubMethods.JoinSite, _app.SiteId);
        Assert.False(joined.TryGetProperty("error", out _));

        using var kiosk = _app.Kiosk();
        var a = await _app.ServiceIdAsync("A");
        var ticket = await _app.IssueAsync(kiosk, a);
        var issued = await hub.NextEventAsync(HubEvents.TicketIssued);
        Assert.Equal(ticket.Number, issued.GetProperty("ticket").GetProperty("number").GetString());
        Assert.Equal(_app.SiteId, issued.GetProperty("siteId").GetGuid());
        var firstSequence = issued.GetProperty("sequence").GetInt64();

        using var supervisor = await _app.SupervisorAsync();
        var counter1 = await _app.CounterIdAsync(1);
        await supervisor.CallNextAsync(counter1);
        var called = await hub.NextEventAsync(HubEvents.TicketCalled);
        Assert.Equal(firstSequence + 1, called.GetProperty("sequence").GetInt64());
        Assert.Equal(1, called.GetProperty("counterNumber").GetInt32());
        Assert.Equal("Called", called.GetProperty("ticket").GetProperty("status").GetString());

        await supervisor.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter1, CounterActions.Recall));
        var recalled = await hub.NextEventAsync(HubEvents.TicketRecalled);
        Assert.Equal(firstSequence + 2, recalled.GetProperty("sequence").GetInt64());

        await supervisor.PostOkAsync<CounterDto>(HubRoutes.CounterAction(counter1, CounterActions.Pause), new PauseCounterRequest("Họp giao ban"));
        var counterChanged = await hub.NextEventAsync(HubEvents.CounterChanged);
        Assert.Equal("Paused", counterChanged.GetProperty("counter").GetProperty("state").GetString());

        var stats = await hub.NextEventAsync(HubEvents.QueueStats);
        Assert.True(stats.GetProperty("sequence").GetInt64() >= firstSequence);

        var snapshot = await _app.SnapshotAsync();
        Assert.Equal(counterChanged.GetProperty("sequence").GetInt64(), snapshot.LastSequence);
    }

    [Fact]
    public async Task Hub_RefusesAnonymous_AndKeepsSupervisorGroupForSupervisors()
    {
        var server = _app.ServerAddress;
        using var anonymous = new HttpClient { BaseAddress = server };
        var negotiate = await anonymous.PostAsync($"{HubRoutes.QueueHub}/negotiate?negotiateVersion=1", null);
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, negotiate.StatusCode);

        using var hub = await RawHubConnection.ConnectAsync(server, HubApp.DisplayKey);
        var refused = await hub.InvokeAsync(HubMethods.JoinSupervisors, _app.SiteId);
        Assert.Contains("supervisors only", refused.GetProperty("error").GetString(), StringComparison.Ordinal);
    }
}
