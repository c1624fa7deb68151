namespace QueueKiosk.Devices.Printing.Layout;

/// <summary>Code table numbers of one printer family; null when the family has no such table (or it is unknown).</summary>
public sealed record CodeTableSet(byte? Tcvn3Lower, byte? Tcvn3Upper, byte? Cp1258);

/// <summary>A named starting point for a printer profile.</summary>
public sealed record PrinterPreset(string Name, string Description, CodeTableSet CodeTables, bool CancelKanjiMode, bool Verified);

/// <summary>
/// Code tables per printer family (hardware-docs/printers.md). Only Epson's numbers come from the vendor's
/// reference; the clone numbers are collected from users and are UNVERIFIED: confirm each printer
/// on its self-test page and override in configuration when they differ.
/// </summary>
public static class PrinterPresets
{
    public const string EpsonName = "epson";

    public static PrinterPreset Epson { get; } =
        new(EpsonName, "Epson TM series: TCVN-3 30/31, CP1258 52", new CodeTableSet(30, 31, 52), CancelKanjiMode: false, Verified: true);

    public static IReadOnlyList<PrinterPreset> All { get; } =
    [
        Epson,
        new("zjiang", "Zjiang clones: CP1258 at 27", new CodeTableSet(null, null, 27), CancelKanjiMode: true, Verified: false),
        new("zjiang-94", "Zjiang clones with CP1258 at 94", new CodeTableSet(null, null, 94), CancelKanjiMode: true, Verified: false),
        new("netum", "Netum clones: CP1258 at 27", new CodeTableSet(null, null, 27), CancelKanjiMode: true, Verified: false),
        new("netum-94", "Netum clones with CP1258 at 94", new CodeTableSet(null, null, 94), CancelKanjiMode: true, Verified: false),
        new("rongta", "Rongta: CP1258 at 35", new CodeTableSet(null, null, 35), CancelKanjiMode: true, Verified: false),
        new("generic-clone", "Unknown clone: raster or ASCII only", new CodeTableSet(null, null, null), CancelKanjiMode: true, Verified: false),
    ];

    public static PrinterPreset? Find(string? name) =>
        All.FirstOrDefault(p => string.Equals(p.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
}
