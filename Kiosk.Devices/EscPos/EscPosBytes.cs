namespace QueueKiosk.Devices.EscPos;

/// <summary>
/// The control bytes and command letters of ESC/POS (hardware-docs/printers.md). Callers use these names, never
/// the raw numbers, so a reader can match every byte to the Epson reference.
/// </summary>
public static class EscPosBytes
{
    public const byte Eot = 0x04;
    public const byte LineFeed = 0x0A;
    public const byte CarriageReturn = 0x0D;
    public const byte Dle = 0x10;
    public const byte Esc = 0x1B;
    public const byte Fs = 0x1C;
    public const byte Gs = 0x1D;

    /// <summary>ESC @: initialise the printer.</summary>
    public const byte InitializeLetter = (byte)'@';

    /// <summary>ESC t n: select character code table.</summary>
    public const byte CodeTableLetter = (byte)'t';

    /// <summary>FS .: cancel Kanji (Chinese double-byte) character mode.</summary>
    public const byte CancelKanjiLetter = (byte)'.';

    /// <summary>ESC a n: justification.</summary>
    public const byte JustificationLetter = (byte)'a';

    /// <summary>ESC E n: emphasised (bold) mode.</summary>
    public const byte BoldLetter = (byte)'E';

    /// <summary>GS ! n: character size.</summary>
    public const byte CharacterSizeLetter = (byte)'!';

    /// <summary>ESC d n: print and feed n lines.</summary>
    public const byte FeedLinesLetter = (byte)'d';

    /// <summary>ESC J n: print and feed n dots.</summary>
    public const byte FeedDotsLetter = (byte)'J';

    /// <summary>GS v 0: raster bit image.</summary>
    public const byte RasterLetter = (byte)'v';
    public const byte RasterFunction = (byte)'0';

    /// <summary>GS ( k: 2D symbol (QR code) functions.</summary>
    public const byte OpenParenthesis = (byte)'(';
    public const byte SymbolLetter = (byte)'k';
    public const byte QrCodeSymbol = 0x31;
    public const byte QrFunctionModel = 0x41;
    public const byte QrFunctionModuleSize = 0x43;
    public const byte QrFunctionErrorCorrection = 0x45;
    public const byte QrFunctionStore = 0x50;
    public const byte QrFunctionPrint = 0x51;
    public const byte QrStoreOrPrintParameter = 0x30;
    public const byte QrModel1 = 0x31;
    public const byte QrModel2 = 0x32;

    /// <summary>GS k m: barcode; m = 73 is CODE128 with an explicit length byte.</summary>
    public const byte BarcodeLetter = (byte)'k';
    public const byte BarcodeCode128 = 73;
    public const byte Code128SetPrefix = (byte)'{';
    public const byte Code128SetB = (byte)'B';

    /// <summary>GS h n: barcode height in dots.</summary>
    public const byte BarcodeHeightLetter = (byte)'h';

    /// <summary>GS w n: barcode module width.</summary>
    public const byte BarcodeWidthLetter = (byte)'w';

    /// <summary>GS H n: position of the human-readable text of a barcode.</summary>
    public const byte BarcodeTextPositionLetter = (byte)'H';

    /// <summary>GS V m [n]: cut.</summary>
    public const byte CutLetter = (byte)'V';
    public const byte CutFull = 0x00;
    public const byte CutPartial = 0x01;
    public const byte CutFullAsciiDigit = 0x30;
    public const byte CutPartialAsciiDigit = 0x31;
    public const byte CutFeedThenFull = 0x41;
    public const byte CutFeedThenPartial = 0x42;
}
