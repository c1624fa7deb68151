namespace QueueKiosk.Devices.EscPos;

/// <summary>What a printer reports about itself. Several flags can hold at once.</summary>
[Flags]
public enum PrinterStatus
{
    None = 0,
    Online = 1 << 0,
    PaperNearEnd = 1 << 1,
    PaperOut = 1 << 2,
    CoverOpen = 1 << 3,
    Offline = 1 << 4,
    Error = 1 << 5,

    /// <summary>Set by transports when the link is gone; never derived from reply bytes.</summary>
    Disconnected = 1 << 6,
}

/// <summary>
/// Parses the one-byte replies to DLE EOT n (hardware-docs/printers.md). Every reply has the fixed pattern
/// 0xx1xx10 (bit 1 and bit 4 set, bits 0 and 7 clear), which tells it apart from other bytes a
/// printer may send, such as Automatic Status Back (first byte bit 1 = 0).
/// </summary>
public static class PrinterStatusBits
{
    private const byte FixedBitsMask = 0b1001_0011;
    private const byte FixedBitsValue = 0b0001_0010;

    private const byte PrinterOfflineBit = 1 << 3;
    private const byte CoverOpenBit = 1 << 2;
    private const byte StoppedAtPaperEndBit = 1 << 5;
    private const byte ErrorOccurredBit = 1 << 6;
    private const byte AutocutterErrorBit = 1 << 3;
    private const byte UnrecoverableErrorBit = 1 << 5;
    private const byte AutoRecoverableErrorBit = 1 << 6;
    private const byte PaperNearEndBits = (1 << 2) | (1 << 3);
    private const byte PaperEndBits = (1 << 5) | (1 << 6);

    public static bool IsStatusReply(byte reply) => (reply & FixedBitsMask) == FixedBitsValue;

    /// <summary>The flags one reply byte carries; throws <see cref="FormatException"/> if it is not a status reply.</summary>
    public static PrinterStatus Parse(StatusRequest request, byte reply)
    {
        if (!TryParse(request, reply, out var status))
        {
            throw new FormatException($"0x{reply:X2} is not a DLE EOT {(byte)request} status reply (expected bit pattern 0xx1xx10).");
        }

        return status;
    }

    public static bool TryParse(StatusRequest request, byte reply, out PrinterStatus status)
    {
        status = PrinterStatus.None;
        if (!IsStatusReply(reply))
        {
            return false;
        }

        status = request switch
        {
            StatusRequest.Printer => Has(reply, PrinterOfflineBit) ? PrinterStatus.Offline : PrinterStatus.Online,
            StatusRequest.OfflineCause =>
                (Has(reply, CoverOpenBit) ? PrinterStatus.CoverOpen : PrinterStatus.None)
                | (Has(reply, StoppedAtPaperEndBit) ? PrinterStatus.PaperOut : PrinterStatus.None)
                | (Has(reply, ErrorOccurredBit) ? PrinterStatus.Error : PrinterStatus.None),
            StatusRequest.ErrorCause =>
                Has(reply, AutocutterErrorBit | UnrecoverableErrorBit | AutoRecoverableErrorBit) ? PrinterStatus.Error : PrinterStatus.None,
            StatusRequest.PaperSensor =>
                (Has(reply, PaperNearEndBits) ? PrinterStatus.PaperNearEnd : PrinterStatus.None)
                | (Has(reply, PaperEndBits) ? PrinterStatus.PaperOut : PrinterStatus.None),
            _ => throw new ArgumentOutOfRangeException(nameof(request), request, null),
        };
        return true;
    }

    /// <summary>
    /// Combines replies to several requests into one status. Online is kept only when nothing
    /// stops printing (offline, paper out, cover open, error).
    /// </summary>
    public static PrinterStatus Combine(IEnumerable<(StatusRequest Request, byte Reply)> replies)
    {
        ArgumentNullException.ThrowIfNull(replies);
        var status = PrinterStatus.None;
        foreach (var (request, reply) in replies)
        {
            status |= Parse(request, reply);
        }

        const PrinterStatus blocking = PrinterStatus.Offline | PrinterStatus.PaperOut | PrinterStatus.CoverOpen | PrinterStatus.Error;
        if ((status & blocking) != 0)
        {
            status &= ~PrinterStatus.Online;
        }

        return status;
    }

    private static bool Has(byte reply, byte bits) => (reply & bits) != 0;
}
