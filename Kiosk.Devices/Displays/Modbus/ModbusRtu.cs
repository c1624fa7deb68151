using System.Buffers.Binary;

namespace QueueKiosk.Devices.Displays.Modbus;

/// <summary>A decoded request, as a board (or the virtual board) sees it.</summary>
/// <param name="Unit">Unit address 1..247 (0 = broadcast).</param>
/// <param name="Function">0x06 or 0x10.</param>
/// <param name="StartRegister">The register written (FC06) or the first one (FC16).</param>
/// <param name="Values">One value for FC06, the written values for FC16.</param>
public sealed record ModbusWriteRequest(byte Unit, byte Function, ushort StartRegister, IReadOnlyList<ushort> Values);

/// <summary>What <see cref="ModbusRtu.TryParseRequest"/> found at the start of a buffer.</summary>
public enum ModbusParseStatus
{
    /// <summary>Not enough bytes yet.</summary>
    NeedMoreData,

    /// <summary>A complete frame with a valid CRC.</summary>
    Frame,

    /// <summary>A complete frame whose CRC is wrong: a board stays silent.</summary>
    BadCrc,

    /// <summary>A function code this parser does not know: the frame length cannot be told.</summary>
    UnknownFunction,
}

/// <summary>
/// Modbus RTU frames for LED boards (pure: bytes in, bytes out). Only the two write functions a
/// counter board needs: FC06 write single register, FC16 write multiple registers.
/// </summary>
public static class ModbusRtu
{
    public const byte WriteSingleRegister = 0x06;
    public const byte WriteMultipleRegisters = 0x10;
    public const byte ExceptionFlag = 0x80;
    public const byte MinUnit = 1;
    public const byte MaxUnit = 247;

    /// <summary>FC16 may carry at most 123 registers (a 256-byte RTU frame).</summary>
    public const int MaxRegistersPerWrite = 123;

    /// <summary>Length of an exception response: unit, fc|0x80, code, CRC.</summary>
    public const int ExceptionResponseLength = 5;

    /// <summary>Length of the FC06 and FC16 normal responses.</summary>
    public const int WriteResponseLength = 8;

