using System.Diagnostics;
using System.IO.Ports;

namespace QueueKiosk.Devices.Serial;

/// <summary>
/// A serial port opened with System.IO.Ports, held to the <see cref="SerialStream"/> contract:
/// timeouts on async calls too, a write timeout that bounds a stall rather than the whole write,
/// a bounded flush and close, and a hang-up reported as IOException. The port is also held by a
/// <see cref="SerialPortLock"/>, because the library's TIOCEXCL does not stop root.
/// See hardware-docs/serial.md.
/// </summary>
public sealed class SerialPortStream : SerialStream
{
    private static readonly TimeSpan DrainPoll = TimeSpan.FromMilliseconds(10);

    /// <summary>How long Dispose waits for the library to close the port (see Dispose).</summary>
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(2);

    private readonly SerialPort _port;
    private readonly Stream _stream;
    private readonly SerialPortLock _lock;
    private readonly int _chunkSize;
    private TimeSpan _readTimeout;
    private TimeSpan _writeTimeout;
    private int _disposed;

    private SerialPortStream(SerialPort port, SerialPortLock portLock, SerialPortSettings settings)
    {
        _port = port;
        _stream = port.BaseStream;
        _lock = portLock;
        Settings = settings;
        _readTimeout = settings.ReadTimeout;
        _writeTimeout = settings.WriteTimeout;

        // Writes go out in pieces of about a quarter second of line time, each bounded by the write
        // timeout: a 24 KB raster ticket at 9600 baud takes 25 s, yet a stalled line fails fast.
        _chunkSize = Math.Clamp(settings.BaudRate / 10 / 4, 16, 4096);
    }

    public override SerialPortSettings Settings { get; }

    public override bool CanRead => _port.IsOpen;

    public override bool CanWrite => _port.IsOpen;

    public override int ReadTimeout
    {
        get => (int)_readTimeout.TotalMilliseconds;
        set => _readTimeout = CheckedTimeout(value);
    }

    public override int WriteTimeout
    {
        get => (int)_writeTimeout.TotalMilliseconds;
        set => _writeTimeout = CheckedTimeout(value);
    }

    public override int? BytesToWrite
    {
        get
        {
            try
            {
                return _port.BytesToWrite;
            }
            catch (Exception ex) when (ex is IOException or InvalidOperationException)
            {
                return null;
            }
        }
    }

