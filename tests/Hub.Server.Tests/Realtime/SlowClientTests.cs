using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Realtime;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests.Realtime;

/// <summary>
/// Issue 15 item 9: a display connection that never reads must not hold up anyone else. On real
/// Kestrel, a raw WebSocket client with a tiny receive buffer joins the displays and then only
/// pings (so the hub keeps it), while a normal SignalR client in the same group must receive a
/// burst of events several megabytes larger than every buffer between the hub and the slow
/// client. The stalled client ends up disconnected (a real one would reconnect and resync from the snapshot).
/// </summary>
public sealed class SlowClientTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const char RecordSeparator = '\u001e';
    private const int Burst = 800;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(90);
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
    public async Task AClientThatNeverReads_DoesNotDelayTheOthers_AndIsDropped()
    {
        var server = _app.ServerAddress;
        using var overall = new CancellationTokenSource(Generous);
        var firstSequence = (await _app.SnapshotAsync()).LastSequence + 1;

        using var slow = await StalledClient.JoinDisplaysAsync(server, _app.SiteId, overall.Token);

        var received = new HashSet<long>();
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var normal = new HubConnectionBuilder()
            .WithUrl(new Uri(server, HubRoutes.QueueHub), options => options.Headers[HubRoutes.DeviceKeyHeader] = HubApp.DisplayKey)
            .Build();
        normal.On<CounterChangedEvent>(HubEvents.CounterChanged, e =>
        {
            lock (received)
            {
                if (e.Sequence >= firstSequence && received.Add(e.Sequence) && received.Count == Burst)
                {
                    all.TrySetResult();
                }
            }
        });
        await normal.StartAsync(overall.Token);
        await normal.InvokeAsync(HubMethods.JoinDisplays, _app.SiteId, overall.Token);

        // Each event carries ~8 KB: the burst (~6.5 MB) overflows the slow client's socket and the hub's buffers many times.
        var notifier = _app.Services.GetRequiredService<HubQueueNotifier>();
        var counter = (await _app.SnapshotAsync()).Counters[0];
        var bulky = counter with { PauseReason = new string('x', 8 * 1024) };
        for (var i = 0; i < Burst; i++)
        {
            notifier.Publish(new CounterChangedEvent(firstSequence + i, _app.SiteId, bulky));
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        await all.Task.WaitAsync(overall.Token);
        // Written down, not asserted (tests never assert timings): before the fix this was ~11 s, the slow client's drop; after, under 1 s.
        output.WriteLine($"The normal client had the whole burst after {clock.ElapsedMilliseconds} ms");
        Assert.Equal(Burst, received.Count);
        Assert.Equal(firstSequence + Burst - 1, received.Max());

        // Once it stops pinging, the hub drops the stalled client: reading now gets what its buffers held, then the end.
        Assert.True(await slow.ReadsToTheEndAsync(overall.Token), "the slow client should have been disconnected");
    }

    /// <summary>A SignalR JSON-protocol client on a raw WebSocket that reads nothing after joining, but keeps pinging.</summary>
    private sealed class StalledClient : IDisposable
    {
        private readonly ClientWebSocket _socket = new();
        private readonly CancellationTokenSource _stop = new();
        private Task _pinging = Task.CompletedTask;

        public static async Task<StalledClient> JoinDisplaysAsync(Uri server, Guid siteId, CancellationToken ct)
        {
            using var http = new HttpClient { BaseAddress = server };
            http.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, HubApp.DisplayKey);
            var negotiation = await http.PostAsync($"{HubRoutes.QueueHub}/negotiate?negotiateVersion=1", null, ct);
            negotiation.EnsureSuccessStatusCode();
            var token = (await negotiation.Content.ReadFromJsonAsync<JsonElement>(ct)).GetProperty("connectionToken").GetString();

            var client = new StalledClient();
            var ws = new UriBuilder(server) { Scheme = "ws", Path = HubRoutes.QueueHub, Query = $"id={token}&{HubRoutes.AccessTokenQuery}={Uri.EscapeDataString(HubApp.DisplayKey)}" };
            // A socket that takes in almost nothing: the hub's writes to it back up at once.
            using var handler = new SocketsHttpHandler { ConnectCallback = ConnectWithTinyReceiveBufferAsync };
            using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
            await client._socket.ConnectAsync(ws.Uri, invoker, ct);
            await client.SendAsync("""{"protocol":"json","version":1}""", ct);
            await client.ReadUntilAsync(message => !message.TryGetProperty("type", out _), ct);
            await client.SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = HubMethods.JoinDisplays, arguments = new object[] { siteId } }), ct);
            var joined = await client.ReadUntilAsync(message => message.GetProperty("type").GetInt32() == 3, ct);
            Assert.False(joined.TryGetProperty("error", out _), joined.ToString());
            client._pinging = client.PingAsync();
            return client;
        }

        /// <summary>Reads whatever arrives until the hub closes the connection: true when it does.</summary>
        public async Task<bool> ReadsToTheEndAsync(CancellationToken ct)
        {
            await _stop.CancelAsync();
            await _pinging;
            var chunk = new byte[64 * 1024];
            try
            {
                while (true)
                {
                    var result = await _socket.ReceiveAsync(chunk, ct);
                    if (result.MessageType == WebSocketMessageType.Close)
                    {
                        return true;
                    }
                }
            }
            catch (WebSocketException)
            {
                return true;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
        }

        public void Dispose()
        {
            _stop.Cancel();
            _socket.Dispose();
            _stop.Dispose();
        }

        private static async ValueTask<Stream> ConnectWithTinyReceiveBufferAsync(SocketsHttpConnectionContext context, CancellationToken ct)
        {
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = 2048, NoDelay = true };
            try
            {
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        /// <summary>Keeps the hub from timing the client out: it sends, it just never reads.</summary>
        private async Task PingAsync()
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    // Not cancelled by the stop: a cancelled send would abort the socket, which the test then reads.
                    await SendAsync("""{"type":6}""", CancellationToken.None);
                    await Task.Delay(TimeSpan.FromSeconds(2), _stop.Token);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException)
            {
                // Stopped by the test, or the hub dropped the connection: both end the pinging.
            }
        }

        private Task SendAsync(string json, CancellationToken ct) =>
            _socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, ct);

        private async Task<JsonElement> ReadUntilAsync(Func<JsonElement, bool> wanted, CancellationToken ct)
        {
            var buffer = new StringBuilder();
            var chunk = new byte[8192];
            while (true)
            {
                var result = await _socket.ReceiveAsync(chunk, ct);
                buffer.Append(Encoding.UTF8.GetString(chunk, 0, result.Count));
                var text = buffer.ToString();
                var end = text.LastIndexOf(RecordSeparator);
                if (end < 0)
                {
                    continue;
                }

                buffer.Clear().Append(text[(end + 1)..]);
                foreach (var frame in text[..end].Split(RecordSeparator, StringSplitOptions.RemoveEmptyEntries))
                {
                    var message = JsonSerializer.Deserialize<JsonElement>(frame);
                    if (wanted(message))
                    {
                        return message;
                    }
                }
            }
        }
    }
}
