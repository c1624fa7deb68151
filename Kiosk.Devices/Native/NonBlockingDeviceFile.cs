using System.Diagnostics;
using System.Runtime.InteropServices;
using static QueueKiosk.Devices.Native.LinuxNative;

namespace QueueKiosk.Devices.Native;

/// <summary>
/// A device file opened write-only and non-blocking (the USB printer class file, /dev/usb/lp0),
/// whose writes wait with poll() in short slices so that cancellation and disposal are noticed
/// within <see cref="PollSlice"/>. .NET's FileStream would block in write() for as long as usblp
/// does (a printer out of paper). The descriptor is held in a SafeHandle and every syscall takes a
/// reference, so Dispose on another thread never closes a number a blocked call still uses.
/// </summary>
internal sealed class NonBlockingDeviceFile : IDisposable
{
    public static readonly TimeSpan PollSlice = TimeSpan.FromMilliseconds(100);

    private readonly FdHandle _handle;

    private NonBlockingDeviceFile(FdHandle handle, string path)
    {
        _handle = handle;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Opens for writing with O_NONBLOCK|O_CLOEXEC|O_NOCTTY; returns errno instead of throwing.</summary>
    public static NonBlockingDeviceFile? TryOpenForWriting(string path, out int errno)
    {
        var fd = Open(path, O_WRONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
        if (fd < 0)
        {
            errno = Marshal.GetLastPInvokeError();
            return null;
        }

        errno = 0;
        return new NonBlockingDeviceFile(new FdHandle(fd), path);
    }

    /// <summary>Writes every byte; fails when the device accepts nothing for <paramref name="timeout"/>.</summary>
    /// <exception cref="TimeoutException">The device took no byte for the timeout (a stall).</exception>
    /// <exception cref="IOException">The device hung up or failed.</exception>
    public unsafe void WriteAll(ReadOnlySpan<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + TicksOf(timeout);
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
                    // The timeout bounds a stall, not the whole job: a long raster ticket may take
                    // many seconds, yet a device that stops taking bytes is caught fast.
                    offset += (int)result;
                    deadline = Stopwatch.GetTimestamp() + TicksOf(timeout);
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

                if (!WaitUntilWritable(deadline, cancellationToken))
                {
                    throw new TimeoutException(
                        $"{Path}: đã gửi {offset}/{data.Length} byte, thiết bị không nhận thêm trong {timeout.TotalMilliseconds:0} ms (write timed out: no progress).");
                }
            }
        }
    }

    public void Dispose() => _handle.Dispose();

    private static long TicksOf(TimeSpan timeout) => (long)(timeout.TotalSeconds * Stopwatch.Frequency);

    /// <summary>False when the deadline passed. Errors count as ready so the next write reports them.</summary>
    private unsafe bool WaitUntilWritable(long deadline, CancellationToken cancellationToken)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            ObjectDisposedException.ThrowIf(_handle.IsClosed, this);
            var remaining = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), deadline);
            if (remaining <= TimeSpan.Zero)
            {
                return false;
            }

            var sliceMs = (int)Math.Ceiling(Math.Min(remaining.TotalMilliseconds, PollSlice.TotalMilliseconds));
            var (result, revents, errno) = Use(fd =>
            {
                var pollFd = new PollFd { fd = fd, events = POLLOUT };
                var r = Poll(&pollFd, 1, sliceMs);
                return (r, pollFd.revents, r < 0 ? Marshal.GetLastPInvokeError() : 0);
            });
            if (result < 0 && errno == EINTR)
            {
                continue;
            }

            if (result < 0)
            {
                throw new IOException($"{Path}: poll failed: {Describe(errno)}");
            }

            if ((revents & POLLNVAL) != 0)
            {
                throw new IOException($"{Path}: descriptor is no longer valid.");
            }

            if ((revents & POLLHUP) != 0)
            {
                throw new IOException($"{Path}: thiết bị đã ngắt kết nối (device hung up).");
            }

            if ((revents & (POLLOUT | POLLERR)) != 0)
            {
                return true;
            }
        }
    }

    private T Use<T>(Func<int, T> call)
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

    private sealed class FdHandle : SafeHandle
    {
        public FdHandle(int fd)
            : base(invalidHandleValue: -1, ownsHandle: true) => SetHandle(fd);

        public override bool IsInvalid => handle == -1;

        protected override bool ReleaseHandle() => LinuxNative.Close((int)handle) == 0;
    }
}
