using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Printing.Layout;

namespace QueueKiosk.Devices.Simulation;

/// <summary>What the virtual printer assumes a code table number holds.</summary>
public enum VirtualCodeTable
{
    /// <summary>PC437, the power-on table: ASCII plus box drawing.</summary>
    Pc437,
    Tcvn3Lower,
    Tcvn3Upper,
    Cp1258,
}

/// <summary>Paper width and the code table numbers the virtual printer understands.</summary>
public sealed record VirtualPrinterOptions
{
    public int WidthDots { get; init; } = 576;

    public IReadOnlyDictionary<byte, VirtualCodeTable> CodeTables { get; init; } = new Dictionary<byte, VirtualCodeTable> { [0] = VirtualCodeTable.Pc437 };

    /// <summary>A virtual copy of the printer a profile describes (its width and its code tables).</summary>
    public static VirtualPrinterOptions FromProfile(PrinterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var tables = profile.ResolveCodeTables();
        var map = new Dictionary<byte, VirtualCodeTable> { [0] = VirtualCodeTable.Pc437 };
        if (tables.Tcvn3Lower is { } lower)
        {
            map[lower] = VirtualCodeTable.Tcvn3Lower;
        }

        if (tables.Tcvn3Upper is { } upper)
        {
            map[upper] = VirtualCodeTable.Tcvn3Upper;
        }

        if (tables.Cp1258 is { } cp1258)
        {
            map[cp1258] = VirtualCodeTable.Cp1258;
        }

        return new VirtualPrinterOptions { WidthDots = profile.WidthDots, CodeTables = map };
    }
}

/// <summary>A raster image as placed on the page; bands of one image sent back to back are joined.</summary>
public sealed record VirtualImage(int X, int Y, MonoBitmap Bitmap);

/// <summary>One cut-off ticket: the page as printed plus what was on it, decoded back to Unicode.</summary>
public sealed record VirtualTicket(
    MonoBitmap Page,
    IReadOnlyList<string> TextLines,
    IReadOnlyList<VirtualImage> Images,
    IReadOnlyList<string> QrCodes,
    IReadOnlyList<string> Barcodes,
    int StatusRequests);

/// <summary>Bytes the virtual printer cannot interpret: a bug in what we emit.</summary>
public sealed class VirtualPrinterException(string message) : Exception(message);
