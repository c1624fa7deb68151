using System.Runtime.InteropServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace QueueKiosk.Devices.Displays;

/// <summary>Given the bytes of a reply received so far, the total length the reply will have.</summary>
public delegate int ReplyLength(ReadOnlySpan<byte> receivedSoFar);

/// <summary>Timing of one RS-485 line.</summary>
public sealed record LedBusTiming
{
    /// <summary>How long a board may take to answer before it counts as silent.</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Silence kept between the end of one exchange and the next frame. Modbus RTU needs 3.5
    /// character times (4 ms at 9600 baud); slow vendor boards want more.
    /// </summary>
    public TimeSpan InterFrameGap { get; init; } = TimeSpan.FromMilliseconds(5);

    /// <summary>After the port failed (adapter unplugged), the shortest wait before opening it again.</summary>
    public TimeSpan ReopenInterval { get; init; } = TimeSpan.FromSeconds(1);
}

/// <summary>
/// One half-duplex RS-485 line shared by several boards: one exchange (request, then its reply)
/// at a time, a gap between frames, stale bytes thrown away before each request.
/// Takes any Stream (a serial port, a pty, a TCP-to-RS485 gateway), like dotnet/iot devices:
/// either one stream, disposed only when <c>shouldDispose</c> is true, or a function that opens
/// the port, in which case the bus owns the streams and reopens the port on the next call after
/// it failed (a USB adapter unplugged and plugged back). The stream must allow a read to be
/// pending while a write happens (serial port streams, sockets and ptys do).
/// </summary>
public sealed class LedBus : IAsyncDisposable
{
    private readonly Func<Stream>? _openPort;
    private readonly bool _shouldDispose;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private Connection _connection;
    private long _lastFrameEnd;
    private long _lastOpenAttempt;
    private bool _disposed;

    public LedBus(Stream stream, bool shouldDispose = true, LedBusTiming? timing = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _shouldDispose = shouldDispose;
        Timing = timing ?? new LedBusTiming();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _lastFrameEnd = _lastOpenAttempt = _time.GetTimestamp();
        _connection = new Connection(stream, _logger);
    }

    /// <summary>Opens the port now (so a wrong port fails at start) and again after each failure.</summary>
    public LedBus(Func<Stream> openPort, LedBusTiming? timing = null, TimeProvider? timeProvider = null, ILogger? logger = null)
        : this((openPort ?? throw new ArgumentNullException(nameof(openPort)))(), shouldDispose: true, timing, timeProvider, logger)
    {
        _openPort = openPort;
    }

    public LedBusTiming Timing { get; }

    /// <summary>Bytes that arrived when nobody was waiting for them (late replies, noise).</summary>
    public long StaleBytesDiscarded { get; private set; }

