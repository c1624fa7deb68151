using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using QueueKiosk.HubClient.Realtime.Protocol;
using QueueKiosk.HubClient.Realtime.Transport;

namespace QueueKiosk.HubClient.Realtime;

/// <summary>
/// Our SignalR client: the JSON hub protocol over ClientWebSocket, with keep-alive, server
/// timeout and automatic reconnect. One background task owns the life of the connection
/// (connect, wait for the loss, reconnect, close), so state changes happen in one place and order.
/// </summary>
public sealed class WebSocketHubConnection : IHubConnection
{
    private readonly HubConnectionOptions _options;
    private readonly ILogger _logger;
    private readonly JsonHubProtocol _protocol;
    private readonly HttpClient _http;
    private readonly ConcurrentDictionary<string, List<Handler>> _handlers = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<Func<IHubConnection, CancellationToken, Task>> _onConnected = [];
    private readonly Lock _gate = new();
    private HubConnectionState _state = HubConnectionState.Disconnected;
    private HubSession? _session;
    private CancellationTokenSource? _stopping;
    private Task? _lifetime;
    private bool _disposed;

    public WebSocketHubConnection(HubConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = options.Logger;
        _protocol = new JsonHubProtocol(options.SerializerOptions);
        _http = options.HttpMessageHandler is null ? new HttpClient() : new HttpClient(options.HttpMessageHandler, disposeHandler: false);
    }

    public event EventHandler<HubConnectionStateChangedEventArgs>? StateChanged;

    public event Func<Exception?, Task>? Reconnecting;

    public event Func<string?, Task>? Reconnected;

    public event Func<Exception?, Task>? Closed;

    public HubConnectionState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    public string? ConnectionId => _session is { IsOpen: true } session ? session.ConnectionId : null;

