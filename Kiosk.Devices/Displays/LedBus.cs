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
}

/// <summary>
/// One half-duplex RS-485 line shared by several boards: one exchange (request, then its reply)
/// at a time, a gap between frames, stale bytes thrown away before each request.
/// Takes any Stream (a serial port, a pty, a TCP-to-RS485 gateway), like dotnet/iot devices;
/// disposes it only when <c>shouldDispose</c> is true. The stream must allow a read to be pending
/// while a write happens (serial port streams, sockets and ptys do).
/// </summary>
public sealed class LedBus : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly bool _shouldDispose;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private readonly CancellationTokenSource _stopping = new();

    // The pump owns every read, so a silent board never leaves a read hanging on the stream:
    // exchanges wait on this channel with a timeout instead.
    private readonly Channel<byte[]> _received = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(1024) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true });
    private readonly Task _pump;
    private long _lastFrameEnd;
    private bool _disposed;

    public LedBus(Stream stream, bool shouldDispose = true, LedBusTiming? timing = null, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
        _shouldDispose = shouldDispose;
        Timing = timing ?? new LedBusTiming();
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _lastFrameEnd = _time.GetTimestamp();
        _pump = Task.Run(PumpAsync);
    }

    public LedBusTiming Timing { get; }

    /// <summary>Bytes that arrived when nobody was waiting for them (late replies, noise).</summary>
    public long StaleBytesDiscarded { get; private set; }

    /// <summary>
    /// Sends <paramref name="request"/> and returns the reply, whose length <paramref name="replyLength"/>
    /// tells from its first bytes. Throws <see cref="LedBoardTimeoutException"/> naming
    /// <paramref name="boardName"/> when the reply is not complete within the response timeout.
    /// </summary>
    public async Task<byte[]> ExchangeAsync(ReadOnlyMemory<byte> request, ReplyLength replyLength, string boardName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(replyLength);
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _oneAtATime.WaitAsync(cancellationToken);
        try
        {
            DiscardStaleBytes();
            await KeepGapAsync(cancellationToken);
            await _stream.WriteAsync(request, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
            try
            {
                return await ReadReplyAsync(replyLength, boardName, cancellationToken);
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
            await KeepGapAsync(cancellationToken);
            await _stream.WriteAsync(frame, cancellationToken);
            await _stream.FlushAsync(cancellationToken);
            _lastFrameEnd = _time.GetTimestamp();
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
        await _stopping.CancelAsync();
        if (_shouldDispose)
        {
            await _stream.DisposeAsync();
        }

        // A stream we do not own may ignore cancellation of a pending read; do not wait forever.
        await Task.WhenAny(_pump, Task.Delay(TimeSpan.FromSeconds(2), TimeProvider.System));
        _stopping.Dispose();
        _oneAtATime.Dispose();
    }

    private async Task<byte[]> ReadReplyAsync(ReplyLength replyLength, string boardName, CancellationToken cancellationToken)
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
                chunk = await _received.Reader.ReadAsync(linked.Token);
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
            expected = replyLength(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(reply));
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

    private void DiscardStaleBytes()
    {
        var count = 0;
        while (_received.Reader.TryRead(out var chunk))
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

    private async Task PumpAsync()
    {
        var buffer = new byte[256];
        Exception? failure = null;
        try
        {
            // Bounded by the bus's lifetime: ends on dispose, end of stream or a read error.
            while (!_stopping.IsCancellationRequested)
            {
                int count;
                try
                {
                    count = await _stream.ReadAsync(buffer, _stopping.Token);
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

                await _received.Writer.WriteAsync(buffer.AsSpan(0, count).ToArray(), _stopping.Token);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (ObjectDisposedException) when (_stopping.IsCancellationRequested)
        {
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
            failure = e;
            _logger.LogError(e, "LED bus: reading the port failed");
        }

        _received.Writer.TryComplete(failure);
    }
}
