using System.Collections.Concurrent;
using QueueKiosk.HubClient.Realtime;
using QueueKiosk.HubClient.Tests.Infrastructure;

namespace QueueKiosk.HubClient.Tests.Realtime;

/// <summary>The client against a hand-scripted hub on Kestrel, for wire shapes a real server does not make on demand.</summary>
public class WireShapeTests
{
    private const string Rs = ScriptedHubServer.Separator;

    private static string Invocation(string target, int value) => $"{{\"type\":1,\"target\":\"{target}\",\"arguments\":[{value}]}}{Rs}";

    [Fact]
    public async Task HandshakeAnswerAndSeveralMessagesInOneFrame_AreAllHandledInOrder()
    {
        await using var server = await ScriptedHubServer.StartAsync(async socket =>
        {
            await socket.SendFrameAsync("{}" + Rs + Invocation("Number", 1) + "{\"type\":6}" + Rs + Invocation("Number", 2) + Invocation("Number", 3));
            await socket.ReadUntilClosedAsync();
        });
        await using var connection = Clients.Create(server.HubUrl);
        var numbers = new ConcurrentQueue<int>();
        connection.On<int>("Number", numbers.Enqueue);

        await connection.StartAsync();

        await Eventually.True(() => numbers.Count == 3, "three invocations from one frame");
        Assert.Equal([1, 2, 3], numbers);
    }

    [Fact]
    public async Task OneMessageSplitOverSeveralFrames_IsReassembled()
    {
        await using var server = await ScriptedHubServer.StartAsync(async socket =>
        {
            await socket.SendFrameAsync("{}" + Rs);
            var message = Invocation("Text", 0).Replace("[0]", "[\"Xin mời công dân có số thứ tự 1005 đến quầy số 3\"]", StringComparison.Ordinal);
            var third = message.Length / 3;

            // As separate WebSocket messages, and as fragments of one WebSocket message.
            await socket.SendFrameAsync(message[..third]);
            await socket.SendFrameAsync(message[third..(2 * third)], endOfMessage: false);
            await socket.SendFrameAsync(message[(2 * third)..]);
            await socket.ReadUntilClosedAsync();
        });
        await using var connection = Clients.Create(server.HubUrl);
        var texts = new ConcurrentQueue<string>();
        connection.On<string>("Text", texts.Enqueue);

        await connection.StartAsync();

        await Eventually.True(() => !texts.IsEmpty, "the split invocation");
        Assert.Equal("Xin mời công dân có số thứ tự 1005 đến quầy số 3", Assert.Single(texts));
    }

    [Fact]
    public async Task IdleClient_SendsPings()
    {
        var pings = 0;
        await using var server = await ScriptedHubServer.StartAsync(async socket =>
        {
            await socket.SendFrameAsync("{}" + Rs);
            await socket.ReadUntilClosedAsync(message =>
            {
                if (message == "{\"type\":6}")
                {
                    Interlocked.Increment(ref pings);
                }
            });
        });
        await using var connection = Clients.Create(server.HubUrl, o =>
        {
            o.KeepAliveInterval = TimeSpan.FromMilliseconds(100);
            o.ServerTimeout = TimeSpan.FromMinutes(1);
        });

        await connection.StartAsync();

        await Eventually.True(() => Volatile.Read(ref pings) >= 3, "at least three pings from an idle client");
        Assert.Equal(HubConnectionState.Connected, connection.State);
    }

    [Fact]
    public async Task ServerThatStopsResponding_IsDropped_AndTheClientReconnects()
    {
        await using var server = await ScriptedHubServer.StartAsync(async socket =>
        {
            // Answers the handshake, then never sends another byte.
            await socket.SendFrameAsync("{}" + Rs);
            await socket.ReadUntilClosedAsync();
        });
        await using var connection = Clients.Create(server.HubUrl, o => o.ServerTimeout = TimeSpan.FromMilliseconds(500));
        var reasons = new ConcurrentQueue<Exception?>();
        connection.Reconnecting += reason =>
        {
            reasons.Enqueue(reason);
            return Task.CompletedTask;
        };

        await connection.StartAsync();

        await Eventually.True(() => server.Connections >= 2, "a new connection after the timeout");
        Assert.IsType<TimeoutException>(reasons.First());
    }