    /// <summary>How many times the port was opened again after a failure.</summary>
    public int Reopens { get; private set; }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the reply, whose length <paramref name="replyLength"/>
    /// tells from its first bytes. Throws <see cref="LedBoardTimeoutException"/> naming
    /// <paramref name="boardName"/> when the reply is not complete within the response timeout,
    /// IOException when the port failed.
    /// </summary>
    public async Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> request, ReplyLength replyLength, string boardName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replyLength);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var connection = await EnsureOpenAsync(boardName);
            DiscardStaleBytes(connection);
            await KeepGapAsync(cancellationToken);
            try
            {
                await connection.Stream.WriteAsync(request, cancellationToken);
                await connection.Stream.FlushAsync(cancellationToken);
                return await ReadReplyAsync(connection, replyLength, boardName, cancellationToken);
            }
            catch (Exception e) when (e is IOException and not LedBoardException || e is ObjectDisposedException)
            {
                connection.MarkFailed();
                throw new IOException($"Cổng RS-485 lỗi khi gửi tới bảng LED {boardName}: {e.Message} / the RS-485 port failed while talking to LED board {boardName}", e);
            }
            finally
            {
                _lastFrameEnd = _time.GetTimestamp();
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    /// <summary>Sends a frame that gets no reply (broadcast), keeping the same turn-taking.</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> frame, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            var connection = await EnsureOpenAsync("broadcast");
            await KeepGapAsync(cancellationToken);
            try
            {
                await connection.Stream.WriteAsync(frame, cancellationToken);
                await connection.Stream.FlushAsync(cancellationToken);
            }
            catch (Exception e) when (e is IOException || e is ObjectDisposedException)
            {
                connection.MarkFailed();
                throw;
            }
            finally
            {
                _lastFrameEnd = _time.GetTimestamp();
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        await _connection.DisposeAsync(_shouldDispose);
        _oneAtATime.Dispose();
    }

    private async Task<Connection> EnsureOpenAsync(string boardName)
    {
        if (!_connection.Failed || _openPort is null)
        {
            if (_connection.Failed)
            {
                throw new IOException($"Cổng RS-485 đã đóng, không gửi được tới bảng LED {boardName} / the RS-485 port is closed; cannot reach LED board {boardName}", _connection.Failure);
            }

            return _connection;
        }

        if (_time.GetElapsedTime(_lastOpenAttempt) < Timing.ReopenInterval)
        {
            throw new IOException($"Cổng RS-485 đang lỗi, chưa gửi được tới bảng LED {boardName}; sẽ mở lại cổng sau {Timing.ReopenInterval.TotalSeconds:0.#} giây / the RS-485 port failed; LED board {boardName} is reached again once the port reopens", _connection.Failure);
        }

        _lastOpenAttempt = _time.GetTimestamp();
        await _connection.DisposeAsync(disposeStream: true);
        Stream stream;
        try
        {
            stream = _openPort();
        }
        catch (Exception e) when (e is IOException or ArgumentException or UnauthorizedAccessException)
        {
            throw new IOException($"Không mở lại được cổng RS-485 cho bảng LED {boardName}: {e.Message} / cannot reopen the RS-485 port", e);
        }

        _connection = new Connection(stream, _logger);
        Reopens++;
        _logger.LogWarning("LED bus: port reopened after a failure ({Reopens} so far)", Reopens);
        return _connection;
    }

    private async Task<byte[]> ReadReplyAsync(Connection connection, ReplyLength replyLength, string boardName, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(Timing.ResponseTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        var reply = new List<byte>(16);
        var expected = replyLength([]);
        while (reply.Count < expected)
        {
            byte[] chunk;
            try
            {
                chunk = await connection.Received.Reader.ReadAsync(linked.Token);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new LedBoardTimeoutException(boardName, Timing.ResponseTimeout, reply.Count);
            }
            catch (ChannelClosedException e)
            {
                throw new IOException($"Cổng RS-485 đã đóng khi chờ bảng LED {boardName} / the RS-485 port closed while waiting for LED board {boardName}", e.InnerException ?? e);
            }

            reply.AddRange(chunk);
            expected = replyLength(CollectionsMarshal.AsSpan(reply));
        }

        if (reply.Count > expected)
        {
            // Bytes after the reply are nobody's answer: count them as stale.
            StaleBytesDiscarded += reply.Count - expected;
            _logger.LogWarning("LED bus: {Count} extra bytes after the reply of {Board}", reply.Count - expected, boardName);
            reply.RemoveRange(expected, reply.Count - expected);
        }

        return [.. reply];
    }

    private void DiscardStaleBytes(Connection connection)
    {
        var count = 0;
        while (connection.Received.Reader.TryRead(out var chunk))
        {
            count += chunk.Length;
        }

        if (count > 0)
        {
            StaleBytesDiscarded += count;
            _logger.LogWarning("LED bus: discarded {Count} stale bytes (a late reply or noise)", count);
        }
    }

    private async Task KeepGapAsync(CancellationToken cancellationToken)
    {
        var remaining = Timing.InterFrameGap - _time.GetElapsedTime(_lastFrameEnd);
        if (remaining > TimeSpan.Zero)
        {
            await Task.Delay(remaining, _time, cancellationToken);
        }
    }

    /// <summary>One opened stream and the pump that owns its reads.</summary>
    private sealed class Connection
    {
        private readonly ILogger _logger;
        private readonly CancellationTokenSource _stopping = new();
        private readonly Task _pump;
        private volatile Exception? _failure;
        private int _disposed;

        public Connection(Stream stream, ILogger logger)
        {
            Stream = stream;
            _logger = logger;
            // A thread of its own with blocking reads: on a busy machine a pool thread parked in a
            // read, waiting for the pool to grow, cost hundreds of milliseconds per reply.
            _pump = Task.Factory.StartNew(Pump, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        public Stream Stream { get; }

        // The pump owns every read, so a silent board never leaves a read hanging on the stream:
        // exchanges wait on this channel with a timeout instead.
        public Channel<byte[]> Received { get; } = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true });

        public bool Failed => _failure is not null;

        public Exception? Failure => _failure;

        public void MarkFailed() => _failure ??= new IOException("the RS-485 port failed");

        public async Task DisposeAsync(bool disposeStream)
        {
            // Called again when a reopen failed and is retried later: only the first call acts.
            if (Interlocked.Exchange(ref _disposed, 1) == 1)
            {
                return;
            }

            _failure ??= new ObjectDisposedException(nameof(LedBus));
            await _stopping.CancelAsync();
            if (disposeStream)
            {
                await Stream.DisposeAsync();
            }

            // A stream we do not own may ignore cancellation of a pending read; do not wait forever.
            // The token source is not disposed: a pump still inside a read may yet look at its token.
            await Task.WhenAny(_pump, Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System));
        }

        private void Pump()
        {
            var buffer = new byte[256];
            Exception? failure = null;
            try
            {
                // Bounded by the connection's lifetime: ends on dispose, end of stream or a read error.
                while (!_stopping.IsCancellationRequested)
                {
                    int count;
                    try
                    {
                        count = Stream.Read(buffer);
                    }
                    catch (TimeoutException)
                    {
                        // Serial streams with a read timeout report an idle line this way: keep listening.
                        continue;
                    }

                    if (count == 0)
                    {
                        failure = new EndOfStreamException("the RS-485 port reached end of stream");
                        break;
                    }

                    // Never blocks: the channel drops its oldest chunk when full.
                    Received.Writer.TryWrite(buffer.AsSpan(0, count).ToArray());
                }
            }
            catch (Exception e) when (_stopping.IsCancellationRequested && e is OperationCanceledException or ObjectDisposedException or IOException)
            {
                // Closing the port ends the read this way.
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException)
            {
                failure = e;
                _logger.LogError(e, "LED bus: reading the port failed");
            }

            if (failure is not null)
            {
                _failure ??= failure;
            }

            Received.Writer.TryComplete(failure);
        }
    }
}
