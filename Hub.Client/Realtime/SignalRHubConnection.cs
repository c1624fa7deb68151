using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OfficialState = Microsoft.AspNetCore.SignalR.Client.HubConnectionState;

namespace QueueKiosk.HubClient.Realtime;

/// <summary>
/// <see cref="IHubConnection"/> over the official Microsoft.AspNetCore.SignalR.Client
/// HubConnection: it does the transports (WebSockets, falling back to Server-Sent Events and long
/// polling), negotiation, the JSON or MessagePack protocol, keep-alive and automatic reconnect
/// with our <see cref="HubConnectionOptions.RetryPolicy"/>. This class adds what the seam
/// promises beyond it: the on-connected hooks run before the state turns Connected (a
/// reconnect whose hook fails is retried), <see cref="StateChanged"/>, and
/// <see cref="HubConnectionOptions.RetryInitialConnect"/>.
/// </summary>
public sealed class SignalRHubConnection : IHubConnection
{
    private readonly HubConnectionOptions _options;
    private readonly HubConnection _hub;
    private readonly ILogger _logger;
    private readonly List<Func<IHubConnection, CancellationToken, Task>> _onConnected = [];
    private readonly Lock _gate = new();
    private HubConnectionState _state = HubConnectionState.Disconnected;
    private CancellationTokenSource? _stopping;
    private Task _retrying = Task.CompletedTask;

    // Closed events of the official connection caused by our own StopAsync calls, not reported again.
    private int _closesExpected;
    private bool _disposed;

    public SignalRHubConnection(HubConnectionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _logger = options.LoggerFactory.CreateLogger<SignalRHubConnection>();
        _hub = Build(options);
        _hub.Reconnecting += OnHubReconnectingAsync;
        _hub.Reconnected += OnHubReconnectedAsync;
        _hub.Closed += OnHubClosedAsync;
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

    public string? ConnectionId => _hub.ConnectionId;

    public HubConnectionOptions Options => _options;

    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        CancellationToken stopping;
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_state != HubConnectionState.Disconnected)
            {
                throw new InvalidOperationException($"StartAsync needs a Disconnected connection; it is {_state}.");
            }

