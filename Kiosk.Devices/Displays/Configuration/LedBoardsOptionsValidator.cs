using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Displays.Framed;
using QueueKiosk.Devices.Displays.Modbus;

namespace QueueKiosk.Devices.Displays.Configuration;

/// <summary>Checks "LedBoards" on start; every message starts with the key at fault.</summary>
public sealed class LedBoardsOptionsValidator : IValidateOptions<LedBoardsOptions>
{
    private const string Section = LedBoardsOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, LedBoardsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = Validate(options, checkPortExists: true);
        return errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(errors);
    }

    /// <param name="checkPortExists">False to skip the check that the port device exists (tests, simulated lines).</param>
    public static IReadOnlyList<string> Validate(LedBoardsOptions options, bool checkPortExists)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = new List<string>();
        if (options.Boards.Count == 0)
        {
            return errors; // no LED boards at this site: nothing to open
        }

        var portErrors = options.Port.ToSerialPortSettings().Validate($"{Section}:Port:");
        errors.AddRange(checkPortExists ? portErrors : portErrors.Where(e => !e.Contains("serial port not found", StringComparison.Ordinal)));
        if (!Enum.TryParse<Serial.SerialParity>(options.Port.Parity, ignoreCase: true, out _) || int.TryParse(options.Port.Parity, out _))
        {
            errors.Add($"{Section}:Port:Parity: '{options.Port.Parity}' không hợp lệ, dùng None, Odd hoặc Even (parity must be None, Odd or Even).");
        }

        if (!Enum.TryParse<Serial.SerialStopBits>(options.Port.StopBits, ignoreCase: true, out _) || int.TryParse(options.Port.StopBits, out _))
        {
            errors.Add($"{Section}:Port:StopBits: '{options.Port.StopBits}' không hợp lệ, dùng One hoặc Two (stop bits must be One or Two).");
        }

        if (options.ResponseTimeoutMs is < 10 or > 10_000)
        {
            errors.Add($"{Section}:ResponseTimeoutMs: phải từ 10 đến 10000 ms (must be 10..10000 ms).");
        }

        if (options.InterFrameGapMs is < 0 or > 1000)
        {
            errors.Add($"{Section}:InterFrameGapMs: phải từ 0 đến 1000 ms (must be 0..1000 ms).");
        }

        if (options.Retries is < 0 or > 5)
        {
            errors.Add($"{Section}:Retries: phải từ 0 đến 5 (must be 0..5).");
        }

        var addresses = new HashSet<int>();
        var counters = new HashSet<int>();
        for (var i = 0; i < options.Boards.Count; i++)
        {
            var board = options.Boards[i];
            var key = $"{Section}:Boards:{i}";
            if (board.CounterNumber < 1)
            {
                errors.Add($"{key}:CounterNumber: số quầy phải từ 1 (counter number must be 1 or more).");
            }
            else if (!counters.Add(board.CounterNumber))
            {
                errors.Add($"{key}:CounterNumber: quầy {board.CounterNumber} đã có bảng LED khác (another board already serves counter {board.CounterNumber}).");
            }

            if (!Enum.TryParse<LedProtocol>(board.Protocol, ignoreCase: true, out var protocol) || int.TryParse(board.Protocol, out _))
            {
                errors.Add($"{key}:Protocol: '{board.Protocol}' không hợp lệ, dùng ModbusRtu hoặc Framed (protocol must be ModbusRtu or Framed).");
            }
            else
            {
                var (min, max) = protocol == LedProtocol.ModbusRtu ? (ModbusRtu.MinUnit, ModbusRtu.MaxUnit) : (FramedLedProtocol.MinAddress, FramedLedProtocol.MaxAddress);
                if (board.Address < min || board.Address > max)
                {
                    errors.Add($"{key}:Address: địa chỉ {board.Address} ngoài khoảng {min}..{max} của {protocol} (address must be {min}..{max}).");
                }
                else if (!addresses.Add(board.Address))
                {
                    errors.Add($"{key}:Address: địa chỉ {board.Address} bị trùng trên cùng đường RS-485 (duplicate address on the line).");
                }

                if (protocol == LedProtocol.ModbusRtu)
                {
                    ValidateModbus(board, $"{key}:Modbus", errors);
                }
            }

            if (board.Digits is < DisplayFormat.MinDigits or > DisplayFormat.MaxDigits)
            {
                errors.Add($"{key}:Digits: số chữ số phải từ {DisplayFormat.MinDigits} đến {DisplayFormat.MaxDigits} (digits must be {DisplayFormat.MinDigits}..{DisplayFormat.MaxDigits}).");
            }

            if (!Enum.TryParse<BlankStyle>(board.Blank, ignoreCase: true, out _) || int.TryParse(board.Blank, out _))
            {
                errors.Add($"{key}:Blank: '{board.Blank}' không hợp lệ, dùng Dark hoặc Dashes (blank must be Dark or Dashes).");
            }
        }

        return errors;
    }

    private static void ValidateModbus(LedBoardOptions board, string key, List<string> errors)
    {
        var modbus = board.Modbus;
        if (!Enum.TryParse<ModbusBoardMode>(modbus.Mode, ignoreCase: true, out var mode) || int.TryParse(modbus.Mode, out _))
        {
            errors.Add($"{key}:Mode: '{modbus.Mode}' không hợp lệ, dùng Register hoặc Segments (mode must be Register or Segments).");
        }
        else if (mode == ModbusBoardMode.Segments && board.Digits > ModbusRtu.MaxRegistersPerWrite)
        {
            errors.Add($"{key}:Mode: quá nhiều chữ số cho FC16 (too many digits for one FC16 write).");
        }

        CheckRegister(modbus.NumberRegister, "NumberRegister");
        CheckRegister(modbus.SegmentRegister, "SegmentRegister");
        if (modbus.BrightnessRegister is { } brightness)
        {
            CheckRegister(brightness, "BrightnessRegister");
        }

        CheckRegister(modbus.BlankValue, "BlankValue");

        void CheckRegister(int value, string name)
        {
            if (value is < 0 or > ushort.MaxValue)
            {
                errors.Add($"{key}:{name}: {value} ngoài khoảng 0..65535 (must be 0..65535).");
            }
        }
    }
}
