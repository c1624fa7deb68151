using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace QueueKiosk.HubClient.Realtime;

/// <summary>Settings of a <see cref="WebSocketHubConnection"/>; the defaults match the server's.</summary>
public sealed class HubConnectionOptions
{
    /// <summary>The hub's full URL, e.g. http://127.0.0.1:5080/hubs/queue (http/https; the WebSocket scheme follows).</summary>
    public Uri? HubUrl { get; set; }

    /// <summary>Called before every negotiate/connect; its token goes out as "Authorization: Bearer".</summary>
    public Func<CancellationToken, ValueTask<string?>>? AccessTokenProvider { get; set; }

    /// <summary>Also put the access token in the WebSocket URL as access_token= (for servers that only read it there, like browsers must).</summary>
    public bool SendAccessTokenInQuery { get; set; }

    /// <summary>Extra headers on negotiate and on the WebSocket upgrade, e.g. X-Device-Key.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Send a Ping after this long without sending anything (server's ClientTimeoutInterval is 30 s).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Drop the connection after this long without receiving anything (server pings every 15 s).</summary>
    public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for negotiate, the WebSocket connect and the handshake together.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Reconnect delays; null turns automatic reconnect off.</summary>
    public IRetryPolicy? RetryPolicy { get; set; } = new BackoffRetryPolicy();

    /// <summary>
    /// When the first StartAsync cannot connect: false (like the official client) throws;
    /// true returns in state Reconnecting and keeps trying by <see cref="RetryPolicy"/>, which an
    /// unattended display wants when it boots before the server does.
    /// </summary>
    public bool RetryInitialConnect { get; set; }

    /// <summary>JSON for arguments and results; web defaults (camelCase, case-insensitive reading).</summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>For tests or custom TLS; when null the connection owns a plain HttpClient.</summary>
    public HttpMessageHandler? HttpMessageHandler { get; set; }

    public ILogger Logger { get; set; } = NullLogger.Instance;

    /// <summary>Largest single message accepted (guards against a peer that never sends 0x1E).</summary>
    public int MaxMessageBytes { get; set; } = 1024 * 1024;

    internal void Validate()
    {
        if (HubUrl is null || !HubUrl.IsAbsoluteUri || HubUrl.Scheme is not ("http" or "https" or "ws" or "wss"))
        {
            throw new ArgumentException($"HubConnectionOptions.HubUrl must be an absolute http(s) URL, got '{HubUrl}'.");
        }

        if (KeepAliveInterval <= TimeSpan.Zero || ServerTimeout <= TimeSpan.Zero || HandshakeTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("HubConnectionOptions: KeepAliveInterval, ServerTimeout and HandshakeTimeout must be positive.");
        }
    }
}
