namespace QueueKiosk.Devices.Serial;

/// <summary>
/// Opens serial ports. The seam between printers and LED boards and the library that drives the
/// port (System.IO.Ports through <see cref="SerialPortFactory"/>; a test double may stand in).
/// </summary>
public interface ISerialPortFactory
{
    /// <exception cref="ArgumentException">Invalid settings (message names the setting).</exception>
    /// <exception cref="SerialPortInUseException">Another process or handle holds the port.</exception>
    /// <exception cref="IOException">The port could not be opened or configured.</exception>
    SerialStream Open(SerialPortSettings settings);
}

/// <summary>Opens serial ports with System.IO.Ports (hardware-docs/serial.md).</summary>
public sealed class SerialPortFactory : ISerialPortFactory
{
    public SerialStream Open(SerialPortSettings settings) => SerialPortStream.Open(settings);
}

/// <summary>The port is already open elsewhere (exclusive open refused).</summary>
public sealed class SerialPortInUseException(string message) : IOException(message);
