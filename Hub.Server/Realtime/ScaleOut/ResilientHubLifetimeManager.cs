using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Realtime.ScaleOut;

/// <summary>
/// The official Redis manager while Redis answers; this node's own connections while it does not.
/// Every connection and group membership of this node is also kept here, so a send that cannot go
/// through Redis still reaches the clients connected to this node (docs/province.md, "Scale-out":
/// Redis down, each node keeps serving its own clients). Events of other nodes are missed then;
/// the clients see the sequence gap and resync by snapshot, and the dashboards are told
/// (<see cref="SupervisionEvents.RealtimeStatus"/>) so they reload by snapshot and say so.
/// </summary>
public sealed class ResilientHubLifetimeManager<THub>(
    IServiceProvider services,
    BackplaneStatus backplane,
    ILogger<ResilientHubLifetimeManager<THub>> logger) : HubLifetimeManager<THub>, IDisposable
    where THub : Hub
{
    private const string SupervisorGroupPrefix = "supervisors:";
    private readonly ConcurrentDictionary<string, LocalConnection> _connections = new(StringComparer.Ordinal);

    // Made here rather than by the container: its Dispose unsubscribes from Redis and throws when
    // Redis is gone, which must not crash a node that is stopping (see Dispose).
    private readonly RedisHubLifetimeManager<THub> _redis = ActivatorUtilities.CreateInstance<RedisHubLifetimeManager<THub>>(services);

    public void Dispose()
    {
        try
        {
            _redis.Dispose();
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Closing the Redis backplane failed; stopping anyway");
        }
    }

    public static RealtimeStatusEvent StatusEvent(bool up) => up
        ? new RealtimeStatusEvent(true, "Đã nối lại với các máy chủ khác.", "Linked to the other servers again.")
        : new RealtimeStatusEvent(
            false,
            "Mất liên kết giữa các máy chủ: chỉ sự kiện của máy chủ này đến ngay; số liệu tự tải lại mỗi 5 giây.",
            "Link between servers lost: only this server's events arrive live; the figures reload every 5 seconds.");

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        var local = new LocalConnection(connection);
        _connections[connection.ConnectionId] = local;
        if (!backplane.IsUp)
        {
            // Served locally; when Redis is back every local connection is closed and reconnects through it (BackplaneWatch).
            return;
        }

        local.KnownToRedis = true;
        await TryBackplaneAsync(() => _redis.OnConnectedAsync(connection), "connect");
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        if (_connections.TryRemove(connection.ConnectionId, out var local) && local.KnownToRedis)
        {
            await TryBackplaneAsync(() => _redis.OnDisconnectedAsync(connection), "disconnect");
        }
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        if (_connections.TryGetValue(connectionId, out var local))
        {
            local.Groups[groupName] = 0;
            if (!backplane.IsUp && groupName.StartsWith(SupervisorGroupPrefix, StringComparison.Ordinal))
            {
                // A dashboard that (re)connects while Redis is down is told at once.
                await WriteAsync([local], SupervisionEvents.RealtimeStatus, [StatusEvent(false)], cancellationToken);
            }

            if (!local.KnownToRedis)
            {
                return;
            }
        }

        await TryBackplaneAsync(() => _redis.AddToGroupAsync(connectionId, groupName, cancellationToken), "group join");
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        if (_connections.TryGetValue(connectionId, out var local))
        {
            local.Groups.TryRemove(groupName, out _);
            if (!local.KnownToRedis)
            {
                return;
            }
        }

        await TryBackplaneAsync(() => _redis.RemoveFromGroupAsync(connectionId, groupName, cancellationToken), "group leave");
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(() => _redis.SendAllAsync(methodName, args, cancellationToken), _ => true, methodName, args, cancellationToken);

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(() => _redis.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken),
            c => !excludedConnectionIds.Contains(c.Context.ConnectionId), methodName, args, cancellationToken);

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(() => _redis.SendConnectionAsync(connectionId, methodName, args, cancellationToken),
            c => c.Context.ConnectionId == connectionId, methodName, args, cancellationToken);

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(() => _redis.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken),
            c => connectionIds.Contains(c.Context.ConnectionId), methodName, args, cancellationToken);

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(() => _redis.SendGroupAsync(groupName, methodName, args, cancellationToken),
            c => c.Groups.ContainsKey(groupName), methodName, args, cancellationToken);

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(() => _redis.SendGroupsAsync(groupNames, methodName, args, cancellationToken),
            c => groupNames.Any(c.Groups.ContainsKey), methodName, args, cancellationToken);

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        SendAsync(() => _redis.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken),
            c => c.Groups.ContainsKey(groupName) && !excludedConnectionIds.Contains(c.Context.ConnectionId), methodName, args, cancellationToken);

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(() => _redis.SendUserAsync(userId, methodName, args, cancellationToken),
            c => c.Context.UserIdentifier == userId, methodName, args, cancellationToken);

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        SendAsync(() => _redis.SendUsersAsync(userIds, methodName, args, cancellationToken),
            c => c.Context.UserIdentifier is { } user && userIds.Contains(user), methodName, args, cancellationToken);

    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        _redis.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) => _redis.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        _redis.TryGetReturnType(invocationId, out type);

    /// <summary>Tells this node's dashboards that the backplane went down or came back.</summary>
    internal Task TellSupervisorsAsync(bool up, CancellationToken cancellationToken) =>
        WriteAsync(Local(c => c.Groups.Keys.Any(g => g.StartsWith(SupervisorGroupPrefix, StringComparison.Ordinal))),
            SupervisionEvents.RealtimeStatus, [StatusEvent(up)], cancellationToken);

    /// <summary>
    /// Closes the connections that were served without Redis: they reconnect (every client does,
    /// web/live-feed.js, Hub.Client), join their groups through Redis again and resync by snapshot.
    /// </summary>
    internal int CloseConnectionsServedLocally()
    {
        var closed = 0;
        foreach (var local in _connections.Values.Where(c => !c.KnownToRedis))
        {
            local.Context.Abort();
            closed++;
        }

        return closed;
    }

    private async Task SendAsync(Func<Task> viaBackplane, Func<LocalConnection, bool> localTarget, string methodName, object?[] args, CancellationToken cancellationToken)
    {
        if (backplane.IsUp)
        {
            try
            {
                await viaBackplane();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Redis did not take {Method}; delivering to this node's own clients only", methodName);
            }
        }

        await WriteAsync(Local(localTarget), methodName, args, cancellationToken);
    }

    private IEnumerable<LocalConnection> Local(Func<LocalConnection, bool> predicate) => _connections.Values.Where(predicate);

    private static async Task WriteAsync(IEnumerable<LocalConnection> targets, string methodName, object?[] args, CancellationToken cancellationToken)
    {
        var message = new InvocationMessage(methodName, args);
        var writes = targets.Select(c => c.Context.WriteAsync(message, cancellationToken).AsTask()).ToList();
        await Task.WhenAll(writes);
    }

    private async Task TryBackplaneAsync(Func<Task> action, string what)
    {
        try
        {
            await action();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The connection stays served by this node; it reconnects through Redis once Redis is back.
            logger.LogWarning(ex, "Redis {What} failed; this connection is served by this node only", what);
        }
    }

    private sealed class LocalConnection(HubConnectionContext context)
    {
        public HubConnectionContext Context { get; } = context;

        public ConcurrentDictionary<string, byte> Groups { get; } = new(StringComparer.Ordinal);

        public volatile bool KnownToRedis;
    }
}
