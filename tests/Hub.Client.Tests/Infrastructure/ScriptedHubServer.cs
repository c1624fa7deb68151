using System.Net.WebSockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QueueKiosk.HubClient.Tests.Infrastructure;

/// <summary>
/// A hub speaking the protocol by hand on a real Kestrel, for wire shapes a real SignalR server
/// does not produce on demand: several messages in one frame, one message over several frames,
/// a server that goes silent, close messages. Each connection runs the test's script after the
/// client's handshake request has been read (the script sends the handshake answer itself).
/// </summary>
public sealed class ScriptedHubServer : IAsyncDisposable
{
    public const string Separator = "\u001e";

    private readonly WebApplication _app;
    private int _connections;

    private ScriptedHubServer(WebApplication app)
    {
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        HubUrl = new Uri(address.TrimEnd('/') + "/hub");
    }

    public Uri HubUrl { get; }

    /// <summary>WebSocket connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public static async Task<ScriptedHubServer> StartAsync(Func<ScriptedSocket, Task> script)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.UseWebSockets();
        ScriptedHubServer? server = null;
        app.MapPost("/hub/negotiate", () => Results.Text(
            """{"connectionId":"conn-1","connectionToken":"token-1","negotiateVersion":1,"availableTransports":[{"transport":"WebSockets","transferFormats":["Text","Binary"]}]}""",
            "application/json"));
        app.Map("/hub", async (HttpContext context) =>
        {
            if (!context.WebSockets.IsWebSocketRequest || context.Request.Query["id"] != "token-1")
            {
                context.Response.StatusCode = 400;
                return;
            }

            using var socket = await context.WebSockets.AcceptWebSocketAsync();
            Interlocked.Increment(ref server!._connections);
            var scripted = new ScriptedSocket(socket, context.Request.Headers.ToDictionary(h => h.Key, h => (string?)h.Value.ToString(), StringComparer.OrdinalIgnoreCase));
            var handshake = await scripted.ReceiveMessageAsync();
            if (handshake is null || !handshake.Contains("\"protocol\":\"json\"", StringComparison.Ordinal))
            {
                return;
            }

            try
            {
                await script(scripted);
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
            {
                // The client went away in the middle of the script: that is what some tests do.
            }
        });
        await app.StartAsync();
        server = new ScriptedHubServer(app);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>The server end of one scripted connection.</summary>
public sealed class ScriptedSocket(WebSocket socket, IReadOnlyDictionary<string, string?> requestHeaders)
{
    /// <summary>Headers of the WebSocket upgrade request.</summary>
    public IReadOnlyDictionary<string, string?> RequestHeaders => requestHeaders;

    private readonly StringBuilder _pending = new();

    public WebSocket Socket => socket;

    /// <summary>Sends the text as one WebSocket frame (messages inside must carry their own separators).</summary>
    public Task SendFrameAsync(string text, bool endOfMessage = true) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, endOfMessage, CancellationToken.None);

    /// <summary>Next message from the client without its separator; null once the client has closed.</summary>
    public async Task<string?> ReceiveMessageAsync(CancellationToken cancellationToken = default)
    {
        var buffer = new byte[4096];
        while (true)
        {
            var text = _pending.ToString();
            var end = text.IndexOf(ScriptedHubServer.Separator, StringComparison.Ordinal);
            if (end >= 0)
            {
                _pending.Remove(0, end + 1);
                return text[..end];
            }

            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            _pending.Append(Encoding.UTF8.GetString(buffer, 0, received.Count));
        }
    }

    /// <summary>Keeps reading until the client closes, handing every message to the callback.</summary>
    public async Task ReadUntilClosedAsync(Action<string>? onMessage = null, CancellationToken cancellationToken = default)
    {
        while (await ReceiveMessageAsync(cancellationToken) is { } message)
        {
            onMessage?.Invoke(message);
        }
    }
}
