namespace QueueKiosk.Devices.Serial;

public enum SerialParity
{
    None,
    Odd,
    Even,
}

public enum SerialStopBits
{
    One,
    Two,
}

public enum SerialHandshake
{
    None,

    /// <summary>Hardware flow control on the RTS/CTS lines (termios CRTSCTS, set by System.IO.Ports).</summary>
    RequestToSend,

    /// <summary>Software flow control with XON/XOFF bytes (termios IXON|IXOFF, set by System.IO.Ports). Do not use with binary data such as raster images.</summary>
    XOnXOff,
}

/// <summary>
/// How to open a serial port. <see cref="ReadTimeout"/> bounds each read (the wait for the first
/// byte); <see cref="WriteTimeout"/> bounds how long a write or flush may go without the port
/// taking a byte. Both must be finite: no call on a serial port may block forever.
/// </summary>
public sealed record SerialPortSettings(string PortName)
{
    public static readonly TimeSpan MaxTimeout = TimeSpan.FromMinutes(10);

    /// <summary>
    /// The standard rates: System.IO.Ports maps these to the termios speed constants on Linux; a
    /// UART adapter may accept others, but a ticket printer or LED board never needs them.
    /// </summary>
    public static IReadOnlyList<int> SupportedBaudRates { get; } =
        [300, 600, 1200, 2400, 4800, 9600, 19200, 38400, 57600, 115200, 230400, 460800, 921600];

    public int BaudRate { get; init; } = 9600;

    public int DataBits { get; init; } = 8;

    public SerialParity Parity { get; init; } = SerialParity.None;

    public SerialStopBits StopBits { get; init; } = SerialStopBits.One;

    public SerialHandshake Handshake { get; init; } = SerialHandshake.None;

    public TimeSpan ReadTimeout { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Every problem with these settings, each naming its key after <paramref name="keyPrefix"/>
    /// (for example "Printer:Serial:"), in Vietnamese with English in brackets. Empty when valid.
    /// The port must exist now: a typo in the device name is caught at start-up, not at first use.
    /// </summary>
    public IReadOnlyList<string> Validate(string keyPrefix = "")
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(PortName))
        {
            errors.Add($"{keyPrefix}PortName: chưa khai báo cổng nối tiếp, ví dụ /dev/ttyUSB0 (serial port name is required).");
        }
        else if (!File.Exists(PortName))
        {
            errors.Add($"{keyPrefix}PortName: không tìm thấy cổng nối tiếp '{PortName}' (serial port not found).");
        }

        if (!SupportedBaudRates.Contains(BaudRate))
        {
            errors.Add($"{keyPrefix}BaudRate: tốc độ {BaudRate} không được hỗ trợ (unsupported baud rate; supported: {string.Join(", ", SupportedBaudRates)}).");
        }

        if (DataBits is < 5 or > 8)
        {
            errors.Add($"{keyPrefix}DataBits: số bit dữ liệu {DataBits} không hợp lệ, phải từ 5 đến 8 (data bits must be 5 to 8).");
        }

        if (!Enum.IsDefined(Parity))
        {
            errors.Add($"{keyPrefix}Parity: giá trị '{Parity}' không hợp lệ (parity must be None, Odd or Even).");
        }

        if (!Enum.IsDefined(StopBits))
        {
            errors.Add($"{keyPrefix}StopBits: giá trị '{StopBits}' không hợp lệ (stop bits must be One or Two).");
        }

        if (!Enum.IsDefined(Handshake))
        {
            errors.Add($"{keyPrefix}Handshake: giá trị '{Handshake}' không hợp lệ (handshake must be None, RequestToSend or XOnXOff).");
        }

        CheckTimeout(errors, keyPrefix + nameof(ReadTimeout), ReadTimeout);
        CheckTimeout(errors, keyPrefix + nameof(WriteTimeout), WriteTimeout);
        return errors;
    }

    /// <exception cref="ArgumentException">The settings are invalid; the message lists every problem.</exception>
    public void ThrowIfInvalid(string keyPrefix = "")
    {
        var errors = Validate(keyPrefix);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors));
        }
    }

    private static void CheckTimeout(List<string> errors, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > MaxTimeout)
        {
            errors.Add($"{key}: thời gian chờ {value} không hợp lệ, phải lớn hơn 0 và không quá {MaxTimeout.TotalMinutes:0} phút (timeout must be positive and at most {MaxTimeout}).");
        }
    }
}
