using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests;

/// <summary>
/// The hub on real Kestrel, spoken to with a raw ClientWebSocket in the SignalR JSON protocol
/// (the .NET SignalR client is not available here): events arrive with consecutive sequences.
/// </summary>
public sealed class HubEventsTests : IAsyncLifetime
{
    private const char RecordSeparator = '\u001e';
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

    /// <summary>A minimal SignalR JSON-protocol client over ClientWebSocket (Hub.Client/README.md).</summary>
    private sealed class RawHubConnection : IDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly StringBuilder _buffer = new();
        private readonly Queue<JsonElement> _messages = new();
        private int _invocationId;

        public static async Task<RawHubConnection> ConnectAsync(Uri server, string deviceKey)
        {
            using var http = new HttpClient { BaseAddress = server };
            http.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, deviceKey);
            var negotiation = await http.PostAsync($"{HubRoutes.QueueHub}/negotiate?negotiateVersion=1", null);
            negotiation.EnsureSuccessStatusCode();
            var token = (await negotiation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("connectionToken").GetString();

            var connection = new RawHubConnection();
            var ws = new UriBuilder(server) { Scheme = "ws", Path = HubRoutes.QueueHub, Query = $"id={token}&{HubRoutes.AccessTokenQuery}={Uri.EscapeDataString(deviceKey)}" };
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
            await connection._socket.ConnectAsync(ws.Uri, timeout.Token);
            await connection.SendAsync("""{"protocol":"json","version":1}""");
            var handshake = await connection.ReceiveAsync(TimeSpan.FromSeconds(20));
            Assert.False(handshake.TryGetProperty("error", out _), handshake.ToString());
            return connection;
        }

        public async Task<JsonElement> InvokeAsync(string target, params object[] arguments)
        {
            var id = (++_invocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }));
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline)
            {
                var message = await ReceiveAsync(deadline - DateTime.UtcNow);
                if (message.GetProperty("type").GetInt32() == 3 && message.GetProperty("invocationId").GetString() == id)
                {
                    return message;
                }
            }

            throw new TimeoutException($"No completion for {target}");
        }

        /// <summary>The next invocation of the given event; other events and pings are skipped.</summary>
        public async Task<JsonElement> NextEventAsync(string target)
        {
            var deadline = DateTime.UtcNow.AddSeconds(20);
            while (DateTime.UtcNow < deadline)
            {
                var message = await ReceiveAsync(deadline - DateTime.UtcNow);
                if (message.GetProperty("type").GetInt32() == 1 && message.GetProperty("target").GetString() == target)
                {
                    return message.GetProperty("arguments")[0];
                }
            }

            throw new TimeoutException($"No {target} event within 20 s");
        }

        public void Dispose() => _socket.Dispose();

        private Task SendAsync(string json) =>
            _socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

        private async Task<JsonElement> ReceiveAsync(TimeSpan timeout)
        {
            using var cts = new CancellationTokenSource(timeout > TimeSpan.Zero ? timeout : TimeSpan.FromMilliseconds(1));
            var chunk = new byte[8192];
            while (_messages.Count == 0)
            {
                var result = await _socket.ReceiveAsync(chunk, cts.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    throw new InvalidOperationException("The hub closed the connection");
                }

                _buffer.Append(Encoding.UTF8.GetString(chunk, 0, result.Count));
                var text = _buffer.ToString();
                var end = text.LastIndexOf(RecordSeparator);
                if (end < 0)
                {
                    continue;
                }

                foreach (var record in text[..end].Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    var element = JsonSerializer.Deserialize<JsonElement>(record);
                    if (!element.TryGetProperty("type", out var type) || type.GetInt32() != 6)
                    {
                        _messages.Enqueue(element);
                    }
                }

                _buffer.Clear().Append(text[(end + 1)..]);
            }

            return _messages.Dequeue();
        }
    }
}
