using QueueKiosk.Devices.EscPos;

namespace QueueKiosk.Devices.Fonts;

/// <summary>Pixel size (em height in dots) and weight of a line of raster text.</summary>
public readonly record struct TextStyle(int PixelSize, bool Bold = false);

/// <summary>Distances from the baseline in dots: ascent above it, descent below it (both positive).</summary>
public readonly record struct LineMetrics(int Ascent, int Descent)
{
    public int Height => Ascent + Descent;
}

/// <summary>
/// One line of text drawn 1-bit. The bitmap spans the pen advance horizontally and at least the
/// font's ascent and descent vertically (more when a stacked Vietnamese mark reaches higher);
/// <see cref="Baseline"/> is the row the baseline sits on.
/// </summary>
public sealed record RasterizedLine(MonoBitmap Bitmap, int Baseline);

/// <summary>
/// Text to 1-bit bitmaps. SkiaSharp implements it (<see cref="SkiaTextRasterizer"/>); another
/// engine can replace it without touching the ticket layout or the virtual printer.
/// Input is NFC; implementations must be safe to call from several threads.
/// </summary>
public interface ITextRasterizer : IDisposable
{
    LineMetrics GetLineMetrics(TextStyle style);

    int MeasureWidth(string text, TextStyle style);

    RasterizedLine RenderLine(string text, TextStyle style);
}
