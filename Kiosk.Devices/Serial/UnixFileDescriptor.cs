using System.Diagnostics;
using System.Runtime.InteropServices;
using static QueueKiosk.Devices.Serial.LinuxNative;

namespace QueueKiosk.Devices.Serial;

/// <summary>
/// A non-blocking file descriptor with deadline-bounded reads and writes. Waiting is done with
/// poll() in short slices so that cancellation and disposal are noticed within
/// <see cref="PollSlice"/>: no thread ever waits on the device forever. The descriptor is held in
/// a SafeHandle and every syscall takes a reference, so Dispose on another thread can never close
/// (and let the kernel reuse) a number that a blocked call is still using.
/// </summary>
internal sealed class UnixFileDescriptor : IDisposable
{
    public static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(100);

    private readonly FdHandle _handle;

    private UnixFileDescriptor(FdHandle handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    public string Path { get; }

    public bool IsClosed => _handle.IsClosed;

    /// <summary>Opens with O_NONBLOCK|O_CLOEXEC|O_NOCTTY added; returns errno instead of throwing.</summary>
    public static UnixFileDescriptor? TryOpen(string path, int accessFlags, out int errno)
    {
        var fd = LinuxNative.Open(path, accessFlags | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd < 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        errno = 0;
        return new UnixFileDescriptor(new FdHandle(fd), path);
    }

    /// <summary>Runs a syscall on the raw descriptor while holding a reference to it.</summary>
    public T Use<T>(Func<int, T> call)
    {
        var added = false;
        try
        {
            _handle.DangerousAddRef(ref added);
            return call((int)_handle.DangerousGetHandle());
        }
        finally
        {
            if (added)
            {
                _handle.DangerousRelease();
            }
        }
    }

    /// <summary>Reads at least one byte, waiting up to <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">Nothing arrived in time.</exception>
    /// <exception cref="IOException">The device hung up or failed.</exception>
    public int ReadSome(Span<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        var deadline = Deadline.After(timeout);
        while (true)
        {
            var read = TryReadNow(buffer);
            if (read > 0)
            {
                return read;
            }

            if (!WaitUntilReady(POLLIN, deadline, cancellationToken))
            {
                throw new TimeoutException($"{Path}: không nhận được dữ liệu trong {timeout.TotalMilliseconds:0} ms (read timed out).");
            }
        }
    }

    /// <summary>Reads what is available now without waiting; 0 if nothing is there.</summary>
    public unsafe int TryReadNow(Span<byte> buffer)
    {
        fixed (byte* pointer = buffer)
        {
            var p = pointer;
            var length = buffer.Length;
            while (true)
            {
                var (result, errno) = Use(fd =>
                {
                    var n = LinuxNative.Read(fd, p, length);
                    return (n, n < 0 ? Marshal.GetLastPInvokeError() : 0);
                });
                if (result > 0)
                {
                    return (int)result;
                }

                if (result == 0)
                {
                    // A tty returns 0 only after a hang-up (non-blocking reads of an idle line give EAGAIN).
                    throw new IOException($"{Path}: thiết bị đã ngắt kết nối (device hung up).");
                }

                switch (errno)
                {
                    case EINTR:
                        continue;
                    case EAGAIN:
                        return 0;
                    default:
                        throw new IOException($"{Path}: lỗi đọc (read failed): {Describe(errno)}");
                }
            }
        }
    }

    /// <summary>Writes every byte; fails when the device accepts nothing for <paramref name="timeout"/>.</summary>
    public unsafe void WriteAll(ReadOnlySpan<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Deadline.After(timeout);
        fixed (byte* pointer = data)
        {
            var offset = 0;
            while (offset < data.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var p = pointer + offset;
                var length = data.Length - offset;
                var (result, errno) = Use(fd =>
                {
                    var n = LinuxNative.Write(fd, p, length);
                    return (n, n < 0 ? Marshal.GetLastPInvokeError() : 0);
                });
                if (result > 0)
                {
                    // The timeout bounds a stall, not the whole job: at 9600 baud a 40 KB
                    // raster ticket needs ~40 s, yet a line that stops moving is caught fast.
                    offset += (int)result;
                    deadline = Deadline.After(timeout);
                    continue;
                }

                if (result < 0 && errno == EINTR)
                {
                    continue;
                }

                if (result < 0 && errno != EAGAIN)
                {
                    throw new IOException($"{Path}: lỗi ghi (write failed): {Describe(errno)}");
                }

                if (!WaitUntilReady(POLLOUT, deadline, cancellationToken))
                {
                    throw new TimeoutException(
                        $"{Path}: đã gửi {offset}/{data.Length} byte, thiết bị không nhận thêm trong {timeout.TotalMilliseconds:0} ms (write timed out: no progress).");
                }
            }
        }
    }

    /// <summary>Waits for the events; false when the deadline passed. Hang-ups and errors count as ready
    /// so the next read or write reports them.</summary>
    public unsafe bool WaitUntilReady(short events, Deadline deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            var remaining = deadline.Remaining;
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            var sliceMs = (int)Math.Ceiling(Math.Min(remaining.TotalMilliseconds, PollSlice.TotalMilliseconds));
            var (result, revents, errno) = Use(fd =>
            {
                var pollFd = new PollFd { fd = fd, events = events };
                var r = Poll(&pollFd, 1, sliceMs);
                return (r, pollFd.revents, r < 0 ? Marshal.GetLastPInvokeError() : 0);
            });
            if (result < 0)
            {
                if (errno == EINTR)
                {
                    continue;
                }

                throw new IOException($"{Path}: poll failed: {Describe(errno)}");
            }

            if (result == 0)
            {
                continue;
            }

            if ((revents & POLLNVAL) != 0)
            {
                throw new IOException($"{Path}: descriptor is no longer valid.");
            }

            if ((revents & POLLHUP) != 0 && (events & POLLOUT) != 0)
            {
                throw new IOException($"{Path}: thiết bị đã ngắt kết nối (device hung up).");
            }

            if ((revents & (events | POLLHUP | POLLERR)) != 0)
            {
                return true;
            }
        }
    }

    public void Dispose() => _handle.Dispose();

    private sealed class FdHandle : SafeHandle
    {
        public FdHandle(int fd)
            : base(invalidHandleValue: -1, ownsHandle: true) => SetHandle(fd);

        public override bool IsInvalid => handle == -1;

        protected override bool ReleaseHandle() => LinuxNative.Close((int)handle) == 0;
    }
}

/// <summary>A point in time measured on the monotonic clock.</summary>
internal readonly struct Deadline
{
    private readonly long _endTimestamp;

    private Deadline(long endTimestamp) => _endTimestamp = endTimestamp;

    public static Deadline After(TimeSpan timeout) =>
        new(Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency));

    public TimeSpan Remaining => Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), _endTimestamp);
}
