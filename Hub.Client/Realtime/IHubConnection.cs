namespace QueueKiosk.HubClient.Realtime;

/// <summary>
/// The seam between QueueKiosk and the SignalR client. Shaped like the official
/// Microsoft.AspNetCore.SignalR.Client.HubConnection (core methods here, typed helpers in
/// <see cref="HubConnectionExtensions"/>); <see cref="SignalRHubConnection"/> puts the official
/// client behind it and adds the on-connected hooks and <see cref="StateChanged"/>.
/// </summary>
public interface IHubConnection : IAsyncDisposable
{
    HubConnectionState State { get; }

    /// <summary>The server's id for the current connection; null while not connected.</summary>
    string? ConnectionId { get; }

    /// <summary>Every state change, raised synchronously in order; keep handlers short.</summary>
    event EventHandler<HubConnectionStateChangedEventArgs>? StateChanged;

    /// <summary>The connection was lost and automatic reconnect starts.</summary>
    event Func<Exception?, Task>? Reconnecting;

    /// <summary>Reconnected (after the on-connected hooks ran); the argument is the new connection id.</summary>
    event Func<string?, Task>? Reconnected;

    /// <summary>The connection ended for good: stopped, refused reconnect, or the retry policy gave up.</summary>
    event Func<Exception?, Task>? Closed;

    Task StartAsync(CancellationToken cancellationToken = default);

    Task StopAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs after every successful connect, the first and each reconnect, before the state turns
    /// Connected: the place to join groups, since a new connection belongs to none.
    /// A hook that throws fails that connection attempt. Dispose the result to remove it.
    /// </summary>
    IDisposable OnConnected(Func<IHubConnection, CancellationToken, Task> hook);

    /// <summary>
    /// Registers a handler for a server-to-client call. Target names match exactly (ordinal, as in
    /// the official client): use the constants of HubEvents. Handlers run one at a time in arrival
    /// order; one that throws is logged and the others still run.
    /// </summary>
    IDisposable On(string methodName, Type[] parameterTypes, Func<object?[], Task> handler);

    /// <summary>
    /// Calls a hub method and waits for its completion; an error the hub reports throws
    /// Microsoft.AspNetCore.SignalR.HubException, a call while not connected InvalidOperationException.
    /// </summary>
    Task<object?> InvokeCoreAsync(string methodName, Type returnType, object?[] args, CancellationToken cancellationToken = default);

    /// <summary>Calls a hub method without waiting for (or getting) a result.</summary>
    Task SendCoreAsync(string methodName, object?[] args, CancellationToken cancellationToken = default);
}