    /// <summary>unit, 06, register hi/lo, value hi/lo, CRC lo/hi.</summary>
    public static byte[] BuildWriteSingleRegister(byte unit, ushort register, ushort value)
    {
        var frame = new byte[8];
        frame[0] = unit;
        frame[1] = WriteSingleRegister;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), register);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), value);
        Crc16Modbus.Write(frame.AsSpan(0, 6), frame.AsSpan(6));
        return frame;
    }

    /// <summary>unit, 10, start hi/lo, count hi/lo, byte count, values (big endian), CRC lo/hi.</summary>
    public static byte[] BuildWriteMultipleRegisters(byte unit, ushort startRegister, ReadOnlySpan<ushort> values)
    {
        if (values.Length is < 1 or > MaxRegistersPerWrite)
        {
            throw new ArgumentOutOfRangeException(nameof(values), values.Length, $"FC16 writes 1..{MaxRegistersPerWrite} registers");
        }

        var frame = new byte[9 + (values.Length * 2)];
        frame[0] = unit;
        frame[1] = WriteMultipleRegisters;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), startRegister);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), (ushort)values.Length);
        frame[6] = (byte)(values.Length * 2);
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(7 + (i * 2)), values[i]);
        }

        Crc16Modbus.Write(frame.AsSpan(0, frame.Length - 2), frame.AsSpan(frame.Length - 2));
        return frame;
    }

    /// <summary>
    /// How long the response will be, judged from what arrived so far: an exception response is
    /// 5 bytes, a write response 8. Before the function byte is in, the shorter length is assumed.
    /// </summary>
    public static int ExpectedResponseLength(ReadOnlySpan<byte> received) =>
        received.Length < 2 || (received[1] & ExceptionFlag) != 0 ? ExceptionResponseLength : WriteResponseLength;

    /// <summary>
    /// Checks a board's answer to <paramref name="request"/>: CRC, unit, then an exception response
    /// (throws <see cref="ModbusExceptionResponseException"/>) or the expected echo.
    /// </summary>
    public static void CheckResponse(ReadOnlySpan<byte> request, ReadOnlySpan<byte> response, string boardName)
    {
        if (!Crc16Modbus.IsValid(response))
        {
            throw new LedBoardException(boardName, $"Bảng LED {boardName}: CRC của phản hồi sai ({Convert.ToHexString(response)}) / LED board {boardName}: response CRC mismatch") { IsTransient = true };
        }

        if (response[0] != request[0])
        {
            throw new LedBoardException(boardName, $"Bảng LED {boardName}: phản hồi từ địa chỉ {response[0]}, chờ địa chỉ {request[0]} / LED board {boardName}: answer came from unit {response[0]}, expected {request[0]}") { IsTransient = true };
        }

        if (response[1] == (request[1] | ExceptionFlag) && response.Length == ExceptionResponseLength)
        {
            throw new ModbusExceptionResponseException(boardName, request[1], response[2]);
        }

        // FC06 answers with an echo; FC16 with unit, function, start and count, which are also
        // the request's first six bytes.
        if (response.Length != WriteResponseLength || !response[..6].SequenceEqual(request[..6]))
        {
            throw new LedBoardException(boardName, $"Bảng LED {boardName}: phản hồi không khớp lệnh ({Convert.ToHexString(response)}) / LED board {boardName}: response does not match the request") { IsTransient = true };
        }
    }

    /// <summary>The normal response a board sends to a valid write request (FC06: echo; FC16: unit, fc, start, count).</summary>
    public static byte[] BuildWriteResponse(ModbusWriteRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var frame = new byte[8];
        frame[0] = request.Unit;
        frame[1] = request.Function;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), request.StartRegister);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(4), request.Function == WriteSingleRegister ? request.Values[0] : (ushort)request.Values.Count);
        Crc16Modbus.Write(frame.AsSpan(0, 6), frame.AsSpan(6));
        return frame;
    }

    public static byte[] BuildExceptionResponse(byte unit, byte function, byte exceptionCode)
    {
        var frame = new byte[] { unit, (byte)(function | ExceptionFlag), exceptionCode, 0, 0 };
        Crc16Modbus.Write(frame.AsSpan(0, 3), frame.AsSpan(3));
        return frame;
    }

    /// <summary>
    /// Parses one write request at the start of <paramref name="buffer"/> (board side). On
    /// <see cref="ModbusParseStatus.Frame"/> and <see cref="ModbusParseStatus.BadCrc"/>,
    /// <paramref name="consumed"/> is the frame length to drop.
    /// </summary>
    public static ModbusParseStatus TryParseRequest(ReadOnlySpan<byte> buffer, out ModbusWriteRequest? request, out int consumed)
    {
        request = null;
        consumed = 0;
        if (buffer.Length < 2)
        {
            return ModbusParseStatus.NeedMoreData;
        }

        int length;
        switch (buffer[1])
        {
            case WriteSingleRegister:
                length = 8;
                break;
            case WriteMultipleRegisters:
                if (buffer.Length < 7)
                {
                    return ModbusParseStatus.NeedMoreData;
                }

                length = 9 + buffer[6];
                break;
            default:
                return ModbusParseStatus.UnknownFunction;
        }

        if (buffer.Length < length)
        {
            return ModbusParseStatus.NeedMoreData;
        }

        consumed = length;
        var frame = buffer[..length];
        if (!Crc16Modbus.IsValid(frame))
        {
            return ModbusParseStatus.BadCrc;
        }

        var start = BinaryPrimitives.ReadUInt16BigEndian(frame[2..]);
        if (frame[1] == WriteSingleRegister)
        {
            request = new ModbusWriteRequest(frame[0], frame[1], start, [BinaryPrimitives.ReadUInt16BigEndian(frame[4..])]);
        }
        else
        {
            var values = new ushort[frame[6] / 2];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = BinaryPrimitives.ReadUInt16BigEndian(frame[(7 + (i * 2))..]);
            }

            request = new ModbusWriteRequest(frame[0], frame[1], start, values);
        }

        return ModbusParseStatus.Frame;
    }
}