            _stopping?.Dispose();
            _stopping = new CancellationTokenSource();
            stopping = _stopping.Token;
        }

        SetState(HubConnectionState.Connecting, null);
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(stopping, cancellationToken);
            await ConnectAsync(linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (_options.RetryInitialConnect && _options.RetryPolicy is not null && !stopping.IsCancellationRequested)
        {
            _logger.LogWarning(ex, "First connection to {Hub} failed; retrying in the background.", _options.HubUrl);
            KeepConnecting(ex, stopping);
            return;
        }
        catch (Exception ex)
        {
            SetState(HubConnectionState.Disconnected, ex);
            throw;
        }

        SetState(HubConnectionState.Connected, null);
    }

    public Task StopAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return Task.CompletedTask;
            }
        }

        return StopCoreAsync(cancellationToken);
    }

    /// <summary>
    /// Stops, then frees the connection. A StopAsync after this returns at once: a web host that is
    /// stopped and disposed from two threads (WebApplicationFactory does that) can stop a hosted
    /// service after the container has already disposed this singleton.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
        }

        await StopCoreAsync(CancellationToken.None).ConfigureAwait(false);
        await _hub.DisposeAsync().ConfigureAwait(false);
        lock (_gate)
        {
            _stopping?.Dispose();
            _stopping = null;
        }
    }

    private async Task StopCoreAsync(CancellationToken cancellationToken)
    {
        Task retrying;
        lock (_gate)
        {
            _stopping?.Cancel();
            retrying = _retrying;
        }

        await retrying.WaitAsync(cancellationToken).ConfigureAwait(false);
        await StopHubAsync(cancellationToken).ConfigureAwait(false);
        if (SetState(HubConnectionState.Disconnected, null) is not HubConnectionState.Disconnected)
        {
            await RaiseAsync(Closed, null).ConfigureAwait(false);
        }
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
        return _hub.On(methodName, parameterTypes, (args, _) => handler(args), state: this);
    }

    public Task<object?> InvokeCoreAsync(string methodName, Type returnType, object?[] args, CancellationToken cancellationToken = default) =>
        _hub.InvokeCoreAsync(methodName, returnType, args ?? [], cancellationToken);

    public Task SendCoreAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        _hub.SendCoreAsync(methodName, args ?? [], cancellationToken);

    private static HubConnection Build(HubConnectionOptions options)
    {
        var builder = new HubConnectionBuilder().WithUrl(options.HubUrl!, options.Transports, http =>
        {
            foreach (var (name, value) in options.Headers)
            {
                http.Headers[name] = value;
            }

            if (options.AccessTokenProvider is { } tokens)
            {
                http.AccessTokenProvider = () => tokens(CancellationToken.None).AsTask();
            }
        });
        builder.Services.AddSingleton(options.LoggerFactory);
        if (options.Protocol == HubProtocolKind.MessagePack)
        {
            builder.AddMessagePackProtocol();
        }
        else
        {
            builder.AddJsonProtocol(json => json.PayloadSerializerOptions = options.SerializerOptions);
        }

        if (options.RetryPolicy is { } retry)
        {
            builder.WithAutomaticReconnect(retry);
        }

        var hub = builder.Build();
        hub.KeepAliveInterval = options.KeepAliveInterval;
        hub.ServerTimeout = options.ServerTimeout;
        hub.HandshakeTimeout = options.HandshakeTimeout;
        return hub;
    }

    /// <summary>Starts the official connection and runs the on-connected hooks on it; a failing hook stops it again and throws.</summary>
    private async Task ConnectAsync(CancellationToken cancellationToken)
    {
        await _hub.StartAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RunHooksAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await StopHubAsync(CancellationToken.None).ConfigureAwait(false);
            throw;
        }
    }

    private async Task RunHooksAsync(CancellationToken cancellationToken)
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
    }

    private async Task StopHubAsync(CancellationToken cancellationToken)
    {
        // Only a started connection raises Closed when stopped.
        if (_hub.State != OfficialState.Disconnected)
        {
            Interlocked.Increment(ref _closesExpected);
        }

        try
        {
            await _hub.StopAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // A StopAsync that began just before DisposeAsync finished: the connection is already down.
        }
    }

    /// <summary>
    /// Our own reconnect loop, for what the official client does not retry: a first connect that
    /// failed (RetryInitialConnect) and a reconnect whose on-connected hook failed.
    /// </summary>
    private void KeepConnecting(Exception reason, CancellationToken stopping)
    {
        // The state changes before StartAsync returns; the loop itself runs in the background.
        var raiseReconnecting = SetState(HubConnectionState.Reconnecting, reason) != HubConnectionState.Reconnecting;
        lock (_gate)
        {
            _retrying = Task.Run(() => KeepConnectingAsync(reason, raiseReconnecting, stopping), CancellationToken.None);
        }
    }

    private async Task KeepConnectingAsync(Exception reason, bool raiseReconnecting, CancellationToken stopping)
    {
        if (raiseReconnecting)
        {
            await RaiseAsync(Reconnecting, reason).ConfigureAwait(false);
        }

        var lostAt = Environment.TickCount64;
        for (long attempt = 0; ; attempt++)
        {
            var context = new RetryContext
            {
                PreviousRetryCount = attempt,
                ElapsedTime = TimeSpan.FromMilliseconds(Environment.TickCount64 - lostAt),
                RetryReason = reason,
            };
            if (_options.RetryPolicy?.NextRetryDelay(context) is not { } delay)
            {
                SetState(HubConnectionState.Disconnected, reason);
                await RaiseAsync(Closed, reason).ConfigureAwait(false);
                return;
            }

            try
            {
                await Task.Delay(delay, stopping).ConfigureAwait(false);
                await ConnectAsync(stopping).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                _logger.LogInformation(ex, "Connect attempt {Attempt} to {Hub} failed.", attempt + 1, _options.HubUrl);
                reason = ex;
                continue;
            }

            SetState(HubConnectionState.Connected, null);
            await RaiseAsync(Reconnected, _hub.ConnectionId).ConfigureAwait(false);
            return;
        }
    }

    private async Task OnHubReconnectingAsync(Exception? error)
    {
        _logger.LogWarning(error, "Lost the hub connection; reconnecting.");
        SetState(HubConnectionState.Reconnecting, error);
        await RaiseAsync(Reconnecting, error).ConfigureAwait(false);
    }

    private async Task OnHubReconnectedAsync(string? connectionId)
    {
        CancellationToken stopping;
        lock (_gate)
        {
            if (_stopping is null || _stopping.IsCancellationRequested)
            {
                return;
            }

            stopping = _stopping.Token;
        }

        try
        {
            await RunHooksAsync(stopping).ConfigureAwait(false);
        }
        catch (Exception ex) when (!stopping.IsCancellationRequested)
        {
            // A new connection that could not join its groups is not connected for us: drop it and retry.
            _logger.LogWarning(ex, "The on-connected hooks failed after a reconnect; connecting again.");
            await StopHubAsync(CancellationToken.None).ConfigureAwait(false);
            KeepConnecting(ex, stopping);
            return;
        }
        catch (Exception)
        {
            return;
        }

        if (stopping.IsCancellationRequested)
        {
            return;
        }

        SetState(HubConnectionState.Connected, null);
        await RaiseAsync(Reconnected, connectionId).ConfigureAwait(false);
    }

    /// <summary>The official connection ended by itself: the server closed it, no retry policy, or the policy gave up.</summary>
    private async Task OnHubClosedAsync(Exception? error)
    {
        if (Interlocked.Decrement(ref _closesExpected) >= 0)
        {
            return;
        }

        Interlocked.Increment(ref _closesExpected);
        if (SetState(HubConnectionState.Disconnected, error) is not HubConnectionState.Disconnected)
        {
            await RaiseAsync(Closed, error).ConfigureAwait(false);
        }
    }

    /// <summary>Changes the state and reports it; returns the state before.</summary>
    private HubConnectionState SetState(HubConnectionState next, Exception? error)
    {
        HubConnectionState previous;
        lock (_gate)
        {
            previous = _state;
            if (previous == next)
            {
                return previous;
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

        return previous;
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

    private sealed class Unsubscriber(Action unsubscribe) : IDisposable
    {
        private Action? _unsubscribe = unsubscribe;

        public void Dispose() => Interlocked.Exchange(ref _unsubscribe, null)?.Invoke();
    }
}