    /// <inheritdoc cref="ISerialPortFactory.Open"/>
    public static SerialPortStream Open(SerialPortSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.ThrowIfInvalid();
        var portLock = SerialPortLock.Acquire(settings.PortName);
        var port = new SerialPort(settings.PortName, settings.BaudRate, ToParity(settings.Parity), settings.DataBits, ToStopBits(settings.StopBits))
        {
            Handshake = ToHandshake(settings.Handshake),
            ReadTimeout = (int)settings.ReadTimeout.TotalMilliseconds,
            WriteTimeout = (int)settings.WriteTimeout.TotalMilliseconds,

            // DtrEnable and RtsEnable stay false, which the library reads as "leave the modem lines
            // alone": Linux has raised DTR and RTS on open already (what printers using DTR/DSR
            // wait for), and setting them is an ioctl that a pty refuses with ENOTTY.
        };

        try
        {
            port.Open();
            port.DiscardInBuffer();
            port.DiscardOutBuffer();
            return new SerialPortStream(port, portLock, settings);
        }
        catch (Exception ex)
        {
            port.Dispose();
            portLock.Dispose();
            throw OpenError(settings.PortName, ex);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        _port.ReadTimeout = ReadTimeout;
        try
        {
            return NotHungUp(_stream.Read(buffer));
        }
        catch (TimeoutException ex)
        {
            throw ReadTimedOut(ex);
        }
        catch (ObjectDisposedException ex) when (ClosedByHangUp(ex))
        {
            throw HungUp(ex);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (buffer.IsEmpty)
        {
            return 0;
        }

        // The library times only its blocking calls; an async read is bounded here.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_readTimeout);
        try
        {
            return NotHungUp(await _stream.ReadAsync(buffer, timeout.Token));
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw ReadTimedOut(ex);
        }
        catch (ObjectDisposedException ex) when (ClosedByHangUp(ex))
        {
            throw HungUp(ex);
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        if (DeviceGone())
        {
            throw HungUp(null);
        }

        _port.WriteTimeout = WriteTimeout;
        for (var offset = 0; offset < buffer.Length; offset += _chunkSize)
        {
            var chunk = buffer.Slice(offset, Math.Min(_chunkSize, buffer.Length - offset));
            try
            {
                _stream.Write(chunk);
            }
            catch (TimeoutException ex)
            {
                throw WriteStalled(offset, buffer.Length, ex);
            }
            catch (ObjectDisposedException ex) when (ClosedByHangUp(ex))
            {
                throw HungUp(ex);
            }
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (DeviceGone())
        {
            throw HungUp(null);
        }

        for (var offset = 0; offset < buffer.Length; offset += _chunkSize)
        {
            using var stall = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stall.CancelAfter(_writeTimeout);
            try
            {
                await _stream.WriteAsync(buffer.Slice(offset, Math.Min(_chunkSize, buffer.Length - offset)), stall.Token);
            }
            catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
            {
                throw WriteStalled(offset, buffer.Length, ex);
            }
            catch (ObjectDisposedException ex) when (ClosedByHangUp(ex))
            {
                throw HungUp(ex);
            }
        }
    }

    /// <summary>Waits until the written bytes have left the port, bounded by the write timeout.</summary>
    public override void Flush() => Drain(CancellationToken.None);

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        Task.Run(() => Drain(cancellationToken), cancellationToken);

    public override void DiscardInBuffer() => _port.DiscardInBuffer();

    public override void DiscardOutBuffer() => _port.DiscardOutBuffer();

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            // Closing a UART with unsent bytes can block for the driver's closing_wait (30 s) when
            // flow control holds the line: give the bytes the write timeout, then drop the rest.
            try
            {
                WaitForOutputQueueEmpty(CancellationToken.None);
                _port.DiscardOutBuffer();
            }
            catch (Exception ex) when (ex is TimeoutException or IOException or InvalidOperationException or ObjectDisposedException)
            {
                // Disposal must not throw; the port is closed below all the same.
            }

            // SerialPort.Dispose waits, without a bound, for the library's queued writes; when the
            // device has vanished (USB adapter pulled, pty gone) they never complete and the caller
            // would hang for ever. Close in the background and give up waiting after CloseTimeout:
            // the stuck close is left to the thread pool, the caller goes on.
            var closing = Task.Run(_port.Dispose);
            if (!closing.Wait(CloseTimeout))
            {
                _ = closing.ContinueWith(static t => _ = t.Exception, TaskScheduler.Default);
            }

            _lock.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Drain(CancellationToken cancellationToken)
    {
        // The library's Flush is tcdrain, which cannot be bounded or cancelled: wait for the
        // kernel queue to empty first, so tcdrain only waits for the last bytes in the UART.
        WaitForOutputQueueEmpty(cancellationToken);
        _stream.Flush();
    }

    private void WaitForOutputQueueEmpty(CancellationToken cancellationToken)
    {
        var lastPending = int.MaxValue;
        var stalledSince = Stopwatch.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (BytesToWrite is not { } pending || pending == 0)
            {
                return; // a driver that cannot count leaves the wait to tcdrain
            }

            if (pending < lastPending)
            {
                // Still draining: the write timeout bounds a stall, not the whole transmission.
                lastPending = pending;
                stalledSince = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(stalledSince) > _writeTimeout)
            {
                throw new TimeoutException(
                    $"{Settings.PortName}: còn {pending} byte chưa gửi được sau {_writeTimeout.TotalMilliseconds:0} ms, kiểm tra dây và bắt tay RTS/CTS (output did not drain).");
            }

            Thread.Sleep(DrainPoll);
        }
    }

    private int NotHungUp(int read) => read > 0 ? read : throw HungUp(null);

    /// <summary>
    /// The library closes its stream when the line hangs up (USB adapter pulled, pty closed) and
    /// then reports ObjectDisposedException; the contract says IOException for a hang-up.
    /// </summary>
    private bool ClosedByHangUp(ObjectDisposedException _) => Volatile.Read(ref _disposed) == 0;

    private IOException HungUp(Exception? inner) =>
        new($"{Settings.PortName}: thiết bị đã ngắt kết nối (device hung up).", inner);

    private TimeoutException ReadTimedOut(Exception inner) =>
        new($"{Settings.PortName}: không nhận được dữ liệu trong {_readTimeout.TotalMilliseconds:0} ms (read timed out).", inner);

    /// <summary>
    /// A write that made no progress: a hang-up when the device node is gone (the library does not
    /// always notice a vanished device on a write, and a pulled adapter must read as one), else a timeout.
    /// </summary>
    private Exception WriteStalled(int sent, int total, Exception inner) => DeviceGone()
        ? HungUp(inner)
        : new TimeoutException($"{Settings.PortName}: đã gửi khoảng {sent}/{total} byte, thiết bị không nhận thêm trong {_writeTimeout.TotalMilliseconds:0} ms (write timed out: no progress).", inner);

    /// <summary>The device node (/dev/ttyUSB0, a pty's link) no longer exists: the adapter was pulled.</summary>
    private bool DeviceGone() => !File.Exists(Settings.PortName);

    private static Exception OpenError(string path, Exception error) => (error, (error.InnerException as IOException)?.HResult) switch
    {
        // The library reports a refused open or TIOCEXCL as UnauthorizedAccessException with the
        // errno in the HResult of the inner IOException.
        (UnauthorizedAccessException, NotATty) => new IOException($"{path}: không phải cổng nối tiếp (not a serial port / tty).", error),
        (UnauthorizedAccessException, DeviceBusy) => new SerialPortInUseException($"{path}: cổng đang được chương trình khác sử dụng (serial port is already open elsewhere)."),
        (UnauthorizedAccessException, _) => new UnauthorizedAccessException($"PortName: không có quyền mở '{path}', thêm người dùng vào nhóm dialout (permission denied; add the user to the dialout group): {error.Message}", error),
        (FileNotFoundException, _) => new FileNotFoundException($"PortName: không tìm thấy cổng nối tiếp '{path}' (serial port not found): {error.Message}", path, error),
        (IOException, _) => new IOException($"PortName: không mở được '{path}' (cannot open serial port): {error.Message}", error),
        _ => error,
    };

    private const int NotATty = 25;    // ENOTTY
    private const int DeviceBusy = 16; // EBUSY

    private static Parity ToParity(SerialParity parity) => parity switch
    {
        SerialParity.Odd => Parity.Odd,
        SerialParity.Even => Parity.Even,
        _ => Parity.None,
    };

    private static StopBits ToStopBits(SerialStopBits stopBits) => stopBits == SerialStopBits.Two ? StopBits.Two : StopBits.One;

    private static Handshake ToHandshake(SerialHandshake handshake) => handshake switch
    {
        SerialHandshake.RequestToSend => Handshake.RequestToSend,
        SerialHandshake.XOnXOff => Handshake.XOnXOff,
        _ => Handshake.None,
    };

    private static TimeSpan CheckedTimeout(int milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(milliseconds);
        return TimeSpan.FromMilliseconds(milliseconds);
    }
}
