using System.Runtime.InteropServices;

namespace QueueKiosk.Devices.Native;

/// <summary>
/// The few libc calls that no .NET library makes for us: non-blocking writes to the USB printer
/// class file (usblp blocks a plain write while the printer is out of paper), the unsent-byte
/// count of a TCP socket (SIOCOUTQ) and fsync of a directory. Serial ports are System.IO.Ports'
/// (hardware-docs/serial.md); no termios call is left here. Constants are the Linux generic ones
/// (x86_64 and aarch64 agree).
/// </summary>
internal static partial class LinuxNative
{
    private const string LibC = "libc";

    public const int O_RDONLY = 0;
    public const int O_WRONLY = 1;
    public const int O_NOCTTY = 0x100;       // 0400
    public const int O_NONBLOCK = 0x800;     // 04000
    public const int O_CLOEXEC = 0x80000;    // 02000000

    public const int ENOENT = 2;
    public const int EINTR = 4;
    public const int ENXIO = 6;
    public const int EAGAIN = 11;
    public const int EACCES = 13;
    public const int EBUSY = 16;
    public const int ENODEV = 19;

    public const short POLLOUT = 0x004;
    public const short POLLERR = 0x008;
    public const short POLLHUP = 0x010;
    public const short POLLNVAL = 0x020;

    /// <summary>TIOCOUTQ, which is also SIOCOUTQ for sockets: bytes not yet sent.</summary>
    public const uint TIOCOUTQ = 0x5411;

    [StructLayout(LayoutKind.Sequential)]
    public struct PollFd
    {
        public int fd;
        public short events;
        public short revents;
    }

    [LibraryImport(LibC, EntryPoint = "open", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    public static partial int Open(string path, int flags);

    [LibraryImport(LibC, EntryPoint = "close", SetLastError = true)]
    public static partial int Close(int fd);

    [LibraryImport(LibC, EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport(LibC, EntryPoint = "poll", SetLastError = true)]
    public static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport(LibC, EntryPoint = "ioctl", SetLastError = true)]
    public static unsafe partial int Ioctl(int fd, nuint request, int* argument);

    [LibraryImport(LibC, EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);

    [LibraryImport(LibC, EntryPoint = "strerror")]
    private static partial nint StrError(int errno);

    public static string Describe(int errno)
    {
        var text = Marshal.PtrToStringUTF8(StrError(errno));
        return $"{text ?? "error"} (errno {errno})";
    }

    /// <summary>fsync a directory so a rename inside it survives a power cut (.NET cannot open a directory).</summary>
    public static void FsyncDirectory(string directory)
    {
        var fd = Open(directory, O_RDONLY | O_CLOEXEC);
        if (fd < 0)
        {
            return; // best effort: some file systems refuse opening directories
        }

        _ = Fsync(fd);
        _ = Close(fd);
    }
}
