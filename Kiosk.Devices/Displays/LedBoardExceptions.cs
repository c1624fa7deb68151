namespace QueueKiosk.Devices.Displays;

/// <summary>
/// A board answered, but wrongly: bad checksum, a NAK, a Modbus exception, a reply from another
/// address. An IOException, as dotnet/iot does for corrupt serial replies.
/// </summary>
public class LedBoardException : IOException
{
    public LedBoardException(string boardName, string message, Exception? inner = null)
        : base(message, inner)
    {
        BoardName = boardName;
    }

    public string BoardName { get; }

    /// <summary>Whether sending the same frame again may help (noise on the line), as opposed to a refusal.</summary>
    public bool IsTransient { get; init; }
}

/// <summary>A Modbus exception response (function code | 0x80, exception code).</summary>
public sealed class ModbusExceptionResponseException : LedBoardException
{
    public ModbusExceptionResponseException(string boardName, byte functionCode, byte exceptionCode)
        : base(boardName, $"Bảng LED {boardName} từ chối lệnh Modbus 0x{functionCode:X2}: mã lỗi {exceptionCode} ({Describe(exceptionCode)}) / " +
              $"LED board {boardName} rejected Modbus function 0x{functionCode:X2} with exception {exceptionCode} ({Describe(exceptionCode)})")
    {
        FunctionCode = functionCode;
        ExceptionCode = exceptionCode;
    }

    public byte FunctionCode { get; }

    public byte ExceptionCode { get; }

    public static string Describe(byte exceptionCode) => exceptionCode switch
    {
        1 => "illegal function",
        2 => "illegal data address",
        3 => "illegal data value",
        4 => "server device failure",
        5 => "acknowledge",
        6 => "server device busy",
        _ => "unknown exception code",
    };
}

/// <summary>The board did not answer within the response timeout. Never a hang.</summary>
public sealed class LedBoardTimeoutException : TimeoutException
{
    public LedBoardTimeoutException(string boardName, TimeSpan timeout, int bytesReceived)
        : base($"Bảng LED {boardName} không trả lời trong {timeout.TotalMilliseconds:0} ms (nhận {bytesReceived} byte) / " +
               $"LED board {boardName} did not answer within {timeout.TotalMilliseconds:0} ms ({bytesReceived} bytes received)")
    {
        BoardName = boardName;
    }

    public string BoardName { get; }
}
