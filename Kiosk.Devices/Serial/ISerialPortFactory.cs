namespace QueueKiosk.Devices.Serial;

/// <summary>
/// Opens serial ports. The seam that lets another implementation (System.IO.Ports, a test double)
/// replace the termios one without touching printers or LED boards.
/// </summary>
public interface ISerialPortFactory
{
    /// <exception cref="ArgumentException">Invalid settings (message names the setting).</exception>
    /// <exception cref="SerialPortInUseException">Another process or handle holds the port.</exception>
    /// <exception cref="IOException">The port could not be opened or configured.</exception>
    SerialStream Open(SerialPortSettings settings);
}

/// <summary>Opens Linux serial ports through termios.</summary>
public sealed class TermiosSerialPortFactory : ISerialPortFactory
{
    public SerialStream Open(SerialPortSettings settings) => SerialPortStream.Open(settings);
}

/// <summary>The port is already open elsewhere (exclusive open refused).</summary>
public sealed class SerialPortInUseException(string message) : IOException(message);
