using System.Runtime.InteropServices;
using static QueueKiosk.Devices.Serial.LinuxNative;

namespace QueueKiosk.Devices.Serial;

/// <summary>
/// A Linux serial port configured with termios, opened exclusively (flock, which holds even for
/// root, plus TIOCEXCL as .NET's own SerialPort does). Blocking calls wait in short poll() slices,
/// the async ones run that wait on the thread pool; both honour timeouts, cancellation and
/// disposal. See hardware-docs/serial.md.
/// </summary>
public sealed class SerialPortStream : SerialStream
{
    private readonly UnixFileDescriptor _fd;
    private TimeSpan _readTimeout;
    private TimeSpan _writeTimeout;

    private SerialPortStream(UnixFileDescriptor fd, SerialPortSettings settings)
    {
        _fd = fd;
        Settings = settings;
        _readTimeout = settings.ReadTimeout;
        _writeTimeout = settings.WriteTimeout;
    }

    public override SerialPortSettings Settings { get; }

    public override bool CanRead => !_fd.IsClosed;

    public override bool CanWrite => !_fd.IsClosed;

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

    public override unsafe int? BytesToWrite
    {
        get
        {
            var (result, queued) = _fd.Use(d =>
            {
                var pending = 0;
                var r = Ioctl(d, TIOCOUTQ, &pending);
                return (r, pending);
            });
            return result < 0 ? null : queued;
        }
    }

    /// <inheritdoc cref="ISerialPortFactory.Open"/>
    public static SerialPortStream Open(SerialPortSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        settings.ThrowIfInvalid();
        var fd = UnixFileDescriptor.TryOpen(settings.PortName, O_RDWR, out var errno)
            ?? throw OpenError(settings.PortName, errno);
        try
        {
            LockExclusively(fd);
            Configure(fd, settings);
            fd.Use(d => TcFlush(d, TCIOFLUSH));
            return new SerialPortStream(fd, settings);
        }
        catch
        {
            fd.Dispose();
            throw;
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => _fd.ReadSome(buffer, _readTimeout, CancellationToken.None);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var ready = _fd.TryReadNow(buffer.Span);
        if (ready > 0 || buffer.IsEmpty)
        {
            return ValueTask.FromResult(ready);
        }

        var timeout = _readTimeout;
        return new ValueTask<int>(Task.Run(() => _fd.ReadSome(buffer.Span, timeout, cancellationToken), cancellationToken));
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer) => _fd.WriteAll(buffer, _writeTimeout, CancellationToken.None);

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var timeout = _writeTimeout;
        return new ValueTask(Task.Run(() => _fd.WriteAll(buffer.Span, timeout, cancellationToken), cancellationToken));
    }

    /// <summary>Waits until the written bytes have left the port (tcdrain), bounded by the write timeout.</summary>
    public override void Flush() => Drain(CancellationToken.None);

    public override Task FlushAsync(CancellationToken cancellationToken) =>
        Task.Run(() => Drain(cancellationToken), cancellationToken);

    public override void DiscardInBuffer() => _fd.Use(d => TcFlush(d, TCIFLUSH));

    public override void DiscardOutBuffer() => _fd.Use(d => TcFlush(d, TCOFLUSH));

    protected override void Dispose(bool disposing)
    {
        if (disposing && !_fd.IsClosed)
        {
            // Closing a UART with unsent bytes can block for the driver's closing_wait (30 s) when
            // flow control holds the line: give the bytes the write timeout, then drop the rest.
            try
            {
                WaitForOutputQueueEmpty(Deadline.After(_writeTimeout), CancellationToken.None);
            }
            catch (Exception ex) when (ex is TimeoutException or IOException or ObjectDisposedException)
            {
                // Disposal must not throw; the bytes are discarded below.
            }

            _fd.Use(d => TcFlush(d, TCOFLUSH));
            _fd.Use(d => Ioctl(d, TIOCNXCL));
            _fd.Dispose();
        }

        base.Dispose(disposing);
    }

    private void Drain(CancellationToken cancellationToken)
    {
        // tcdrain itself cannot be bounded or cancelled: wait for the kernel queue to empty first
        // (TIOCOUTQ), so tcdrain only waits for the last bytes in the UART.
        WaitForOutputQueueEmpty(Deadline.After(_writeTimeout), cancellationToken);
        var (result, errno) = _fd.Use(d =>
        {
            var r = TcDrain(d);
            return (r, r < 0 ? Marshal.GetLastPInvokeError() : 0);
        });
        if (result < 0 && errno != EINTR)
        {
            throw new IOException($"{Settings.PortName}: tcdrain failed: {Describe(errno)}");
        }
    }

