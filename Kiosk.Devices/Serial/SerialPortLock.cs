namespace QueueKiosk.Devices.Serial;

/// <summary>
/// Keeps a serial port to one opener across processes and users. System.IO.Ports opens with
/// TIOCEXCL, which the kernel ignores for root; this takes an exclusive flock (.NET takes it for
/// FileShare.None) on a lock file named after the device the port name resolves to, in /run/lock
/// (or the temp directory where there is none). The lock goes with the process, so a crash leaves
/// nothing to clean up. hardware-docs/serial.md tells installers about it.
/// </summary>
internal sealed class SerialPortLock : IDisposable
{
    private readonly FileStream _file;

    private SerialPortLock(FileStream file) => _file = file;

    /// <exception cref="SerialPortInUseException">Another handle holds the port.</exception>
    public static SerialPortLock Acquire(string portName)
    {
        var path = LockFilePath(portName);
        try
        {
            // Read access is enough for the lock and lets another user reuse the file.
            return new SerialPortLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.Read, FileShare.None));
        }
        catch (IOException ex) when (ex is not FileNotFoundException and not DirectoryNotFoundException)
        {
            throw new SerialPortInUseException($"{portName}: cổng đang được chương trình khác sử dụng (serial port is already open elsewhere; lock {path}).");
        }
    }

    public void Dispose() => _file.Dispose();

    internal static string LockFilePath(string portName)
    {
        var device = File.ResolveLinkTarget(portName, returnFinalTarget: true)?.FullName ?? Path.GetFullPath(portName);
        var directory = Directory.Exists("/run/lock") ? "/run/lock" : Path.GetTempPath();
        return Path.Combine(directory, "queuekiosk-serial" + device.Replace('/', '_') + ".lock");
    }
}
