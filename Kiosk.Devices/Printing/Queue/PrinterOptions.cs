using QueueKiosk.Devices.Serial;

namespace QueueKiosk.Devices.Printing.Queue;

public enum PrinterTransportKind
{
    /// <summary>No hardware: an in-memory printer (the simulation renders what it receives).</summary>
    Virtual,
    Tcp,
    Serial,
    Usb,
}

/// <summary>The "Printer" configuration section (see hardware-docs/printer-connections.md).</summary>
public sealed class PrinterOptions
{
    public const string SectionName = "Printer";

    public PrinterTransportKind Transport { get; set; } = PrinterTransportKind.Virtual;

    public string? Host { get; set; }

    public int Port { get; set; } = 9100;

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public PrinterSerialOptions Serial { get; set; } = new();

    public string UsbPath { get; set; } = "/dev/usb/lp0";

    /// <summary>Transport = Virtual (demo): the folder where each ticket is saved as ticket-NNNN.png; relative paths are under the content root.</summary>
    public string VirtualOutputPath { get; set; } = "data/printed-tickets";

    /// <summary>The journal file of the print queue; relative paths are under the working directory.</summary>
    public string QueuePath { get; set; } = "data/print-queue.journal";

    public TimeSpan StatusPollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan StatusReplyTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryInitialDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(10);
}

/// <summary>"Printer:Serial": the line settings of a serial printer (most ship at 9600 8N1, some at 115200).</summary>
public sealed class PrinterSerialOptions
{
    public string PortName { get; set; } = "/dev/ttyUSB0";

    public int BaudRate { get; set; } = 9600;

    public int DataBits { get; set; } = 8;

    public SerialParity Parity { get; set; } = SerialParity.None;

    public SerialStopBits StopBits { get; set; } = SerialStopBits.One;

    public SerialHandshake Handshake { get; set; } = SerialHandshake.RequestToSend;

    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan WriteTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public SerialPortSettings ToSettings() => new(PortName)
    {
        BaudRate = BaudRate,
        DataBits = DataBits,
        Parity = Parity,
        StopBits = StopBits,
        Handshake = Handshake,
        ReadTimeout = ReadTimeout,
        WriteTimeout = WriteTimeout,
    };
}
