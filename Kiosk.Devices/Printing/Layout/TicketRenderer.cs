using QueueKiosk.Devices.EscPos.CodePages;
using QueueKiosk.Devices.Fonts;

namespace QueueKiosk.Devices.Printing.Layout;

/// <summary>A rendered ticket: the bytes for the printer, and for raster mode the line bitmaps that were sent.</summary>
public sealed record RenderedTicket(byte[] Bytes, IReadOnlyList<RasterTextLine> RasterLines);

/// <summary>
/// Renders a <see cref="TicketLayout"/> into the ESC/POS bytes of one ticket for a
/// <see cref="PrinterProfile"/> (text mode, paper width, code tables), ending with a cut. Pure:
/// the print queue sends the bytes. Rasterisers are opened once per font pair and reused;
/// safe to call from several threads.
/// </summary>
public sealed class TicketRenderer : IDisposable
{
    private readonly Func<PrinterProfile, ITextRasterizer> _rasterizerFactory;
    private readonly Dictionary<(string, string?), ITextRasterizer> _rasterizers = [];
    private readonly Lock _lock = new();
    private readonly bool _ownsRasterizers;

    /// <summary>Uses SkiaSharp with the profile's font files.</summary>
    public TicketRenderer()
        : this(profile => SkiaTextRasterizer.Open(profile.FontPath, profile.BoldFontPath), ownsRasterizers: true)
    {
    }

    /// <summary>Uses the given rasteriser for every profile; the caller disposes it.</summary>
    public TicketRenderer(ITextRasterizer rasterizer)
        : this(_ => rasterizer, ownsRasterizers: false)
    {
        ArgumentNullException.ThrowIfNull(rasterizer);
    }

    private TicketRenderer(Func<PrinterProfile, ITextRasterizer> rasterizerFactory, bool ownsRasterizers)
    {
        _rasterizerFactory = rasterizerFactory;
        _ownsRasterizers = ownsRasterizers;
    }

    public byte[] Render(TicketLayout layout, PrinterProfile profile) => RenderDetailed(layout, profile).Bytes;

    public RenderedTicket RenderDetailed(TicketLayout layout, PrinterProfile profile) =>
        RenderElements(TicketComposer.Compose(layout), profile);

    /// <summary>Renders any element list (a ticket, a test page) the same way.</summary>
    public RenderedTicket RenderElements(IReadOnlyList<TicketElement> elements, PrinterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(elements);
        ArgumentNullException.ThrowIfNull(profile);
        var tables = profile.ResolveCodeTables();
        switch (profile.Mode)
        {
            case PrinterTextMode.Raster:
                var (bytes, lines) = new RasterTicketEncoder(RasterizerFor(profile), profile).Encode(elements);
                return new RenderedTicket(bytes, lines);
            case PrinterTextMode.Tcvn3:
                var lower = tables.Tcvn3Lower ?? throw MissingTable(nameof(PrinterProfile.Tcvn3LowerTable));
                var upper = tables.Tcvn3Upper ?? throw MissingTable(nameof(PrinterProfile.Tcvn3UpperTable));
                return Text(new Tcvn3TextEncoder(lower, upper));
            case PrinterTextMode.Cp1258:
                return Text(new Cp1258TextEncoder(tables.Cp1258 ?? throw MissingTable(nameof(PrinterProfile.Cp1258Table))));
            case PrinterTextMode.Ascii:
                return Text(new AsciiTextEncoder());
            default:
                throw new ArgumentOutOfRangeException(nameof(profile), profile.Mode, "Unknown text mode.");
        }

        RenderedTicket Text(IPrinterTextEncoder encoder) => new(new TextTicketEncoder(encoder, profile).Encode(elements), []);
    }

    /// <summary>The rasteriser raster mode uses for this profile (shared with a virtual printer, for instance).</summary>
    public ITextRasterizer RasterizerFor(PrinterProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        lock (_lock)
        {
            var key = (profile.FontPath, profile.BoldFontPath);
            if (!_rasterizers.TryGetValue(key, out var rasterizer))
            {
                rasterizer = _rasterizerFactory(profile);
                _rasterizers[key] = rasterizer;
            }

            return rasterizer;
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_ownsRasterizers)
            {
                foreach (var rasterizer in _rasterizers.Values)
                {
                    rasterizer.Dispose();
                }
            }

            _rasterizers.Clear();
        }
    }

    private static InvalidOperationException MissingTable(string key) =>
        new($"{PrinterProfile.DefaultSectionName}:{key}: chưa có số bảng mã cho chế độ in này (no code table number for this text mode).");
}
