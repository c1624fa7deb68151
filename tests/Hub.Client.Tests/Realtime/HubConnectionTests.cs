using System.Collections.Concurrent;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Realtime;
using QueueKiosk.HubClient.Tests.Infrastructure;

namespace QueueKiosk.HubClient.Tests.Realtime;

/// <summary>The client against a real ASP.NET Core SignalR hub on Kestrel (127.0.0.1).</summary>
public class HubConnectionTests
{
    [Fact]
    public async Task Start_Connects_AndServerCallsReachTypedHandler_ByExactName()
    {
        await using var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.HubUrl);
        var greetings = new ConcurrentQueue<(string Text, int Count)>();
        var wrongCase = 0;
        connection.On<string, int>("Greeted", (text, count) => greetings.Enqueue((text, count)));
        connection.On<string, int>("greeted", (_, _) => Interlocked.Increment(ref wrongCase));

        await connection.StartAsync();
        Assert.Equal(HubConnectionState.Connected, connection.State);
        Assert.False(string.IsNullOrEmpty(connection.ConnectionId));

        await connection.InvokeAsync("Greet", ["Lan", 3]);
        await Eventually.True(() => !greetings.IsEmpty, "the Greeted call");
        Assert.Equal(("Xin chào Lan", 3), Assert.Single(greetings));