    public HubConnectionOptions Options => _options;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_state != HubConnectionState.Disconnected || _lifetime is { IsCompleted: false })
            {
                throw new InvalidOperationException($"StartAsync needs a Disconnected connection; it is {_state}.");
            }

            _stopping?.Dispose();
            _stopping = new CancellationTokenSource();
            SetState(HubConnectionState.Connecting, null);
            _lifetime = Task.Run(() => RunAsync(started, _stopping.Token, cancellationToken), CancellationToken.None);
        }

        await started.Task.ConfigureAwait(false);
    }

    public async Task StopAsync(CancellationToken cancellationToken = default)
    {
        Task? lifetime;
        lock (_gate)
        {
            lifetime = _lifetime;
            _stopping?.Cancel();
        }

        if (lifetime is not null)
        {
            await lifetime.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops, then frees the connection. A StopAsync after this returns at once: a web host that is
    /// stopped and disposed from two threads (WebApplicationFactory does that) can stop a hosted
    /// service after the container has already disposed this singleton.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            _stopping?.Dispose();
            _stopping = null;
        }

        _http.Dispose();
    }

    public IDisposable OnConnected(Func<IHubConnection, CancellationToken, Task> hook)
    {
        ArgumentNullException.ThrowIfNull(hook);
        lock (_gate)
        {
            _onConnected.Add(hook);
        }

        return new Unsubscriber(() =>
        {
            lock (_gate)
            {
                _onConnected.Remove(hook);
            }
        });
    }

    public IDisposable On(string methodName, Type[] parameterTypes, Func<object?[], Task> handler)
    {
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        ArgumentNullException.ThrowIfNull(parameterTypes);
        ArgumentNullException.ThrowIfNull(handler);
        var entry = new Handler(parameterTypes, handler);
        var list = _handlers.GetOrAdd(methodName, _ => []);
        lock (list)
        {
            list.Add(entry);
        }

        return new Unsubscriber(() =>
        {
            lock (list)
            {
                list.Remove(entry);
            }
        });
    }

    public Task<object?> InvokeCoreAsync(string methodName, Type returnType, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        return OpenSession().InvokeAsync(methodName, returnType, args ?? [], cancellationToken);
    }

    public Task SendCoreAsync(string methodName, object?[] args, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(methodName);
        return OpenSession().SendInvocationAsync(methodName, args ?? [], cancellationToken);
    }

    private HubSession OpenSession() =>
        _session is { IsOpen: true } session
            ? session
            : throw new InvalidOperationException($"Chưa kết nối tới máy chủ / The hub connection is not open (state {State}).");

    private async Task RunAsync(TaskCompletionSource started, CancellationToken stopping, CancellationToken startCancellation)
    {
        Exception? closeError = null;
        try
        {
            try
            {
                using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, startCancellation);
                await ConnectAsync(linked.Token).ConfigureAwait(false);
                SetState(HubConnectionState.Connected, null);
                started.TrySetResult();
            }
            catch (Exception ex) when (_options.RetryInitialConnect && _options.RetryPolicy is not null && !stopping.IsCancellationRequested)
            {
                _logger.LogWarning(ex, "First connection to {Hub} failed; retrying in the background.", _options.HubUrl);
                SetState(HubConnectionState.Reconnecting, ex);
                started.TrySetResult();
                closeError = await ReconnectAsync(ex, stopping).ConfigureAwait(false);
                if (closeError is not null || stopping.IsCancellationRequested)
                {
                    return;
                }
            }

            while (true)
            {
                var session = _session!;
                SessionEnd end;
                try
                {
                    end = await session.Ended.WaitAsync(stopping).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (stopping.IsCancellationRequested)
                {
                    await session.CloseAsync().ConfigureAwait(false);
                    return;
                }

                await DisposeSessionAsync().ConfigureAwait(false);
                if (stopping.IsCancellationRequested)
                {
                    return;
                }

                if (!end.AllowReconnect || _options.RetryPolicy is null)
                {
                    closeError = end.Error;
                    return;
                }

                _logger.LogWarning(end.Error, "Lost the hub connection; reconnecting.");
                closeError = await ReconnectAsync(end.Error, stopping).ConfigureAwait(false);
                if (closeError is not null || stopping.IsCancellationRequested)
                {
                    return;
                }
            }
        }
        catch (Exception ex)
        {
            closeError = ex;
        }
        finally
        {
            await DisposeSessionAsync().ConfigureAwait(false);
            SetState(HubConnectionState.Disconnected, closeError);

            // A failed StartAsync throws to its caller; only a connection that was started raises Closed.
            var wasStarted = closeError is null ? started.TrySetResult() : !started.TrySetException(closeError);
            if (wasStarted || closeError is null)
            {
                await RaiseAsync(Closed, closeError).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Retries until connected (returns null), stopped (null) or the policy gives up (returns the last error).</summary>
    private async Task<Exception?> ReconnectAsync(Exception? reason, CancellationToken stopping)
    {
        SetState(HubConnectionState.Reconnecting, reason);
        await RaiseAsync(Reconnecting, reason).ConfigureAwait(false);
        var lostAt = Environment.TickCount64;
        for (long attempt = 0; ; attempt++)
        {
            var elapsed = TimeSpan.FromMilliseconds(Environment.TickCount64 - lostAt);
            if (_options.RetryPolicy?.NextRetryDelay(new RetryContext(attempt, elapsed, reason)) is not { } delay)
            {
                return reason ?? new HubException("Reconnect gave up.");
            }

            try
            {
                await Task.Delay(delay, stopping).ConfigureAwait(false);
                await ConnectAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return null;
            }
            catch (Exception ex)
            {
                _logger.LogInformation(ex, "Reconnect attempt {Attempt} to {Hub} failed.", attempt + 1, _options.HubUrl);
                reason = ex;
                continue;
            }

            SetState(HubConnectionState.Connected, null);
            await RaiseAsync(Reconnected, _session?.ConnectionId).ConfigureAwait(false);
            return null;
        }
    }

    /// <summary>Opens a session and runs the on-connected hooks on it; any failure disposes it and throws.</summary>
    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        var session = await HubSession.ConnectAsync(_http, _options, _protocol, DispatchAsync, cancellationToken).ConfigureAwait(false);
        lock (_gate)
        {
            _session = session;
        }

        try
        {
            Func<IHubConnection, CancellationToken, Task>[] hooks;
            lock (_gate)
            {
                hooks = [.. _onConnected];
            }

            foreach (var hook in hooks)
            {
                await hook(this, cancellationToken).ConfigureAwait(false);
            }

            if (!session.IsOpen)
            {
                throw new HubException("The connection was lost while the on-connected hooks ran.", (await session.Ended.ConfigureAwait(false)).Error ?? new OperationCanceledException());
            }
        }
        catch
        {
            await DisposeSessionAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task DisposeSessionAsync()
    {
        HubSession? session;
        lock (_gate)
        {
            session = _session;
            _session = null;
        }

        if (session is not null)
        {
            await session.DisposeAsync().ConfigureAwait(false);
        }
    }

    private async Task DispatchAsync(InvocationMessage invocation)
    {
        if (!_handlers.TryGetValue(invocation.Target, out var list))
        {
            _logger.LogDebug("No handler for hub event {Target}.", invocation.Target);
            return;
        }

        Handler[] handlers;
        lock (list)
        {
            handlers = [.. list];
        }

        foreach (var handler in handlers)
        {
            try
            {
                await handler.Callback(BindArguments(invocation, handler.ParameterTypes)).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                // One faulty handler must not cut the connection or starve the others.
                _logger.LogError(ex, "Handler for hub event {Target} failed.", invocation.Target);
            }
        }
    }

    private object?[] BindArguments(InvocationMessage invocation, Type[] types)
    {
        if (invocation.Arguments.Count != types.Length)
        {
            throw new InvalidDataException(
                $"Hub event '{invocation.Target}' came with {invocation.Arguments.Count} arguments; the handler takes {types.Length}.");
        }

        var values = new object?[types.Length];
        for (var i = 0; i < types.Length; i++)
        {
            try
            {
                values[i] = invocation.Arguments[i].Deserialize(types[i], _protocol.SerializerOptions);
            }
            catch (JsonException ex)
            {
                throw new InvalidDataException(
                    $"Argument {i} of hub event '{invocation.Target}' is not a {types[i].Name}: {ex.Message}", ex);
            }
        }

        return values;
    }

    private void SetState(HubConnectionState next, Exception? error)
    {
        HubConnectionState previous;
        lock (_gate)
        {
            previous = _state;
            if (previous == next)
            {
                return;
            }

            _state = next;
        }

        _logger.LogInformation("Hub connection {Previous} -> {Next}.", previous, next);
        try
        {
            StateChanged?.Invoke(this, new HubConnectionStateChangedEventArgs(previous, next, error));
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "A StateChanged handler failed.");
        }
    }

    private async Task RaiseAsync<T>(Func<T, Task>? handlers, T argument)
    {
        if (handlers is null)
        {
            return;
        }

        foreach (var handler in handlers.GetInvocationList().Cast<Func<T, Task>>())
        {
            try
            {
                await handler(argument).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                _logger.LogError(ex, "A connection event handler failed.");
            }
        }
    }

    private sealed record Handler(Type[] ParameterTypes, Func<object?[], Task> Callback);

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
