namespace QueueKiosk.Devices.Displays.Modbus;

/// <summary>How a Modbus board takes what to show.</summary>
public enum ModbusBoardMode
{
    /// <summary>FC06: the number as a binary value in one register; the board draws the digits itself.</summary>
    Register,

    /// <summary>FC16: one register per digit, left to right, holding a <see cref="SevenSegment"/> pattern.</summary>
    Segments,
}

/// <summary>Register map of a Modbus board. No standard exists: confirm on each board model.</summary>
public sealed record ModbusRegisterMap
{
    public ModbusBoardMode Mode { get; init; } = ModbusBoardMode.Register;

    /// <summary>Register that takes the number (FC06), register 0 on the common boards.</summary>
    public ushort NumberRegister { get; init; }

    /// <summary>First of the per-digit segment registers (FC16).</summary>
    public ushort SegmentRegister { get; init; }

    /// <summary>Register for brightness 0..9, when the board has one.</summary>
    public ushort? BrightnessRegister { get; init; }

    /// <summary>Value written to <see cref="NumberRegister"/> to blank a board in Register mode.</summary>
    public ushort BlankValue { get; init; } = 0xFFFF;
}

/// <summary>An LED counter board speaking Modbus RTU (FC06/FC16) on a shared <see cref="LedBus"/>.</summary>
public sealed class ModbusCounterBoard : ICounterBoard
{
    private readonly LedBus _bus;
    private readonly byte _unit;
    private readonly int _retries;

    public ModbusCounterBoard(LedBus bus, byte unit, DisplayFormat format, ModbusRegisterMap? registers = null, string? name = null, int retries = 1)
    {
        ArgumentNullException.ThrowIfNull(bus);
        ArgumentNullException.ThrowIfNull(format);
        if (unit is < ModbusRtu.MinUnit or > ModbusRtu.MaxUnit)
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, $"Modbus unit address must be {ModbusRtu.MinUnit}..{ModbusRtu.MaxUnit}");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(retries);
        _bus = bus;
        _unit = unit;
        _retries = retries;
        Format = format;
        Registers = registers ?? new ModbusRegisterMap();
        Name = name ?? $"Modbus RTU địa chỉ {unit}";
    }

    public string Name { get; }

    public DisplayFormat Format { get; }

    public ModbusRegisterMap Registers { get; }

    public Task ShowNumberAsync(int number, CancellationToken cancellationToken = default) =>
        ShowTextAsync(BoardText.FormatNumber(number, Format), cancellationToken);

    /// <summary>
    /// Shows a ticket text. In Register mode the board can only draw a number, so a letter
    /// prefix is dropped ("A015" shows 15); in Segments mode the text is shown as laid out.
    /// </summary>
    public Task ShowTextAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (Registers.Mode == ModbusBoardMode.Register)
        {
            text = string.Concat(text.Trim().SkipWhile(c => !char.IsAsciiDigit(c)));
        }

        var laidOut = BoardText.FormatText(text, Format);
        return SendAsync(BuildShow(laidOut), cancellationToken);
    }

    public Task BlankAsync(CancellationToken cancellationToken = default) =>
        SendAsync(
            Registers.Mode == ModbusBoardMode.Register
                ? ModbusRtu.BuildWriteSingleRegister(_unit, Registers.NumberRegister, Registers.BlankValue)
                : BuildShow(BoardText.BlankText(Format)),
            cancellationToken);

    public Task SetBrightnessAsync(int level, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 9);
        if (Registers.BrightnessRegister is not { } register)
        {
            throw new NotSupportedException($"Bảng LED {Name} không có thanh ghi độ sáng / LED board {Name} has no brightness register configured");
        }

        return SendAsync(ModbusRtu.BuildWriteSingleRegister(_unit, register, (ushort)level), cancellationToken);
    }

    /// <summary>The frame that shows <paramref name="laidOutText"/> (already padded to the digit count).</summary>
    internal byte[] BuildShow(string laidOutText)
    {
        if (Registers.Mode == ModbusBoardMode.Segments)
        {
            var patterns = SevenSegment.Encode(laidOutText);
            var values = new ushort[patterns.Length];
            for (var i = 0; i < patterns.Length; i++)
            {
                values[i] = patterns[i];
            }

            return ModbusRtu.BuildWriteMultipleRegisters(_unit, Registers.SegmentRegister, values);
        }

        var digits = laidOutText.Trim();
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            throw new ArgumentException($"Bảng LED {Name} (chế độ thanh ghi số) chỉ hiện chữ số, không hiện \"{laidOutText.Trim()}\"; dùng Mode=Segments / LED board {Name} in Register mode shows digits only", nameof(laidOutText));
        }

        return ModbusRtu.BuildWriteSingleRegister(_unit, Registers.NumberRegister, ushort.Parse(digits, System.Globalization.CultureInfo.InvariantCulture));
    }

    private Task SendAsync(byte[] request, CancellationToken cancellationToken) =>
        LedExchange.WithRetriesAsync(
            _retries,
            async ct =>
            {
                var response = await _bus.ExchangeAsync(request, ModbusRtu.ExpectedResponseLength, Name, ct);
                ModbusRtu.CheckResponse(request, response, Name);
            },
            cancellationToken);
}
