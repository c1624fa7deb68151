using QueueKiosk.Devices.EscPos;

namespace QueueKiosk.Devices.Printing.Layout;

/// <summary>How Vietnamese reaches the paper.</summary>
public enum PrinterTextMode
{
    /// <summary>Text drawn to bitmaps here and sent as raster images: correct on every printer.</summary>
    Raster,

    /// <summary>Precomposed TCVN-3 (ABC) code tables, capitals by switching table.</summary>
    Tcvn3,

    /// <summary>Windows-1258 with combining tone marks; many printers print the marks beside the letter.</summary>
    Cp1258,

    /// <summary>Diacritics removed: "Đăng ký" prints as "Dang ky".</summary>
    Ascii,
}

/// <summary>
/// A printer's profile, bound from configuration (section "Printer" by default). Code table numbers
/// come from <see cref="Preset"/> unless set here; they differ between brands and are UNVERIFIED
/// for clones (hardware-docs/printers.md explains how to check a printer's self-test page).
/// </summary>
public sealed class PrinterProfile
{
    public const string DefaultSectionName = "Printer";

    public PrinterTextMode Mode { get; set; } = PrinterTextMode.Raster;

    /// <summary>58 or 80 (mm of paper); the print width is 384 or 576 dots at 203 dpi.</summary>
    public int PaperWidthMm { get; set; } = 80;

    /// <summary>A name from <see cref="PrinterPresets"/> (epson, zjiang, netum, rongta, ...).</summary>
    public string Preset { get; set; } = PrinterPresets.EpsonName;

    /// <summary>Overrides the preset's TCVN-3 lower case table.</summary>
    public int? Tcvn3LowerTable { get; set; }

    /// <summary>Overrides the preset's TCVN-3 capitals table.</summary>
    public int? Tcvn3UpperTable { get; set; }

    /// <summary>Overrides the preset's CP1258 table.</summary>
    public int? Cp1258Table { get; set; }

    /// <summary>Send FS . after ESC @, for clones that power up in Chinese double-byte mode.</summary>
    public bool? CancelKanjiMode { get; set; }

    /// <summary>TTF/OTF for raster text.</summary>
    public string FontPath { get; set; } = Fonts.SkiaTextRasterizer.DefaultRegularFont;

    /// <summary>Bold face for raster text; empty means bold is synthesised from <see cref="FontPath"/>.</summary>
    public string? BoldFontPath { get; set; } = Fonts.SkiaTextRasterizer.DefaultBoldFont;

    /// <summary>Rows per GS v 0 command; lower it for printers that garble tall images.</summary>
    public int MaxRasterRowsPerBand { get; set; } = EscPosCommands.DefaultMaxRasterRowsPerBand;

    /// <summary>
    /// Centre raster lines with ESC a (fewer bytes) rather than white padding inside the image.
    /// Turn off for a printer that prints centred lines at the left edge.
    /// </summary>
    public bool AlignRasterWithCommand { get; set; } = true;

    /// <summary>Dot size of one QR module (1..16).</summary>
    public int QrModuleSize { get; set; } = 6;

    public QrErrorCorrection QrErrorCorrection { get; set; } = QrErrorCorrection.Medium;

    public CutMode CutMode { get; set; } = CutMode.FeedThenPartial;

    /// <summary>Dots fed before the cut so the footer clears the cutter.</summary>
    public int CutFeedDots { get; set; } = 96;

    public int WidthDots => PaperWidthMm == 58 ? 384 : 576;

    /// <summary>Font A (12x24) characters per line in text modes.</summary>
    public int TextColumns => WidthDots / 12;

    /// <summary>The code table numbers in effect: overrides, else the preset's.</summary>
    public CodeTableSet ResolveCodeTables()
    {
        var preset = PrinterPresets.Find(Preset) ?? PrinterPresets.Epson;
        return new CodeTableSet(
            ToByte(Tcvn3LowerTable) ?? preset.CodeTables.Tcvn3Lower,
            ToByte(Tcvn3UpperTable) ?? preset.CodeTables.Tcvn3Upper,
            ToByte(Cp1258Table) ?? preset.CodeTables.Cp1258);
    }

    public bool ResolveCancelKanjiMode() => CancelKanjiMode ?? (PrinterPresets.Find(Preset) ?? PrinterPresets.Epson).CancelKanjiMode;

    /// <summary>A copy, so presets and tests can vary one setting without sharing state.</summary>
    public PrinterProfile Clone() => (PrinterProfile)MemberwiseClone();

    private static byte? ToByte(int? value) => value is >= 0 and <= 255 ? (byte)value.Value : null;
}
