using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Realtime;
using QueueKiosk.HubClient.Realtime.Resync;
using QueueKiosk.HubClient.Rest;
using QueueKiosk.HubClient.Tests.Infrastructure;

namespace QueueKiosk.HubClient.Tests.EndToEnd;

/// <summary>
/// A display's view of the real Hub.Server: it connects with its device key, follows the queue
/// through QueueFeed, sees an officer's calls made through the REST API, and comes back in sync
/// after the server restarts.
/// </summary>
public sealed class RealHubServerTests : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "qk-hubclient-tests", Guid.NewGuid().ToString("N"));
    private RealHubServer _server = null!;

    private string DatabaseFile => Path.Combine(_directory, "hub.db");

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        _server = await RealHubServer.StartAsync(DatabaseFile);
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection: the temp cleaner takes it later.
        }
    }

    /// <summary>The device key goes as the X-Device-Key header or as the access token (Authorization: Bearer); both are accepted.</summary>
    [Theory]
    [InlineData(HubProtocolKind.Json, false)]
    [InlineData(HubProtocolKind.MessagePack, true)]
    public async Task Display_SeesCalls_AndResyncsAfterAServerRestart(HubProtocolKind protocol, bool keyAsAccessToken)
    {
        using var display = _server.Device(RealHubServer.DisplayKey);
        var first = (await display.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot))!;
        var siteId = first.SiteId;
        var counter = first.Counters.OrderBy(c => c.Number).First(c => c.Services.Count > 0);
        var serviceId = counter.Services[0].ServiceId;

        var options = new HubConnectionOptions
        {
            HubUrl = new Uri(_server.BaseUrl, HubRoutes.QueueHub.TrimStart('/')),
            RetryPolicy = Clients.FastRetry(),
            Protocol = protocol,
        };
        if (keyAsAccessToken)
        {
            options.AccessTokenProvider = _ => ValueTask.FromResult<string?>(RealHubServer.DisplayKey);
        }
        else
        {
            options.Headers[HubRoutes.DeviceKeyHeader] = RealHubServer.DisplayKey;
        }

        await using var connection = new SignalRHubConnection(options);
        using var feed = new QueueFeed(connection, new DeviceApiClient(display), new QueueFeedOptions { SiteId = siteId });
        var calls = new ConcurrentQueue<TicketCalledEvent>();
        feed.TicketCalled += e =>
        {
            calls.Enqueue(e);
            return Task.CompletedTask;
        };

        await connection.StartAsync();
        Assert.Equal(1, feed.SnapshotCount);

        var called = await IssueAndCallAsync(serviceId, counter.Id);
        await Eventually.True(() => calls.Any(c => c.Ticket.Id == called.Id), "the display to see the call");
        var seen = calls.Single(c => c.Ticket.Id == called.Id);
        Assert.Equal(called.Number, seen.Ticket.Number);
        Assert.Equal(counter.Number, seen.CounterNumber);
        Assert.Equal(called.ServiceName, seen.Ticket.ServiceName);
        Assert.Equal(called.IssuedAt, seen.Ticket.IssuedAt);
        Assert.True(feed.LastSequence >= seen.Sequence);

        // Restart on the same port and database, and call at once, likely before the display is
        // back: the call must reach it, through the snapshot of the reconnect or as an event.
        var port = _server.Port;
        await _server.DisposeAsync();
        _server = await RealHubServer.StartAsync(DatabaseFile, port);
        var missed = await IssueAndCallAsync(serviceId, counter.Id);

        await Eventually.True(
            () => connection.State == HubConnectionState.Connected && feed.LastSnapshot?.RecentCalls.Any(t => t.Id == missed.Id) == true
                || calls.Any(c => c.Ticket.Id == missed.Id),
            "the display back in sync after the restart");

        var after = await IssueAndCallAsync(serviceId, counter.Id);
        await Eventually.True(() => calls.Any(c => c.Ticket.Id == after.Id), "a call after the restart");
        Assert.True(feed.SnapshotCount >= 2);
    }

    [Fact]
    public async Task WrongDeviceKey_IsRefused()
    {
        var options = new HubConnectionOptions { HubUrl = new Uri(_server.BaseUrl, HubRoutes.QueueHub.TrimStart('/')), RetryPolicy = null };
        options.Headers[HubRoutes.DeviceKeyHeader] = "not-a-device";
        await using var connection = new SignalRHubConnection(options);

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, error.StatusCode);
    }

    /// <summary>A kiosk issues a ticket; the counter's officer signs in and calls the next one.</summary>
    private async Task<TicketDto> IssueAndCallAsync(Guid serviceId, Guid counterId)
    {
        using var kiosk = _server.Device(RealHubServer.KioskKey);
        var issued = await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(serviceId));
        Assert.True(issued.IsSuccessStatusCode, await issued.Content.ReadAsStringAsync());

        using var officer = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = _server.BaseUrl };
        var login = await officer.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("canbo1", RealHubServer.Password, counterId));
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());

        // Finish whatever the counter holds, so call-next is allowed.
        await officer.PostAsync(HubRoutes.CounterAction(counterId, CounterActions.Finish), null);
        var call = await officer.PostAsync(HubRoutes.CounterAction(counterId, CounterActions.CallNext), null);
        Assert.True(call.StatusCode == HttpStatusCode.OK, $"{(int)call.StatusCode} {await call.Content.ReadAsStringAsync()}");
        return (await call.Content.ReadFromJsonAsync<TicketDto>())!;
    }
}
