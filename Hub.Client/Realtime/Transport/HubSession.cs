using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using QueueKiosk.HubClient.Realtime.Protocol;

namespace QueueKiosk.HubClient.Realtime.Transport;

/// <summary>How a session ended; AllowReconnect is false only when the server said so in a Close message.</summary>
internal sealed record SessionEnd(Exception? Error, bool AllowReconnect);

/// <summary>
/// One live WebSocket connection after negotiate and handshake: a receive loop that frames and
/// parses messages, a dispatch loop that runs handlers in arrival order (apart from the receive
/// loop, so a handler may itself invoke the hub), keep-alive pings and the server timeout.
/// A session never comes back: the connection makes a new one to reconnect.
/// </summary>
internal sealed class HubSession : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;
    private readonly JsonHubProtocol _protocol;
    private readonly HubConnectionOptions _options;
    private readonly ILogger _logger;
    private readonly Func<InvocationMessage, Task> _dispatch;
    private readonly RecordSeparatorFramer _framer;
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly ConcurrentDictionary<string, PendingInvocation> _pending = new();
    private readonly Channel<InvocationMessage> _invocations = Channel.CreateUnbounded<InvocationMessage>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource<SessionEnd> _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _loops = [];
    private long _lastSentTicks;
    private long _lastReceivedTicks;
    private long _nextInvocationId;

    private HubSession(
        ClientWebSocket socket, string connectionId, JsonHubProtocol protocol, HubConnectionOptions options, Func<InvocationMessage, Task> dispatch)
    {
        _socket = socket;
        ConnectionId = connectionId;
        _protocol = protocol;
        _options = options;
        _logger = options.Logger;
        _dispatch = dispatch;
        _framer = new RecordSeparatorFramer(options.MaxMessageBytes);
        _lastSentTicks = _lastReceivedTicks = Environment.TickCount64;
    }

    public string ConnectionId { get; }

    /// <summary>Completes once, when the session is over for whatever reason.</summary>
    public Task<SessionEnd> Ended => _ended.Task;

    public bool IsOpen => !_ended.Task.IsCompleted;

    /// <summary>Negotiates, opens the WebSocket and completes the handshake; throws if any step fails.</summary>
    public static async Task<HubSession> ConnectAsync(
        HttpClient http, HubConnectionOptions options, JsonHubProtocol protocol, Func<InvocationMessage, Task> dispatch, CancellationToken cancellationToken)
    {
        var hubUrl = HttpUrl(options.HubUrl!);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.HandshakeTimeout);
        try
        {
            var token = options.AccessTokenProvider is null ? null : await options.AccessTokenProvider(timeout.Token).ConfigureAwait(false);
            var headers = new Dictionary<string, string>(options.Headers, StringComparer.OrdinalIgnoreCase);
            var negotiated = await Negotiator.NegotiateAsync(http, hubUrl, token, headers, timeout.Token).ConfigureAwait(false);

            var socket = new ClientWebSocket();
            HubSession? session = null;
            try
            {
                if (token is not null)
                {
                    socket.Options.SetRequestHeader("Authorization", "Bearer " + token);
                }

                foreach (var (name, value) in headers)
                {
                    socket.Options.SetRequestHeader(name, value);
                }

                var wsUrl = Negotiator.WebSocketUrl(hubUrl, negotiated.ConnectionToken, options.SendAccessTokenInQuery ? token : null);
                await socket.ConnectAsync(wsUrl, timeout.Token).ConfigureAwait(false);

                session = new HubSession(socket, negotiated.ConnectionId, protocol, options, dispatch);
                await session.HandshakeAsync(timeout.Token).ConfigureAwait(false);
                session.StartLoops();
                return session;
            }
            catch
            {
                if (session is not null)
                {
                    await session.DisposeAsync().ConfigureAwait(false);
                }
                else
                {
                    socket.Dispose();
                }

                throw;
            }
        }
        catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Không kết nối được tới máy chủ trong {options.HandshakeTimeout.TotalSeconds:0.#} giây / " +
                $"Could not connect to the hub at {hubUrl} within {options.HandshakeTimeout}.", ex);
        }
    }

    public async Task<object?> InvokeAsync(string target, Type returnType, object?[] args, CancellationToken cancellationToken)
    {
        var id = Interlocked.Increment(ref _nextInvocationId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var pending = new PendingInvocation();
        _pending[id] = pending;
        try
        {
            if (!IsOpen)
            {
                throw new InvalidOperationException("The hub connection is not open.");
            }

            await SendAsync(_protocol.WriteInvocation(id, target, args), cancellationToken).ConfigureAwait(false);
            var completion = await pending.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
            if (completion.Error is not null)
            {
                throw new HubException(completion.Error);
            }

            return completion.Result is { } result && returnType != typeof(object)
                ? result.Deserialize(returnType, _protocol.SerializerOptions)
                : completion.Result;
        }
        finally
        {
            _pending.TryRemove(id, out _);
        }
    }

    public Task SendInvocationAsync(string target, object?[] args, CancellationToken cancellationToken) =>
        SendAsync(_protocol.WriteInvocation(null, target, args), cancellationToken);

    /// <summary>Closes the WebSocket politely (bounded), then ends the session.</summary>
    public async Task CloseAsync()
    {
        if (IsOpen && _socket.State == WebSocketState.Open)
        {
            try
            {
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _sendLock.WaitAsync(timeout.Token).ConfigureAwait(false);
                try
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token).ConfigureAwait(false);
                }
                finally
                {
                    _sendLock.Release();
                }
            }
            catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
            {
                _logger.LogDebug(ex, "Closing the WebSocket politely failed; aborting it.");
            }
        }

        End(new SessionEnd(null, AllowReconnect: false));
    }

    public async ValueTask DisposeAsync()
    {
        End(new SessionEnd(new ObjectDisposedException(nameof(HubSession)), AllowReconnect: false));
        try
        {
            await Task.WhenAll(_loops).WaitAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            _logger.LogWarning("A hub session loop did not stop within 5 s.");
        }

        _socket.Dispose();
        _stop.Dispose();
    }

    private async Task HandshakeAsync(CancellationToken cancellationToken)
    {
        await SendAsync(JsonHubProtocol.WriteHandshakeRequest(), cancellationToken).ConfigureAwait(false);
        var buffer = new byte[4096];
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, cancellationToken).ConfigureAwait(false);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                throw new HubException($"The hub closed the WebSocket during the handshake ({received.CloseStatus} {received.CloseStatusDescription}).");
            }

            var messages = _framer.Append(buffer.AsSpan(0, received.Count));
            if (messages.Count == 0)
            {
                continue;
            }

            if (JsonHubProtocol.ParseHandshakeResponse(messages[0]) is { } error)
            {
                throw new HubException($"Máy chủ từ chối bắt tay SignalR / The hub refused the handshake: {error}");
            }

            _lastReceivedTicks = Environment.TickCount64;

            // Messages the server sent right behind its handshake answer, in the same frame.
            foreach (var early in messages.Skip(1))
            {
                Handle(early);
            }

            return;
        }
    }

    private void StartLoops()
    {
        _loops.Add(Task.Run(ReceiveLoopAsync));
        _loops.Add(Task.Run(DispatchLoopAsync));
        _loops.Add(Task.Run(KeepAliveLoopAsync));
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = new byte[16 * 1024];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var received = await _socket.ReceiveAsync(buffer, _stop.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    End(new SessionEnd(
                        new WebSocketException($"The hub closed the WebSocket ({received.CloseStatus} {received.CloseStatusDescription})."),
                        AllowReconnect: true));
                    return;
                }

                Volatile.Write(ref _lastReceivedTicks, Environment.TickCount64);
                foreach (var message in _framer.Append(buffer.AsSpan(0, received.Count)))
                {
                    Handle(message);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
        catch (Exception ex) when (ex is WebSocketException or InvalidDataException or ObjectDisposedException or IOException)
        {
            End(new SessionEnd(ex, AllowReconnect: true));
        }
    }

    private void Handle(byte[] raw)
    {
        var message = JsonHubProtocol.Parse(raw);
        switch (message)
        {
            case InvocationMessage invocation:
                _invocations.Writer.TryWrite(invocation);
                break;
            case CompletionMessage completion:
                if (_pending.TryGetValue(completion.InvocationId, out var pending))
                {
                    pending.Complete(completion);
                }
                else
                {
                    _logger.LogDebug("Completion for unknown invocation {InvocationId} ignored.", completion.InvocationId);
                }

                break;
            case CloseMessage close:
                End(new SessionEnd(
                    close.Error is null ? null : new HubException($"Máy chủ đóng kết nối / The hub closed the connection: {close.Error}"),
                    close.AllowReconnect));
                break;
            case PingMessage:
                break;
            default:
                _logger.LogDebug("Hub message of type {Type} ignored.", message.Type);
                break;
        }
    }

    private async Task DispatchLoopAsync()
    {
        try
        {
            await foreach (var invocation in _invocations.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                await _dispatch(invocation).ConfigureAwait(false);
                if (invocation.InvocationId is { } id)
                {
                    // The server waits for client results (ISingleClientProxy.InvokeAsync); this client serves none.
                    await TrySendAsync(JsonHubProtocol.WriteCompletionError(id, "Client does not return results.")).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task KeepAliveLoopAsync()
    {
        var smallest = _options.KeepAliveInterval < _options.ServerTimeout ? _options.KeepAliveInterval : _options.ServerTimeout;
        var tick = TimeSpan.FromMilliseconds(Math.Clamp(smallest.TotalMilliseconds / 4, 10, 1000));
        using var timer = new PeriodicTimer(tick);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                var now = Environment.TickCount64;
                var silentFor = TimeSpan.FromMilliseconds(now - Volatile.Read(ref _lastReceivedTicks));
                if (silentFor > _options.ServerTimeout)
                {
                    End(new SessionEnd(
                        new TimeoutException(
                            $"Máy chủ không phản hồi / The hub sent nothing for {silentFor.TotalSeconds:0.#} s (server timeout {_options.ServerTimeout})."),
                        AllowReconnect: true));
                    return;
                }

                if (TimeSpan.FromMilliseconds(now - Volatile.Read(ref _lastSentTicks)) >= _options.KeepAliveInterval)
                {
                    await TrySendAsync(JsonHubProtocol.WritePing()).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task TrySendAsync(byte[] message)
    {
        try
        {
            await SendAsync(message, _stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException or InvalidOperationException)
        {
            _logger.LogDebug(ex, "Sending a ping or completion failed; the session is ending.");
        }
    }

    private async Task SendAsync(byte[] message, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _lastSentTicks, Environment.TickCount64);
        }
        catch (WebSocketException ex)
        {
            End(new SessionEnd(ex, AllowReconnect: true));
            throw;
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private void End(SessionEnd end)
    {
        if (!_ended.TrySetResult(end))
        {
            return;
        }

        _stop.Cancel();
        _invocations.Writer.TryComplete();
        _socket.Abort();
        var lost = new HubException("Mất kết nối trước khi máy chủ trả lời / The connection was lost before the hub answered.", end.Error ?? new OperationCanceledException());
        foreach (var pending in _pending.Values)
        {
            pending.Fail(lost);
        }
    }

    private static Uri HttpUrl(Uri url)
    {
        if (url.Scheme is "http" or "https")
        {
            return url;
        }

        return new UriBuilder(url) { Scheme = url.Scheme == "wss" ? "https" : "http" }.Uri;
    }

    private sealed class PendingInvocation
    {
        private readonly TaskCompletionSource<CompletionMessage> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public Task<CompletionMessage> Task => _completion.Task;

        public void Complete(CompletionMessage message) => _completion.TrySetResult(message);

        public void Fail(Exception error) => _completion.TrySetException(error);
    }
}
