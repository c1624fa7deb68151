using System.Text;
using static QueueKiosk.Devices.EscPos.EscPosBytes;

namespace QueueKiosk.Devices.EscPos;

/// <summary>
/// Pure ESC/POS emitters: every method returns the exact bytes of one command (hardware-docs/printers.md) and
/// does no I/O. Arguments outside what the printer accepts throw, so a bad ticket never reaches paper.
/// </summary>
public static class EscPosCommands
{
    /// <summary>Default rows per GS v 0 command; some clones drop images taller than a few hundred rows.</summary>
    public const int DefaultMaxRasterRowsPerBand = 128;

    /// <summary>GS ( k store takes at most 7089 data bytes (QR version 40, numeric).</summary>
    public const int MaxQrDataLength = 7089;

    public static byte[] Initialize() => [Esc, InitializeLetter];

    public static byte[] SelectCodeTable(byte table) => [Esc, CodeTableLetter, table];

    /// <summary>FS .: leaves Chinese double-byte mode that some clones start in.</summary>
    public static byte[] CancelKanjiMode() => [Fs, CancelKanjiLetter];

    public static byte[] SetJustification(Justification justification) => [Esc, JustificationLetter, (byte)justification];

    public static byte[] SetBold(bool on) => [Esc, BoldLetter, on ? (byte)1 : (byte)0];

    /// <summary>GS ! n with width and height multipliers 1..8.</summary>
    public static byte[] SetCharacterSize(int widthMultiplier, int heightMultiplier)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(widthMultiplier, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(widthMultiplier, 8);
        ArgumentOutOfRangeException.ThrowIfLessThan(heightMultiplier, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(heightMultiplier, 8);
        return [Gs, CharacterSizeLetter, (byte)(((widthMultiplier - 1) << 4) | (heightMultiplier - 1))];
    }

    public static byte[] LineFeed() => [EscPosBytes.LineFeed];

    /// <summary>ESC d n: prints the buffer and feeds n lines (0..255).</summary>
    public static byte[] FeedLines(int lines) => [Esc, FeedLinesLetter, ToByte(lines, nameof(lines))];

    /// <summary>ESC J n: prints the buffer and feeds n dots (0..255); how raster tickets make blank space.</summary>
    public static byte[] FeedDots(int dots) => [Esc, FeedDotsLetter, ToByte(dots, nameof(dots))];

    /// <summary>
    /// GS v 0 (normal density) for the whole bitmap, split into bands of at most
    /// <paramref name="maxRowsPerBand"/> rows because some models cap the rows of one command.
    /// </summary>
    public static byte[] RasterImage(MonoBitmap bitmap, int maxRowsPerBand = DefaultMaxRasterRowsPerBand)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxRowsPerBand, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitmap.RowBytes, 0xFFFF);
        if (bitmap.Width == 0 || bitmap.Height == 0)
        {
            return [];
        }

        var bands = (bitmap.Height + maxRowsPerBand - 1) / maxRowsPerBand;
        var result = new byte[(bands * 8) + bitmap.Data.Length];
        var offset = 0;
        for (var top = 0; top < bitmap.Height; top += maxRowsPerBand)
        {
            var rows = Math.Min(maxRowsPerBand, bitmap.Height - top);
            result[offset++] = Gs;
            result[offset++] = RasterLetter;
            result[offset++] = RasterFunction;
            result[offset++] = 0; // m = 0: normal width and height
            result[offset++] = (byte)(bitmap.RowBytes & 0xFF);
            result[offset++] = (byte)(bitmap.RowBytes >> 8);
            result[offset++] = (byte)(rows & 0xFF);
            result[offset++] = (byte)(rows >> 8);
            var data = bitmap.Data.Slice(top * bitmap.RowBytes, rows * bitmap.RowBytes);
            data.CopyTo(result.AsSpan(offset));
            offset += data.Length;
        }