    private unsafe void WaitForOutputQueueEmpty(Deadline deadline, CancellationToken cancellationToken)
    {
        var lastPending = int.MaxValue;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (result, pending) = _fd.Use(d =>
            {
                var queued = 0;
                var r = Ioctl(d, TIOCOUTQ, &queued);
                return (r, queued);
            });
            if (result < 0 || pending == 0)
            {
                return; // a driver without TIOCOUTQ leaves the wait to tcdrain
            }

            if (pending < lastPending)
            {
                // Still draining: the write timeout bounds a stall, not the whole transmission.
                lastPending = pending;
                deadline = Deadline.After(_writeTimeout);
            }

            if (deadline.Remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"{Settings.PortName}: còn {pending} byte chưa gửi được sau {_writeTimeout.TotalMilliseconds:0} ms, kiểm tra dây và bắt tay RTS/CTS (output did not drain).");
            }

            Thread.Sleep(10);
        }
    }

    private static void LockExclusively(UnixFileDescriptor fd)
    {
        var (locked, lockErrno) = fd.Use(d =>
        {
            var r = Flock(d, LOCK_EX | LOCK_NB);
            return (r, r < 0 ? Marshal.GetLastPInvokeError() : 0);
        });
        if (locked < 0 && lockErrno == EWOULDBLOCK)
        {
            throw InUse(fd.Path);
        }

        var (exclusive, exclErrno) = fd.Use(d =>
        {
            var r = Ioctl(d, TIOCEXCL);
            return (r, r < 0 ? Marshal.GetLastPInvokeError() : 0);
        });
        if (exclusive < 0)
        {
            throw exclErrno == ENOTTY
                ? new IOException($"{fd.Path}: không phải cổng nối tiếp (not a serial port / tty).")
                : new IOException($"{fd.Path}: TIOCEXCL failed: {Describe(exclErrno)}");
        }
    }

    private static unsafe void Configure(UnixFileDescriptor fd, SerialPortSettings settings)
    {
        var errno = fd.Use(d =>
        {
            Termios termios;
            if (TcGetAttr(d, &termios) < 0)
            {
                return Marshal.GetLastPInvokeError();
            }

            CfMakeRaw(&termios);
            termios.c_cflag |= CLOCAL | CREAD;
            termios.c_cflag &= ~(CSIZE | CSTOPB | PARENB | PARODD | CRTSCTS);
            termios.c_cflag |= settings.DataBits switch
            {
                5 => CS5,
                6 => CS6,
                7 => CS7,
                _ => CS8,
            };
            if (settings.StopBits == SerialStopBits.Two)
            {
                termios.c_cflag |= CSTOPB;
            }

            termios.c_iflag &= ~(IXON | IXOFF | IXANY | INPCK);
            if (settings.Parity != SerialParity.None)
            {
                termios.c_cflag |= PARENB;
                termios.c_iflag |= INPCK;
                if (settings.Parity == SerialParity.Odd)
                {
                    termios.c_cflag |= PARODD;
                }
            }

            switch (settings.Handshake)
            {
                case SerialHandshake.RequestToSend:
                    termios.c_cflag |= CRTSCTS;
                    break;
                case SerialHandshake.XOnXOff:
                    termios.c_iflag |= IXON | IXOFF;
                    break;
            }

            // Reads are non-blocking and timed by poll(); VMIN=1 makes an idle line give EAGAIN, not 0.
            termios.c_cc[VMIN] = 1;
            termios.c_cc[VTIME] = 0;

            var speed = SerialPortSettings.SpeedConstants[settings.BaudRate];
            if (CfSetISpeed(&termios, speed) < 0 || CfSetOSpeed(&termios, speed) < 0)
            {
                return Marshal.GetLastPInvokeError();
            }

            return TcSetAttr(d, TCSANOW, &termios) < 0 ? Marshal.GetLastPInvokeError() : 0;
        });
        if (errno != 0)
        {
            throw new IOException($"{settings.PortName}: không cấu hình được cổng (termios configuration failed): {Describe(errno)}");
        }
    }

    private static Exception OpenError(string path, int errno) => errno switch
    {
        ENOENT or ENODEV or ENXIO => new FileNotFoundException($"PortName: không tìm thấy cổng nối tiếp '{path}' (serial port not found): {Describe(errno)}", path),
        EACCES => new UnauthorizedAccessException($"PortName: không có quyền mở '{path}', thêm người dùng vào nhóm dialout (permission denied; add the user to the dialout group)."),
        EBUSY => InUse(path),
        _ => new IOException($"PortName: không mở được '{path}' (cannot open serial port): {Describe(errno)}"),
    };

    private static SerialPortInUseException InUse(string path) =>
        new($"{path}: cổng đang được chương trình khác sử dụng (serial port is already open elsewhere).");

    private static TimeSpan CheckedTimeout(int milliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(milliseconds);
        return TimeSpan.FromMilliseconds(milliseconds);
    }
}