        // Handlers run in arrival order, so once a later call is back the earlier one was dispatched.
        Assert.Equal(5, await connection.InvokeAsync<int>("Add", 2, 3));
        Assert.Equal(0, Volatile.Read(ref wrongCase));
    }

    [Theory]
    [InlineData(HubProtocolKind.Json)]
    [InlineData(HubProtocolKind.MessagePack)]
    public async Task GroupEvents_ArriveAsContractRecords(HubProtocolKind protocol)
    {
        await using var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.HubUrl, o => o.Protocol = protocol);
        var siteId = Guid.NewGuid();
        var received = new ConcurrentQueue<TicketCalledEvent>();
        connection.On<TicketCalledEvent>(HubEvents.TicketCalled, received.Enqueue);
        await connection.StartAsync();
        await connection.InvokeAsync(HubMethods.JoinSite, siteId);

        var sent = TestData.Called(siteId, sequence: 1, "A012", counterNumber: 4);
        await server.SendToSiteAsync(siteId, HubEvents.TicketCalled, sent);

        await Eventually.True(() => !received.IsEmpty, "the TicketCalled event");
        var got = Assert.Single(received);
        Assert.Equal(sent with { Ticket = got.Ticket }, got);
        Assert.Equal(sent.Ticket, got.Ticket);
        Assert.Equal("Tư pháp - Hộ tịch", got.Ticket.ServiceName);
    }

    [Theory]
    [InlineData(HubProtocolKind.Json)]
    [InlineData(HubProtocolKind.MessagePack)]
    public async Task InvokeAsync_ReturnsTheResult(HubProtocolKind protocol)
    {
        await using var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.HubUrl, o => o.Protocol = protocol);
        await connection.StartAsync();

        Assert.Equal(5, await connection.InvokeAsync<int>("Add", 2, 3));
        Assert.Equal("Quầy số 3 – mời công dân", await connection.InvokeAsync<string>("Echo", "Quầy số 3 – mời công dân"));
        var ticket = TestData.Ticket(Guid.NewGuid(), "B007");
        Assert.Equal(ticket, await connection.InvokeAsync<TicketDto>("EchoTicket", ticket));
    }

    [Fact]
    public async Task InvokeAsync_HubException_BecomesHubExceptionWithTheServerMessage()
    {
        await using var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.HubUrl);
        await connection.StartAsync();

        var refused = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Fail", ["no counter"]));
        Assert.Contains("refused: no counter", refused.Message, StringComparison.Ordinal);

        // Other exceptions are hidden by the server (detailed errors off); the client still gets an error.
        var crashed = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("Crash", []));
        Assert.DoesNotContain("secret detail", crashed.Message, StringComparison.Ordinal);

        // The connection survives errors.
        Assert.Equal(HubConnectionState.Connected, connection.State);
        Assert.Equal(7, await connection.InvokeAsync<int>("Add", 3, 4));
    }

    [Fact]
    public async Task InvokeAsync_UnknownMethod_FailsWithHubException()
    {
        await using var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.HubUrl);
        await connection.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => connection.InvokeAsync("NoSuchMethod", []));
        Assert.Contains("NoSuchMethod", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ReachesTheHubWithoutWaitingForAResult()
    {
        await using var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.HubUrl);
        await connection.StartAsync();

        await connection.SendAsync("Note", "gửi không chờ");

        await Eventually.True(() => server.Recorder.Received.Contains("gửi không chờ"), "the hub to receive the note");
    }

    [Fact]
    public async Task InvokeBeforeStart_ThrowsClearly()
    {
        await using var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.HubUrl);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => connection.InvokeAsync<int>("Add", 1, 2));
        Assert.Contains("not active", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StartAndStop_RaiseStateChangesInOrder()
    {
        await using var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.HubUrl);
        var states = new ConcurrentQueue<HubConnectionState>();
        connection.StateChanged += (_, e) => states.Enqueue(e.Current);
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        await connection.StartAsync();
        await connection.StopAsync();

        Assert.Null(await Eventually.Within(closed.Task, "Closed after StopAsync"));
        Assert.Equal([HubConnectionState.Connecting, HubConnectionState.Connected, HubConnectionState.Disconnected], states);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        Assert.Null(connection.ConnectionId);
    }

    [Fact]
    public async Task StopAndDispose_AfterDispose_DoNothing_AndStartRefuses()
    {
        await using var server = await TestHubServer.StartAsync();
        var connection = Clients.Create(server.HubUrl);
        await connection.StartAsync();

        await connection.DisposeAsync();

        await connection.StopAsync();
        await connection.DisposeAsync();
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => connection.StartAsync());
    }

    [Fact]
    public async Task Start_WhenNothingListens_Throws_AndIsDisconnected()
    {
        var port = Clients.FreePort();
        await using var connection = Clients.Create(new Uri($"http://127.0.0.1:{port}/hubs/queue"));

        await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task ServerRestart_ClientReconnects_AndOnConnectedHookJoinsAgain()
    {
        var siteId = Guid.NewGuid();
        var server = await TestHubServer.StartAsync();
        var port = server.Port;
        await using var connection = Clients.Create(server.HubUrl);
        var hookRuns = 0;
        connection.OnConnected(async (hub, ct) =>
        {
            Interlocked.Increment(ref hookRuns);
            await hub.InvokeAsync(HubMethods.JoinSite, siteId, ct);
        });
        var states = new ConcurrentQueue<HubConnectionState>();
        connection.StateChanged += (_, e) => states.Enqueue(e.Current);
        var reconnected = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Reconnected += id =>
        {
            reconnected.TrySetResult(id);
            return Task.CompletedTask;
        };
        var calls = new ConcurrentQueue<string>();
        connection.On<TicketCalledEvent>(HubEvents.TicketCalled, e => calls.Enqueue(e.Ticket.Number));

        await connection.StartAsync();
        var firstId = connection.ConnectionId;
        Assert.Equal([siteId], server.Recorder.SiteJoins);

        await server.DisposeAsync();
        await using var restarted = await TestHubServer.StartAsync(port);

        // The client may first reach the old server while it is still shutting down and lose that
        // connection again; what matters is that it ends up connected to the new one, joined.
        var newId = await Eventually.Within(reconnected.Task, "the client to reconnect after the restart");
        await Eventually.True(
            () => connection.State == HubConnectionState.Connected && restarted.Recorder.SiteJoins.Contains(siteId),
            "the client connected to the restarted server and joined again");
        Assert.NotEqual(firstId, newId);
        Assert.True(Volatile.Read(ref hookRuns) >= 2);
        Assert.Contains(HubConnectionState.Reconnecting, states);

        // The re-joined group gets events again.
        await restarted.SendToSiteAsync(siteId, HubEvents.TicketCalled, TestData.Called(siteId, 1, "A001"));
        await Eventually.True(() => calls.Contains("A001"), "an event after the restart");
    }

    [Fact]
    public async Task RetryInitialConnect_ServerStartsLater_ClientConnectsWhenItAppears()
    {
        var port = Clients.FreePort();
        await using var connection = Clients.Create(new Uri($"http://127.0.0.1:{port}{HubRoutes.QueueHub}"), o => o.RetryInitialConnect = true);
        var joined = 0;
        connection.OnConnected((hub, ct) =>
        {
            Interlocked.Increment(ref joined);
            return Task.CompletedTask;
        });

        await connection.StartAsync();
        Assert.Equal(HubConnectionState.Reconnecting, connection.State);

        await using var server = await TestHubServer.StartAsync(port);
        await Eventually.True(() => connection.State == HubConnectionState.Connected, "the client to connect once the server is up");
        Assert.Equal(1, Volatile.Read(ref joined));
        Assert.Equal(9, await connection.InvokeAsync<int>("Add", 4, 5));
    }

    [Fact]
    public async Task SilentServer_ClientDetectsTimeout_AndCloses()
    {
        // The server pings only every 5 minutes; the client expects traffic within 1 s.
        await using var server = await TestHubServer.StartAsync(serverKeepAlive: TimeSpan.FromMinutes(5));
        await using var connection = Clients.Create(server.HubUrl, o =>
        {
            o.ServerTimeout = TimeSpan.FromSeconds(1);
            o.RetryPolicy = null;
        });
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        await connection.StartAsync();

        var error = await Eventually.Within(closed.Task, "the client to notice the silent server");
        Assert.IsType<TimeoutException>(error);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task Authorization_BearerTokenHeader_IsSentOnNegotiateAndWebSocket()
    {
        await using var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.SecureHubUrl, o =>
            o.AccessTokenProvider = _ => ValueTask.FromResult<string?>(TestTokenHandler.GoodToken));

        await connection.StartAsync();

        Assert.Equal("officer-1", await connection.InvokeAsync<string>("WhoAmI"));
        var sources = server.Recorder.TokenSources.ToArray();
        Assert.Contains(sources, s => s.Path.EndsWith("/negotiate", StringComparison.Ordinal) && s.Header);
        Assert.Contains(sources, s => s.Path == TestHubServer.SecureHubPath && s.Header && !s.Query);
    }

    [Fact]
    public async Task ServerWithoutWebSockets_ClientFallsBack_AndWorks()
    {
        await using var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.NoWebSocketsHubUrl);
        var greetings = new ConcurrentQueue<string>();
        connection.On<string, int>("Greeted", (text, _) => greetings.Enqueue(text));

        await connection.StartAsync();

        Assert.NotEqual(nameof(HttpTransportType.WebSockets), await connection.InvokeAsync<string>("Transport"));
        await connection.InvokeAsync("Greet", ["Hoa", 1]);
        await Eventually.True(() => !greetings.IsEmpty, "a server call over the fallback transport");
        Assert.Equal("Xin chào Hoa", Assert.Single(greetings));
    }

    [Fact]
    public async Task ProtocolSetting_IsWhatTheClientAsksFor()
    {
        await using var server = await TestHubServer.StartAsync();
        await using var json = Clients.Create(server.JsonOnlyHubUrl);
        await using var messagePack = Clients.Create(server.JsonOnlyHubUrl, o => o.Protocol = HubProtocolKind.MessagePack);

        await json.StartAsync();
        Assert.Equal("pong", await json.InvokeAsync<string>("Ping"));

        // A hub that speaks only JSON refuses the handshake of a client that asks for MessagePack.
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => messagePack.StartAsync());
        Assert.Contains("messagepack", refused.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HubConnectionState.Disconnected, messagePack.State);
    }

    [Fact]
    public async Task DefaultTransport_IsWebSockets()
    {
        await using var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.HubUrl);
        await connection.StartAsync();

        Assert.Equal(nameof(HttpTransportType.WebSockets), await connection.InvokeAsync<string>("Transport"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("wrong-token")]
    public async Task Authorization_MissingOrWrongToken_StartFailsWith401(string? token)
    {
        await using var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.SecureHubUrl, o =>
        {
            if (token is not null)
            {
                o.AccessTokenProvider = _ => ValueTask.FromResult<string?>(token);
            }
        });

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => connection.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, error.StatusCode);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task StopWhileReconnecting_EndsPromptly_Disconnected()
    {
        var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.HubUrl, o =>
            o.RetryPolicy = new BackoffRetryPolicy([TimeSpan.FromMinutes(10)]));
        await connection.StartAsync();

        await server.DisposeAsync();
        await Eventually.True(() => connection.State == HubConnectionState.Reconnecting, "the client to notice the server is gone");

        await Eventually.Within(
            Task.Run(async () =>
            {
                await connection.StopAsync();
                return true;
            }),
            "StopAsync during a 10-minute reconnect delay");
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task HookThatFails_FailsTheStart()
    {
        await using var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.HubUrl);
        connection.OnConnected((hub, ct) => hub.InvokeAsync("Fail", ["cannot join"], ct));

        var error = await Assert.ThrowsAsync<HubException>(() => connection.StartAsync());
        Assert.Contains("cannot join", error.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task HandlerThatThrows_DoesNotStopOtherHandlersOrTheConnection()
    {
        await using var server = await TestHubServer.StartAsync();
        await using var connection = Clients.Create(server.HubUrl);
        var greetings = new ConcurrentQueue<string>();
        connection.On<string, int>("Greeted", (_, _) => throw new InvalidOperationException("handler bug"));
        using var second = connection.On<string, int>("Greeted", (text, _) => greetings.Enqueue(text));
        await connection.StartAsync();

        await connection.InvokeAsync("Greet", ["An", 1]);
        await Eventually.True(() => !greetings.IsEmpty, "the second handler");
        second.Dispose();
        await connection.InvokeAsync("Greet", ["Bình", 2]);

        Assert.Equal(5, await connection.InvokeAsync<int>("Add", 2, 3));
        Assert.Equal(["Xin chào An"], greetings);
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }
}
