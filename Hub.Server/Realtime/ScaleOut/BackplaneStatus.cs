using StackExchange.Redis;

namespace QueueKiosk.HubServer.Realtime.ScaleOut;

/// <summary>
/// Whether this node's SignalR sends can go through Redis. Without Realtime:Redis there is no
/// backplane and sends are always local (IsUp is true). Until the first connection is made the
/// backplane counts as up, so the official manager makes that connection on first use.
/// </summary>
public sealed class BackplaneStatus(bool enabled)
{
    private IConnectionMultiplexer? _connection;

    public bool Enabled { get; } = enabled;

    public bool IsUp => !Enabled || _connection is null || _connection.IsConnected;

    /// <summary>Raised with the new state when the Redis connection drops or comes back.</summary>
    public event Action<bool>? Changed;

    internal void Attach(IConnectionMultiplexer connection)
    {
        _connection = connection;
        connection.ConnectionFailed += (_, _) => Changed?.Invoke(connection.IsConnected);
        connection.ConnectionRestored += (_, _) => Changed?.Invoke(connection.IsConnected);
    }
}
