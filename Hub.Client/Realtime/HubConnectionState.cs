namespace QueueKiosk.HubClient.Realtime;

/// <summary>Where a hub connection is: the official client's four states, with Connected only once the on-connected hooks ran.</summary>
public enum HubConnectionState
{
    Disconnected,
    Connecting,
    Connected,
    Reconnecting,
}

/// <summary>A state change; Error says why the connection was lost (null when stopped on purpose).</summary>
public sealed class HubConnectionStateChangedEventArgs(HubConnectionState previous, HubConnectionState current, Exception? error) : EventArgs
{
    public HubConnectionState Previous { get; } = previous;

    public HubConnectionState Current { get; } = current;

    public Exception? Error { get; } = error;
}
