using QueueKiosk.Devices.Serial;

namespace QueueKiosk.Devices.Displays.Configuration;

/// <summary>
/// Configuration section "LedBoards": one RS-485 line and the boards on it
/// (hardware-docs/displays.md has an example).
/// </summary>
public sealed class LedBoardsOptions
{
    public const string SectionName = "LedBoards";

    public LedPortOptions Port { get; set; } = new();

    /// <summary>How long a board may take to answer (ms).</summary>
    public int ResponseTimeoutMs { get; set; } = 500;

    /// <summary>Silence between frames (ms); Modbus RTU needs 3.5 characters, 4 ms at 9600 baud.</summary>
    public int InterFrameGapMs { get; set; } = 5;

    /// <summary>Resends after a timeout or a corrupt reply.</summary>
    public int Retries { get; set; } = 1;

    public List<LedBoardOptions> Boards { get; set; } = [];

    public LedBusTiming ToTiming() => new()
    {
        ResponseTimeout = TimeSpan.FromMilliseconds(ResponseTimeoutMs),
        InterFrameGap = TimeSpan.FromMilliseconds(InterFrameGapMs),
    };
}

/// <summary>"LedBoards:Port": the serial port of the USB-RS485 adapter.</summary>
public sealed class LedPortOptions
{
    public string PortName { get; set; } = string.Empty;

    public int BaudRate { get; set; } = 9600;

    public int DataBits { get; set; } = 8;

    /// <summary>None, Odd or Even.</summary>
    public string Parity { get; set; } = nameof(SerialParity.None);

    /// <summary>One or Two.</summary>
    public string StopBits { get; set; } = nameof(SerialStopBits.One);

    public SerialPortSettings ToSerialPortSettings() => new(PortName)
    {
        BaudRate = BaudRate,
        DataBits = DataBits,
        Parity = Enum.TryParse<SerialParity>(Parity, ignoreCase: true, out var parity) ? parity : SerialParity.None, // a bad value is reported by the validator
        StopBits = Enum.TryParse<SerialStopBits>(StopBits, ignoreCase: true, out var stopBits) ? stopBits : SerialStopBits.One,
    };
}

/// <summary>"LedBoards:Boards:N": one board over one counter.</summary>
public sealed class LedBoardOptions
{
    /// <summary>The counter (quầy) whose number this board shows.</summary>
    public int CounterNumber { get; set; }

    /// <summary>ModbusRtu or Framed.</summary>
    public string Protocol { get; set; } = nameof(LedProtocol.ModbusRtu);

    /// <summary>Bus address: 1..247 for Modbus RTU, 1..254 for the framed protocol.</summary>
    public int Address { get; set; }

    /// <summary>Digits on the board: 3 or 4 on the boards sold here (1..8 accepted).</summary>
    public int Digits { get; set; } = 4;

    public bool LeadingZeros { get; set; } = true;

    /// <summary>Dark or Dashes.</summary>
    public string Blank { get; set; } = nameof(BlankStyle.Dark);

    public ModbusBoardOptions Modbus { get; set; } = new();

    public LedProtocol ParsedProtocol => Enum.Parse<LedProtocol>(Protocol, ignoreCase: true);

    public DisplayFormat ToDisplayFormat() => new(Digits, LeadingZeros, Enum.Parse<BlankStyle>(Blank, ignoreCase: true));
}

/// <summary>"LedBoards:Boards:N:Modbus": the register map (no standard: check the board's manual).</summary>
public sealed class ModbusBoardOptions
{
    /// <summary>Register (FC06 number) or Segments (FC16 raw seven-segment patterns).</summary>
    public string Mode { get; set; } = "Register";

    public int NumberRegister { get; set; }

    public int SegmentRegister { get; set; }

    public int? BrightnessRegister { get; set; }

    public int BlankValue { get; set; } = 0xFFFF;

    public Modbus.ModbusRegisterMap ToRegisterMap() => new()
    {
        Mode = Enum.Parse<Modbus.ModbusBoardMode>(Mode, ignoreCase: true),
        NumberRegister = (ushort)NumberRegister,
        SegmentRegister = (ushort)SegmentRegister,
        BrightnessRegister = BrightnessRegister is { } b ? (ushort)b : null,
        BlankValue = (ushort)BlankValue,
    };
}

public enum LedProtocol
{
    ModbusRtu,
    Framed,
}
