using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace QueueKiosk.HubClient.Realtime;

/// <summary>How hub messages are encoded: the hub (Hub.Server) accepts both.</summary>
public enum HubProtocolKind
{
    /// <summary>Text JSON, what the browser pages use; the default.</summary>
    Json,

    /// <summary>Binary MessagePack: smaller messages, less CPU per event.</summary>
    MessagePack,
}

/// <summary>Settings of a <see cref="SignalRHubConnection"/>; the defaults match the server's.</summary>
public sealed class HubConnectionOptions
{
    /// <summary>The hub's full URL, e.g. http://127.0.0.1:5080/hubs/queue.</summary>
    public Uri? HubUrl { get; set; }

    /// <summary>Called before every negotiate/connect; its token goes out as "Authorization: Bearer".</summary>
    public Func<CancellationToken, ValueTask<string?>>? AccessTokenProvider { get; set; }

    /// <summary>Extra headers on every request of the connection, e.g. X-Device-Key.</summary>
    public IDictionary<string, string> Headers { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    /// <summary>WebSockets first; Server-Sent Events and long polling when a proxy refuses WebSockets.</summary>
    public HttpTransportType Transports { get; set; } = HttpTransportType.WebSockets | HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling;

    public HubProtocolKind Protocol { get; set; } = HubProtocolKind.Json;

    /// <summary>Send a Ping after this long without sending anything (server's ClientTimeoutInterval is 30 s).</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Drop the connection after this long without receiving anything (server pings every 15 s).</summary>
    public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Limit for the handshake once the transport is open.</summary>
    public TimeSpan HandshakeTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Reconnect delays (the official client's WithAutomaticReconnect); null turns automatic reconnect off.</summary>
    public IRetryPolicy? RetryPolicy { get; set; } = new BackoffRetryPolicy();

    /// <summary>
    /// When the first StartAsync cannot connect: false (like the official client) throws;
    /// true returns in state Reconnecting and keeps trying by <see cref="RetryPolicy"/>, which an
    /// unattended display wants when it boots before the server does.
    /// </summary>
    public bool RetryInitialConnect { get; set; }

    /// <summary>JSON for arguments and results (Protocol Json); web defaults like the server's (camelCase, case-insensitive reading).</summary>
    public JsonSerializerOptions SerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>Logs of this connection and of the official client under it.</summary>
    public ILoggerFactory LoggerFactory { get; set; } = NullLoggerFactory.Instance;

    internal void Validate()
    {
        if (HubUrl is null || !HubUrl.IsAbsoluteUri || HubUrl.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"HubConnectionOptions.HubUrl must be an absolute http(s) URL, got '{HubUrl}'.");
        }

        if (KeepAliveInterval <= TimeSpan.Zero || ServerTimeout <= TimeSpan.Zero || HandshakeTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentException("HubConnectionOptions: KeepAliveInterval, ServerTimeout and HandshakeTimeout must be positive.");
        }

        if (!Enum.IsDefined(Protocol))
        {
            throw new ArgumentException($"HubConnectionOptions.Protocol must be Json or MessagePack, got '{Protocol}'.");
        }
    }
}