    [Fact]
    public async Task CloseWithoutAllowReconnect_EndsTheConnectionWithTheServerError()
    {
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedHubServer.StartAsync(async socket =>
        {
            await socket.SendFrameAsync("{}" + Rs);
            await connected.Task;
            await socket.SendFrameAsync("{\"type\":7,\"error\":\"Thiết bị bị khóa\"}" + Rs);
            await socket.ReadUntilClosedAsync();
        });
        await using var connection = Clients.Create(server.HubUrl);
        connection.StateChanged += (_, e) =>
        {
            if (e.Current == HubConnectionState.Connected)
            {
                connected.TrySetResult();
            }
        };
        var closed = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Closed += error =>
        {
            closed.TrySetResult(error);
            return Task.CompletedTask;
        };

        await connection.StartAsync();

        var error = Assert.IsType<HubException>(await Eventually.Within(closed.Task, "Closed after the server's Close"));
        Assert.Contains("Thiết bị bị khóa", error.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
        Assert.Equal(1, server.Connections);
    }

    [Fact]
    public async Task CloseWithAllowReconnect_Reconnects()
    {
        var scripts = 0;
        var connected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedHubServer.StartAsync(async socket =>
        {
            await socket.SendFrameAsync("{}" + Rs);
            if (Interlocked.Increment(ref scripts) == 1)
            {
                await connected.Task;
                await socket.SendFrameAsync("{\"type\":7,\"allowReconnect\":true}" + Rs);
            }

            await socket.ReadUntilClosedAsync();
        });
        await using var connection = Clients.Create(server.HubUrl);
        connection.StateChanged += (_, e) =>
        {
            if (e.Current == HubConnectionState.Connected)
            {
                connected.TrySetResult();
            }
        };
        var reconnected = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Reconnected += id =>
        {
            reconnected.TrySetResult(id);
            return Task.CompletedTask;
        };

        await connection.StartAsync();

        Assert.Equal("conn-1", await Eventually.Within(reconnected.Task, "a reconnect after Close with allowReconnect"));
        Assert.Equal(2, server.Connections);
    }

    [Fact]
    public async Task HandshakeRefused_StartThrowsWithTheServerReason()
    {
        await using var server = await ScriptedHubServer.StartAsync(socket =>
            socket.SendFrameAsync("{\"error\":\"Requested protocol 'json' is not available.\"}" + Rs));
        await using var connection = Clients.Create(server.HubUrl);

        var error = await Assert.ThrowsAsync<HubException>(() => connection.StartAsync());
        Assert.Contains("not available", error.Message, StringComparison.Ordinal);
        Assert.Equal(HubConnectionState.Disconnected, connection.State);
    }

    [Fact]
    public async Task ConnectionLostDuringInvoke_FailsThePendingCall()
    {
        await using var server = await ScriptedHubServer.StartAsync(async socket =>
        {
            await socket.SendFrameAsync("{}" + Rs);

            // Reads the invocation, then drops the connection without answering.
            await socket.ReceiveMessageAsync();
            socket.Socket.Abort();
        });
        await using var connection = Clients.Create(server.HubUrl, o => o.RetryPolicy = null);
        await connection.StartAsync();

        var error = await Assert.ThrowsAsync<HubException>(() => Eventually.Within(connection.InvokeAsync<int>("Add", 1, 2), "the failed invoke"));
        Assert.Contains("lost", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServerInvocationExpectingAResult_GetsAnErrorCompletion()
    {
        var answer = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedHubServer.StartAsync(async socket =>
        {
            await socket.SendFrameAsync("{}" + Rs + "{\"type\":1,\"invocationId\":\"s1\",\"target\":\"GetStatus\",\"arguments\":[]}" + Rs);
            answer.TrySetResult(await socket.ReceiveMessageAsync());
            await socket.ReadUntilClosedAsync();
        });
        await using var connection = Clients.Create(server.HubUrl);
        await connection.StartAsync();

        var message = await Eventually.Within(answer.Task, "the completion for the server's invocation");
        Assert.StartsWith("{\"type\":3,\"invocationId\":\"s1\",\"error\":", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExtraHeaders_AreSentOnTheWebSocketUpgrade()
    {
        var deviceKey = new TaskCompletionSource<string?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await ScriptedHubServer.StartAsync(async socket =>
        {
            deviceKey.TrySetResult(socket.RequestHeaders["X-Device-Key"]);
            await socket.SendFrameAsync("{}" + Rs);
            await socket.ReadUntilClosedAsync();
        });
        await using var connection = Clients.Create(server.HubUrl, o => o.Headers["X-Device-Key"] = "display-hall-1");

        await connection.StartAsync();

        Assert.Equal("display-hall-1", await Eventually.Within(deviceKey.Task, "the device key header"));
    }
}
