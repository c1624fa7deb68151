using System.Text;
using QueueKiosk.Devices.EscPos;
using SkiaSharp;

namespace QueueKiosk.Devices.Fonts;

/// <summary>
/// <see cref="ITextRasterizer"/> on SkiaSharp: each glyph is drawn anti-aliased into an 8-bit
/// coverage bitmap and thresholded at half, which keeps strokes fuller on thermal paper than
/// aliased drawing. Without a bold font file, bold is Skia's synthetic emboldening.
/// Vietnamese NFC text needs no shaping: every letter is one precomposed glyph in DejaVu Sans.
/// </summary>
public sealed class SkiaTextRasterizer : ITextRasterizer
{
    public const string DefaultRegularFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    public const string DefaultBoldFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    private const byte InkThreshold = 128;

    private readonly Lock _lock = new();
    private readonly Dictionary<(int, bool), SKFont> _fonts = [];
    private readonly Dictionary<(int, int, bool), Glyph> _glyphs = [];
    private readonly SKTypeface _regular;
    private readonly SKTypeface? _bold;
    private bool _disposed;

    private SkiaTextRasterizer(SKTypeface regular, SKTypeface? bold)
    {
        _regular = regular;
        _bold = bold;
    }

    public string FamilyName => _regular.FamilyName;

    internal int UnitsPerEm => _regular.UnitsPerEm;

    /// <summary>Opens the regular face and, when given, a bold face. Throws <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/>.</summary>
    public static SkiaTextRasterizer Open(string regularFontPath, string? boldFontPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regularFontPath);
        var regular = OpenFace(regularFontPath);
        try
        {
            var bold = string.IsNullOrWhiteSpace(boldFontPath) ? null : OpenFace(boldFontPath);
            return new SkiaTextRasterizer(regular, bold);
        }
        catch
        {
            regular.Dispose();
            throw;
        }
    }

    /// <summary>DejaVu Sans and DejaVu Sans Bold from fonts-dejavu-core.</summary>
    public static SkiaTextRasterizer OpenDefault() => Open(DefaultRegularFont, DefaultBoldFont);

    public LineMetrics GetLineMetrics(TextStyle style)
    {
        lock (_lock)
        {
            return Metrics(FontLocked(style));
        }
    }

    public int MeasureWidth(string text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_lock)
        {
            var width = 0;
            foreach (var rune in Nfc(text).EnumerateRunes())
            {
                width += GlyphLocked(rune, style).Advance;
            }

            return width;
        }
    }

    public RasterizedLine RenderLine(string text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_lock)
        {
            var metrics = Metrics(FontLocked(style));
            var glyphs = Nfc(text).EnumerateRunes().Select(r => GlyphLocked(r, style)).ToList();

            // Grow the box where ink leaves the font's ascent and descent (a mark stacked on a
            // capital: Ố, Ặ) or the pen advance (an overhanging first or last glyph).
            int ascent = metrics.Ascent, descent = metrics.Descent, pen = 0, right = 0;
            foreach (var glyph in glyphs)
            {
                ascent = Math.Max(ascent, glyph.Top);
                descent = Math.Max(descent, glyph.Bitmap.Height - glyph.Top);
                right = Math.Max(right, pen + glyph.Left + glyph.Bitmap.Width);
                pen += glyph.Advance;
            }

            var origin = glyphs.Count > 0 ? Math.Max(0, -glyphs[0].Left) : 0;
            var bitmap = new MonoBitmap(Math.Max(pen, right) + origin, ascent + descent);
            pen = origin;
            foreach (var glyph in glyphs)
            {
                bitmap.Draw(glyph.Bitmap, pen + glyph.Left, ascent - glyph.Top);
                pen += glyph.Advance;
            }

            return new RasterizedLine(bitmap, ascent);
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            foreach (var font in _fonts.Values)
            {
                font.Dispose();
            }

            _fonts.Clear();
            _glyphs.Clear();
            _bold?.Dispose();
            _regular.Dispose();
        }
    }

    private static SKTypeface OpenFace(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Không tìm thấy tệp phông chữ '{path}' (font file not found).", path);
        }

        return SKTypeface.FromFile(path)
            ?? throw new InvalidDataException($"Tệp phông chữ '{path}' không đọc được (not a usable font).");
    }

    private static LineMetrics Metrics(SKFont font)
    {
        var metrics = font.Metrics; // Skia's ascent is negative (above the baseline), descent positive
        return new LineMetrics((int)Math.Ceiling(-metrics.Ascent), (int)Math.Ceiling(metrics.Descent));
    }

    private static string Nfc(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>Draws one glyph anti-aliased into its own coverage bitmap and thresholds it.</summary>
    private static Glyph DrawGlyph(SKFont font, string character)
    {
        Span<float> advance = stackalloc float[1];
        Span<SKRect> bounds = stackalloc SKRect[1];
        font.GetGlyphWidths([font.GetGlyph(char.ConvertToUtf32(character, 0))], advance, bounds);
        var box = bounds[0]; // relative to the pen on the baseline, y growing down
        int left = (int)Math.Floor(box.Left), top = (int)Math.Floor(box.Top);
        int width = (int)Math.Ceiling(box.Right) - left, height = (int)Math.Ceiling(box.Bottom) - top;
        var mono = new MonoBitmap(Math.Max(0, width), Math.Max(0, height));
        if (width > 0 && height > 0)
        {
            using var coverage = new SKBitmap(new SKImageInfo(width, height, SKColorType.Alpha8, SKAlphaType.Premul));
            coverage.Erase(SKColors.Transparent);
            using (var canvas = new SKCanvas(coverage))
            using (var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true })
            {
                canvas.DrawText(character, -left, -top, SKTextAlign.Left, font, paint);
            }

            Threshold(coverage, mono);
        }

        return new Glyph(mono, left, -top, (int)Math.Round(advance[0]));
    }

    private static void Threshold(SKBitmap coverage, MonoBitmap line)
    {
        var pixels = coverage.GetPixelSpan();
        var rowBytes = coverage.RowBytes;
        for (var y = 0; y < line.Height; y++)
        {
            var row = pixels.Slice(y * rowBytes, line.Width);
            for (var x = 0; x < row.Length; x++)
            {
                if (row[x] >= InkThreshold)
                {
                    line[x, y] = true;
                }
            }
        }
    }

    private SKFont FontLocked(TextStyle style)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(style.PixelSize, 4);
        if (_fonts.TryGetValue((style.PixelSize, style.Bold), out var cached))
        {
            return cached;
        }

        var synthetic = style.Bold && _bold is null;
        var font = new SKFont(style.Bold && _bold is not null ? _bold : _regular, style.PixelSize)
        {
            Edging = SKFontEdging.Antialias,
            Subpixel = false,
            Embolden = synthetic,
        };
        _fonts[(style.PixelSize, style.Bold)] = font;
        return font;
    }

    /// <summary>Glyphs are drawn once per size and weight and composed with whole-dot advances, as a
    /// printer's dot grid wants; '?' stands in for a character the face lacks.</summary>
    private Glyph GlyphLocked(Rune rune, TextStyle style)
    {
        var key = (rune.Value, style.PixelSize, style.Bold);
        if (_glyphs.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var font = FontLocked(style);
        var missing = font.GetGlyph(rune.Value) == 0 && !Rune.IsWhiteSpace(rune);
        var glyph = DrawGlyph(font, missing ? "?" : rune.ToString());
        _glyphs[key] = glyph;
        return glyph;
    }

    private sealed record Glyph(MonoBitmap Bitmap, int Left, int Top, int Advance);
}
