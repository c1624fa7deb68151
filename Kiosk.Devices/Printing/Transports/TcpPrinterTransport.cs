using System.Diagnostics;
using System.Net.Sockets;
using QueueKiosk.Devices.Native;

namespace QueueKiosk.Devices.Printing.Transports;

public sealed record TcpPrinterTransportOptions(string Host, int Port = 9100)
{
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(3);

    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Printers drop idle connections after about 90 s without telling us; a write into such a
    /// connection is silently lost. A connection idle this long is replaced before the next write.
    /// </summary>
    public TimeSpan IdleReconnectAfter { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The clock <see cref="IdleReconnectAfter"/> is measured on (tests move a fake one).</summary>
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>
/// A network printer on raw TCP (port 9100, "JetDirect"). Keep-alive probes notice a dead peer
/// on an idle link; a connection the printer closed, or one idle too long, is replaced
/// transparently before the next write.
/// </summary>
public sealed class TcpPrinterTransport(TcpPrinterTransportOptions options) : IPrinterTransport
{
    private Socket? _socket;
    private long _lastActivity;

    public string Description => $"tcp://{options.Host}:{options.Port}";

    public bool CanRead => true;

    public bool IsConnected => _socket is { Connected: true };

    public unsafe int? UnsentBytes
    {
        get
        {
            var socket = _socket;
            if (socket is null)
            {
                return null;
            }

            try
            {
                var unsent = 0;
                return LinuxNative.Ioctl((int)socket.SafeHandle.DangerousGetHandle(), LinuxNative.TIOCOUTQ, &unsent) == 0 ? unsent : null;
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
        }
    }

    public async ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        if (_socket is not null && !IsStaleOrClosedByPeer(_socket))
        {
            return;
        }

        CloseSocket();
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, 10);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, 2);
            socket.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, 3);
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.ConnectTimeout);
            await socket.ConnectAsync(options.Host, options.Port, timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new TimeoutException($"{Description}: máy in không trả lời kết nối trong {options.ConnectTimeout.TotalSeconds:0.#} s (connect timed out).");
        }
        catch (SocketException ex)
        {
            socket.Dispose();
            throw new IOException($"{Description}: không kết nối được máy in (cannot connect): {ex.Message}", ex);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        _socket = socket;
        Touch();
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        await ConnectAsync(cancellationToken);
        var socket = _socket!;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.WriteTimeout);
        try
        {
            while (!data.IsEmpty)
            {
                var sent = await socket.SendAsync(data, SocketFlags.None, timeout.Token);
                data = data[sent..];
            }

            Touch();
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            CloseSocket();
            throw new TimeoutException($"{Description}: máy in không nhận dữ liệu trong {options.WriteTimeout.TotalSeconds:0.#} s (write timed out).");
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            CloseSocket();
            throw new IOException($"{Description}: mất kết nối khi gửi (connection lost while sending): {ex.Message}", ex);
        }
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var socket = _socket ?? throw new IOException($"{Description}: chưa kết nối (not connected).");
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        int received;
        try
        {
            received = await socket.ReceiveAsync(buffer, SocketFlags.None, deadline.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Description}: máy in không trả lời trong {timeout.TotalMilliseconds:0} ms (no reply).");
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            CloseSocket();
            throw new IOException($"{Description}: mất kết nối (connection lost): {ex.Message}", ex);
        }

        if (received == 0 && !buffer.IsEmpty)
        {
            CloseSocket();
            throw new IOException($"{Description}: máy in đã đóng kết nối (printer closed the connection).");
        }

        Touch();
        return received;
    }

    public void DiscardInput()
    {
        var socket = _socket;
        if (socket is null)
        {
            return;
        }

        try
        {
            Span<byte> scratch = stackalloc byte[256];
            for (var i = 0; i < 64 && socket.Available > 0; i++)
            {
                socket.Receive(scratch, SocketFlags.None);
            }
        }
        catch (SocketException)
        {
            CloseSocket();
        }
    }

    public ValueTask DisconnectAsync()
    {
        CloseSocket();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        CloseSocket();
        return ValueTask.CompletedTask;
    }

    private bool IsStaleOrClosedByPeer(Socket socket)
    {
        if (options.Time.GetElapsedTime(Interlocked.Read(ref _lastActivity)) > options.IdleReconnectAfter)
        {
            return true;
        }

        try
        {
            // Readable with nothing to read means the printer sent FIN: the connection is over.
            return socket.Poll(0, SelectMode.SelectRead) && socket.Available == 0;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return true;
        }
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, options.Time.GetTimestamp());

    private void CloseSocket()
    {
        var socket = Interlocked.Exchange(ref _socket, null);
        if (socket is null)
        {
            return;
        }

        try
        {
            // Linger 0: an unanswered printer must not keep the socket in the kernel for minutes.
            socket.LingerState = new LingerOption(true, 0);
        }
        catch (SocketException)
        {
            // already dead
        }

        socket.Dispose();
    }
}
