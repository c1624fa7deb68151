using System.Runtime.InteropServices;

namespace QueueKiosk.Devices.Serial;

/// <summary>
/// The few libc calls a tty needs. Constants are the Linux generic ones (x86_64 and aarch64 agree);
/// struct termios is the glibc layout (FACTS.md §4), 60 bytes.
/// </summary>
internal static partial class LinuxNative
{
    private const string LibC = "libc";

    public const int O_RDONLY = 0;
    public const int O_WRONLY = 1;
    public const int O_RDWR = 2;
    public const int O_NOCTTY = 0x100;       // 0400
    public const int O_NONBLOCK = 0x800;     // 04000
    public const int O_CLOEXEC = 0x80000;    // 02000000

    public const int EINTR = 4;
    public const int EIO = 5;
    public const int EAGAIN = 11;
    public const int EBUSY = 16;
    public const int ENOTTY = 25;
    public const int ENOENT = 2;
    public const int EACCES = 13;
    public const int ENXIO = 6;
    public const int ENODEV = 19;
    public const int EWOULDBLOCK = EAGAIN;

    public const short POLLIN = 0x001;
    public const short POLLOUT = 0x004;
    public const short POLLERR = 0x008;
    public const short POLLHUP = 0x010;
    public const short POLLNVAL = 0x020;

    public const uint TIOCEXCL = 0x540C;
    public const uint TIOCNXCL = 0x540D;
    public const uint TIOCOUTQ = 0x5411;
    public const uint TIOCMGET = 0x5415;
    public const uint TIOCSRS485 = 0x542F;

    public const int LOCK_EX = 2;
    public const int LOCK_NB = 4;
    public const int LOCK_UN = 8;

    public const int TCSANOW = 0;
    public const int TCIFLUSH = 0;
    public const int TCOFLUSH = 1;
    public const int TCIOFLUSH = 2;

    // c_cflag
    public const uint CSIZE = 0x30;          // 0000060
    public const uint CS5 = 0x00;
    public const uint CS6 = 0x10;
    public const uint CS7 = 0x20;
    public const uint CS8 = 0x30;
    public const uint CSTOPB = 0x40;         // 0000100
    public const uint CREAD = 0x80;          // 0000200
    public const uint PARENB = 0x100;        // 0000400
    public const uint PARODD = 0x200;        // 0001000
    public const uint CLOCAL = 0x800;        // 0004000
    public const uint CRTSCTS = 0x80000000;  // 020000000000

    // c_iflag
    public const uint INPCK = 0x10;          // 0000020
    public const uint IXON = 0x400;          // 0002000
    public const uint IXANY = 0x800;         // 0004000
    public const uint IXOFF = 0x1000;        // 0010000

    public const int VTIME = 5;
    public const int VMIN = 6;

    [StructLayout(LayoutKind.Sequential)]
    public unsafe struct Termios
    {
        public uint c_iflag;
        public uint c_oflag;
        public uint c_cflag;
        public uint c_lflag;
        public byte c_line;
        public fixed byte c_cc[32];
        // Three bytes of padding follow c_cc so the speeds sit at 52 and 56, as in glibc.
        public uint c_ispeed;
        public uint c_ospeed;
    }

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

    [LibraryImport(LibC, EntryPoint = "read", SetLastError = true)]
    public static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport(LibC, EntryPoint = "write", SetLastError = true)]
    public static unsafe partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport(LibC, EntryPoint = "poll", SetLastError = true)]
    public static unsafe partial int Poll(PollFd* fds, nuint count, int timeoutMs);

    [LibraryImport(LibC, EntryPoint = "ioctl", SetLastError = true)]
    public static partial int Ioctl(int fd, nuint request);

    [LibraryImport(LibC, EntryPoint = "ioctl", SetLastError = true)]
    public static unsafe partial int Ioctl(int fd, nuint request, int* argument);

    [LibraryImport(LibC, EntryPoint = "flock", SetLastError = true)]
    public static partial int Flock(int fd, int operation);

    [LibraryImport(LibC, EntryPoint = "fsync", SetLastError = true)]
    public static partial int Fsync(int fd);

    [LibraryImport(LibC, EntryPoint = "tcgetattr", SetLastError = true)]
    public static unsafe partial int TcGetAttr(int fd, Termios* termios);

    [LibraryImport(LibC, EntryPoint = "tcsetattr", SetLastError = true)]
    public static unsafe partial int TcSetAttr(int fd, int optionalActions, Termios* termios);

    [LibraryImport(LibC, EntryPoint = "cfmakeraw")]
    public static unsafe partial void CfMakeRaw(Termios* termios);

    [LibraryImport(LibC, EntryPoint = "cfsetispeed", SetLastError = true)]
    public static unsafe partial int CfSetISpeed(Termios* termios, uint speed);

    [LibraryImport(LibC, EntryPoint = "cfsetospeed", SetLastError = true)]
    public static unsafe partial int CfSetOSpeed(Termios* termios, uint speed);

    [LibraryImport(LibC, EntryPoint = "tcdrain", SetLastError = true)]
    public static partial int TcDrain(int fd);

    [LibraryImport(LibC, EntryPoint = "tcflush", SetLastError = true)]
    public static partial int TcFlush(int fd, int queueSelector);

    [LibraryImport(LibC, EntryPoint = "strerror")]
    private static partial nint StrError(int errno);

    public static string Describe(int errno)
    {
        var text = Marshal.PtrToStringUTF8(StrError(errno));
        return $"{text ?? "error"} (errno {errno})";
    }

    /// <summary>fsync a directory so a rename inside it survives a power cut.</summary>
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
