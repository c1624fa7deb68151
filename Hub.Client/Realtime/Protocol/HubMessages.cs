using System.Text.Json;

namespace QueueKiosk.HubClient.Realtime.Protocol;

/// <summary>Message type numbers of the SignalR hub protocol (HubProtocol.md).</summary>
public enum HubMessageType
{
    Invocation = 1,
    StreamItem = 2,
    Completion = 3,
    StreamInvocation = 4,
    CancelInvocation = 5,
    Ping = 6,
    Close = 7,
    Ack = 8,
    Sequence = 9,
}

/// <summary>One parsed hub message. Arguments and results stay as JSON until a handler says which type it wants.</summary>
public abstract record HubMessage(HubMessageType Type);

/// <summary>Type 1: a call of <paramref name="Target"/>; with an id the caller waits for a completion.</summary>
public sealed record InvocationMessage(string? InvocationId, string Target, IReadOnlyList<JsonElement> Arguments)
    : HubMessage(HubMessageType.Invocation);

/// <summary>Type 3: the end of an invocation, with either a result (maybe absent for void methods) or an error.</summary>
public sealed record CompletionMessage(string InvocationId, JsonElement? Result, string? Error)
    : HubMessage(HubMessageType.Completion)
{
    public bool HasResult => Result is not null;
}

/// <summary>Type 6: keep-alive; carries nothing.</summary>
public sealed record PingMessage() : HubMessage(HubMessageType.Ping)
{
    public static readonly PingMessage Instance = new();
}

/// <summary>Type 7: the server ends the connection; without AllowReconnect a client must not reconnect on its own.</summary>
public sealed record CloseMessage(string? Error, bool AllowReconnect) : HubMessage(HubMessageType.Close);

/// <summary>A message type this client does not act on (stream items, acks ...); kept so it can be logged and skipped.</summary>
public sealed record OtherMessage(HubMessageType RawType) : HubMessage(RawType);