        return result;
    }

    public static byte[] QrSelectModel(QrModel model) =>
        [Gs, OpenParenthesis, SymbolLetter, 4, 0, QrCodeSymbol, QrFunctionModel, (byte)model, 0];

    /// <summary>Module (dot) size of one QR cell, 1..16.</summary>
    public static byte[] QrModuleSize(int dots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dots, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dots, 16);
        return [Gs, OpenParenthesis, SymbolLetter, 3, 0, QrCodeSymbol, QrFunctionModuleSize, (byte)dots];
    }

    public static byte[] QrErrorCorrectionLevel(QrErrorCorrection level) =>
        [Gs, OpenParenthesis, SymbolLetter, 3, 0, QrCodeSymbol, QrFunctionErrorCorrection, (byte)level];

    /// <summary>Stores the symbol data; pL + 256 pH = data length + 3.</summary>
    public static byte[] QrStore(ReadOnlySpan<byte> data)
    {
        if (data.Length is 0 or > MaxQrDataLength)
        {
            throw new ArgumentOutOfRangeException(nameof(data), data.Length, $"QR data must be 1..{MaxQrDataLength} bytes.");
        }

        var parameterLength = data.Length + 3;
        var result = new byte[8 + data.Length];
        result[0] = Gs;
        result[1] = OpenParenthesis;
        result[2] = SymbolLetter;
        result[3] = (byte)(parameterLength & 0xFF);
        result[4] = (byte)(parameterLength >> 8);
        result[5] = QrCodeSymbol;
        result[6] = QrFunctionStore;
        result[7] = QrStoreOrPrintParameter;
        data.CopyTo(result.AsSpan(8));
        return result;
    }

    public static byte[] QrPrint() =>
        [Gs, OpenParenthesis, SymbolLetter, 3, 0, QrCodeSymbol, QrFunctionPrint, QrStoreOrPrintParameter];

    /// <summary>Model 2, size, error level, store (UTF-8) and print: the whole QR sequence.</summary>
    public static byte[] QrCode(string data, int moduleSize, QrErrorCorrection level)
    {
        ArgumentNullException.ThrowIfNull(data);
        return [
            .. QrSelectModel(QrModel.Model2),
            .. QrModuleSize(moduleSize),
            .. QrErrorCorrectionLevel(level),
            .. QrStore(Encoding.UTF8.GetBytes(data)),
            .. QrPrint(),
        ];
    }

    /// <summary>GS h n: barcode height in dots, 1..255.</summary>
    public static byte[] BarcodeHeight(int dots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dots, 1);
        return [Gs, BarcodeHeightLetter, ToByte(dots, nameof(dots))];
    }

    /// <summary>GS w n: module width 2..6 dots.</summary>
    public static byte[] BarcodeModuleWidth(int dots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dots, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dots, 6);
        return [Gs, BarcodeWidthLetter, (byte)dots];
    }

    public static byte[] BarcodeTextPosition(BarcodeTextPosition position) => [Gs, BarcodeTextPositionLetter, (byte)position];

    /// <summary>
    /// GS k 73 n {B data: CODE128 in code set B (printable ASCII). A '{' in the data is sent as
    /// "{{" because '{' starts a code set switch.
    /// </summary>
    public static byte[] Code128(string data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var body = new List<byte>(data.Length + 2) { Code128SetPrefix, Code128SetB };
        foreach (var c in data)
        {
            if (c is < ' ' or > '~')
            {
                throw new ArgumentException($"CODE128 set B takes printable ASCII only; got U+{(int)c:X4}.", nameof(data));
            }

            body.Add((byte)c);
            if (c == '{')
            {
                body.Add((byte)'{');
            }
        }

        if (data.Length == 0 || body.Count > 255)
        {
            throw new ArgumentException("CODE128 data must be 1..253 characters.", nameof(data));
        }

        return [Gs, EscPosBytes.BarcodeLetter, BarcodeCode128, (byte)body.Count, .. body];
    }

    public static byte[] Cut(CutMode mode, int feedDots = 0) => mode switch
    {
        CutMode.Full => [Gs, CutLetter, CutFull],
        CutMode.Partial => [Gs, CutLetter, CutPartial],
        CutMode.FeedThenPartial => [Gs, CutLetter, CutFeedThenPartial, ToByte(feedDots, nameof(feedDots))],
        CutMode.FeedThenFull => [Gs, CutLetter, CutFeedThenFull, ToByte(feedDots, nameof(feedDots))],
        _ => throw new ArgumentOutOfRangeException(nameof(mode), mode, null),
    };

    /// <summary>DLE EOT n: real-time status; never send it inside image data.</summary>
    public static byte[] RequestStatus(StatusRequest request) => [Dle, Eot, (byte)request];

    private static byte ToByte(int value, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(value, name);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 255, name);
        return (byte)value;
    }
}
