using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Tests.Infrastructure;

/// <summary>
/// A minimal SignalR JSON-protocol client over a raw ClientWebSocket (Hub.Client/README.md), for
/// tests that must control the socket itself: what it reads, when, and how much the kernel buffers.
/// </summary>
public sealed class RawHubConnection : IDisposable
{
    private const char RecordSeparator = '\u001e';
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(20);
    private readonly ClientWebSocket _socket = new();
    private readonly Decoder _utf8 = Encoding.UTF8.GetDecoder();
    private readonly StringBuilder _buffer = new();
    private readonly Queue<JsonElement> _messages = new();
    private readonly CancellationTokenSource _stopPinging = new();
    private int _invocationId;

    private RawHubConnection(string connectionId) => ConnectionId = connectionId;

    /// <summary>The hub's id of this connection (HubCallerContext.ConnectionId).</summary>
    public string ConnectionId { get; }

    /// <param name="receiveBufferBytes">The socket's kernel receive buffer; small makes the hub's writes back up at once.</param>
    public static async Task<RawHubConnection> ConnectAsync(Uri server, string deviceKey, int? receiveBufferBytes = null)
    {
        using var http = new HttpClient { BaseAddress = server };
        http.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, deviceKey);
        using var negotiation = await http.PostAsync($"{HubRoutes.QueueHub}/negotiate?negotiateVersion=1", null);
        negotiation.EnsureSuccessStatusCode();
        var negotiated = await negotiation.Content.ReadFromJsonAsync<JsonElement>();
        var token = negotiated.GetProperty("connectionToken").GetString();

        var connection = new RawHubConnection(negotiated.GetProperty("connectionId").GetString()!);
        var ws = new UriBuilder(server) { Scheme = "ws", Path = HubRoutes.QueueHub, Query = $"id={token}&{HubRoutes.AccessTokenQuery}={Uri.EscapeDataString(deviceKey)}" };
        using var timeout = new CancellationTokenSource(Patience);
        if (receiveBufferBytes is { } bytes)
        {
            using var handler = new SocketsHttpHandler { ConnectCallback = (context, ct) => ConnectWithReceiveBufferAsync(context, bytes, ct) };
            using var invoker = new HttpMessageInvoker(handler, disposeHandler: false);
            await connection._socket.ConnectAsync(ws.Uri, invoker, timeout.Token);
        }
        else
        {
            await connection._socket.ConnectAsync(ws.Uri, timeout.Token);
        }

        await connection.SendAsync("""{"protocol":"json","version":1}""");
        var handshake = await connection.ReceiveAsync(Patience);
        Assert.False(handshake.TryGetProperty("error", out _), handshake.ToString());
        return connection;
    }

    /// <summary>Invokes a hub method and returns its completion message.</summary>
    public async Task<JsonElement> InvokeAsync(string target, params object[] arguments)
    {
        var id = (++_invocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        await SendAsync(JsonSerializer.Serialize(new { type = 1, invocationId = id, target, arguments }));
        var deadline = DateTime.UtcNow + Patience;
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
        var deadline = DateTime.UtcNow + Patience;
        while (DateTime.UtcNow < deadline)
        {
            var message = await ReceiveAsync(deadline - DateTime.UtcNow);
            if (message.GetProperty("type").GetInt32() == 1 && message.GetProperty("target").GetString() == target)
            {
                return message.GetProperty("arguments")[0];
            }
        }

        throw new TimeoutException($"No {target} event within {Patience.TotalSeconds} s");
    }

    /// <summary>
    /// From now on the connection only sends pings, so the hub keeps it (it is not a dead client)
    /// but reads nothing: a display on a link that has stalled.
    /// </summary>
    public void StopReadingButKeepPinging() => _ = PingAsync();

    public void Dispose()
    {
        _stopPinging.Cancel();
        _socket.Dispose();
        _stopPinging.Dispose();
    }

    private async Task PingAsync()
    {
        try
        {
            while (!_stopPinging.IsCancellationRequested)
            {
                // Not cancelled by the stop: a cancelled send would abort the socket.
                await SendAsync("""{"type":6}""");
                await Task.Delay(TimeSpan.FromSeconds(2), _stopPinging.Token);
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException)
        {
            // Stopped by the test, or the hub dropped the connection: both end the pinging.
        }
    }

    private Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json + RecordSeparator), WebSocketMessageType.Text, true, CancellationToken.None);

    private async Task<JsonElement> ReceiveAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout > TimeSpan.Zero ? timeout : TimeSpan.FromMilliseconds(1));
        var chunk = new byte[8192];
        var chars = new char[Encoding.UTF8.GetMaxCharCount(chunk.Length)];
        while (_messages.Count == 0)
        {
            var result = await _socket.ReceiveAsync(chunk, cts.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                throw new InvalidOperationException("The hub closed the connection");
            }

            // A decoder, not GetString per chunk: a character may be split between two chunks.
            _buffer.Append(chars, 0, _utf8.GetChars(chunk, 0, result.Count, chars, 0));
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

    private static async ValueTask<Stream> ConnectWithReceiveBufferAsync(SocketsHttpConnectionContext context, int bytes, CancellationToken ct)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { ReceiveBufferSize = bytes, NoDelay = true };
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
}
