namespace QueueKiosk.HubClient.Realtime;

/// <summary>Typed helpers over <see cref="IHubConnection"/>, named like the official client's.</summary>
public static class HubConnectionExtensions
{
    public static IDisposable On(this IHubConnection connection, string methodName, Action handler)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.On(methodName, [], _ =>
        {
            handler();
            return Task.CompletedTask;
        });
    }

    public static IDisposable On<T1>(this IHubConnection connection, string methodName, Action<T1> handler)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.On(methodName, [typeof(T1)], args =>
        {
            handler((T1)args[0]!);
            return Task.CompletedTask;
        });
    }

    public static IDisposable On<T1>(this IHubConnection connection, string methodName, Func<T1, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.On(methodName, [typeof(T1)], args => handler((T1)args[0]!));
    }

    public static IDisposable On<T1, T2>(this IHubConnection connection, string methodName, Action<T1, T2> handler)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.On(methodName, [typeof(T1), typeof(T2)], args =>
        {
            handler((T1)args[0]!, (T2)args[1]!);
            return Task.CompletedTask;
        });
    }

    public static IDisposable On<T1, T2>(this IHubConnection connection, string methodName, Func<T1, T2, Task> handler)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.On(methodName, [typeof(T1), typeof(T2)], args => handler((T1)args[0]!, (T2)args[1]!));
    }

    public static async Task<TResult> InvokeAsync<TResult>(
        this IHubConnection connection, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        var result = await connection.InvokeCoreAsync(methodName, typeof(TResult), args, cancellationToken).ConfigureAwait(false);
        return (TResult)result!;
    }

    public static Task<TResult> InvokeAsync<TResult>(this IHubConnection connection, string methodName, CancellationToken cancellationToken = default) =>
        connection.InvokeAsync<TResult>(methodName, [], cancellationToken);

    public static Task<TResult> InvokeAsync<TResult>(
        this IHubConnection connection, string methodName, object? arg1, CancellationToken cancellationToken = default) =>
        connection.InvokeAsync<TResult>(methodName, [arg1], cancellationToken);

    public static Task<TResult> InvokeAsync<TResult>(
        this IHubConnection connection, string methodName, object? arg1, object? arg2, CancellationToken cancellationToken = default) =>
        connection.InvokeAsync<TResult>(methodName, [arg1, arg2], cancellationToken);

    /// <summary>Calls a hub method that returns nothing and waits until it has run.</summary>
    public static Task InvokeAsync(this IHubConnection connection, string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.InvokeCoreAsync(methodName, typeof(object), args, cancellationToken);
    }

    public static Task InvokeAsync(this IHubConnection connection, string methodName, object? arg1, CancellationToken cancellationToken = default) =>
        connection.InvokeAsync(methodName, [arg1], cancellationToken);

    public static Task SendAsync(this IHubConnection connection, string methodName, params object?[] args)
    {
        ArgumentNullException.ThrowIfNull(connection);
        return connection.SendCoreAsync(methodName, args);
    }
}
