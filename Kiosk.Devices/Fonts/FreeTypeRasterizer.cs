using System.Runtime.InteropServices;
using System.Text;
using QueueKiosk.Devices.EscPos;

namespace QueueKiosk.Devices.Fonts;

/// <summary>
/// <see cref="ITextRasterizer"/> on FreeType: glyphs rendered 8-bit grey and thresholded at half,
/// which keeps strokes fuller on thermal paper than FreeType's hinted mono mode. Without a bold
/// font file, bold is synthesised by drawing each glyph twice one dot apart.
/// </summary>
public sealed class FreeTypeRasterizer : ITextRasterizer
{
    public const string DefaultRegularFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    public const string DefaultBoldFont = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

    private const byte InkThreshold = 128;

    private readonly Lock _lock = new();
    private readonly Dictionary<(char, int, bool), Glyph> _glyphs = [];
    private readonly Dictionary<(int, bool), LineMetrics> _metrics = [];
    private IntPtr _library;
    private IntPtr _regular;
    private IntPtr _bold;

    private FreeTypeRasterizer(IntPtr library, IntPtr regular, IntPtr bold)
    {
        _library = library;
        _regular = regular;
        _bold = bold;
    }

    public string FamilyName => ReadFamilyName(_regular);

    internal int UnitsPerEm => (ushort)Marshal.ReadInt16(_regular, FreeTypeNative.FaceUnitsPerEm);

    /// <summary>Opens the regular face and, when given, a bold face. Throws <see cref="FileNotFoundException"/> or <see cref="InvalidDataException"/>.</summary>
    public static FreeTypeRasterizer Open(string regularFontPath, string? boldFontPath = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(regularFontPath);
        Check(FreeTypeNative.InitFreeType(out var library), "FT_Init_FreeType");
        try
        {
            var regular = OpenFace(library, regularFontPath);
            var bold = string.IsNullOrWhiteSpace(boldFontPath) ? IntPtr.Zero : OpenFace(library, boldFontPath);
            return new FreeTypeRasterizer(library, regular, bold);
        }
        catch
        {
            FreeTypeNative.DoneFreeType(library);
            throw;
        }
    }

    /// <summary>DejaVu Sans and DejaVu Sans Bold from fonts-dejavu-core.</summary>
    public static FreeTypeRasterizer OpenDefault() => Open(DefaultRegularFont, DefaultBoldFont);

    public LineMetrics GetLineMetrics(TextStyle style)
    {
        lock (_lock)
        {
            return MetricsLocked(style);
        }
    }

    public int MeasureWidth(string text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_lock)
        {
            var width = 0;
            foreach (var c in Nfc(text))
            {
                width += GlyphLocked(c, style).Advance;
            }

            return width;
        }
    }

    public RasterizedLine RenderLine(string text, TextStyle style)
    {
        ArgumentNullException.ThrowIfNull(text);
        lock (_lock)
        {
            var metrics = MetricsLocked(style);
            var glyphs = Nfc(text).Select(c => GlyphLocked(c, style)).ToList();
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
            if (_library == IntPtr.Zero)
            {
                return;
            }

            if (_bold != IntPtr.Zero)
            {
                FreeTypeNative.DoneFace(_bold);
            }

            FreeTypeNative.DoneFace(_regular);
            FreeTypeNative.DoneFreeType(_library);
            _library = _regular = _bold = IntPtr.Zero;
        }
    }

    private static string Nfc(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    private static IntPtr OpenFace(IntPtr library, string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Không tìm thấy tệp phông chữ '{path}' (font file not found).", path);
        }

        var error = FreeTypeNative.NewFace(library, path, 0, out var face);
        if (error != 0)
        {
            throw new InvalidDataException($"Tệp phông chữ '{path}' không đọc được (FreeType error {error}; not a usable font).");
        }

        return face;
    }

    private static string ReadFamilyName(IntPtr face) =>
        Marshal.PtrToStringUTF8(Marshal.ReadIntPtr(face, FreeTypeNative.FaceFamilyName)) ?? string.Empty;

    private static void Check(int error, string function)
    {
        if (error != 0)
        {
            throw new InvalidOperationException($"{function} failed with FreeType error {error}.");
        }
    }

    private IntPtr FaceFor(bool bold) => bold && _bold != IntPtr.Zero ? _bold : _regular;

    private LineMetrics MetricsLocked(TextStyle style)
    {
        ObjectDisposedException.ThrowIf(_library == IntPtr.Zero, this);
        if (_metrics.TryGetValue((style.PixelSize, style.Bold), out var cached))
        {
            return cached;
        }

        var face = FaceFor(style.Bold);
        Check(FreeTypeNative.SetPixelSizes(face, 0, (uint)style.PixelSize), "FT_Set_Pixel_Sizes");
        var size = Marshal.ReadIntPtr(face, FreeTypeNative.FaceSize);
        // 26.6 fixed point; the descender is negative.
        var ascender = (int)Math.Ceiling(Marshal.ReadInt64(size, FreeTypeNative.SizeAscender) / 64.0);
        var descender = (int)Math.Ceiling(-Marshal.ReadInt64(size, FreeTypeNative.SizeDescender) / 64.0);
        var metrics = new LineMetrics(ascender, descender);
        _metrics[(style.PixelSize, style.Bold)] = metrics;
        return metrics;
    }

    private Glyph GlyphLocked(char c, TextStyle style)
    {
        ObjectDisposedException.ThrowIf(_library == IntPtr.Zero, this);
        ArgumentOutOfRangeException.ThrowIfLessThan(style.PixelSize, 4);
        if (_glyphs.TryGetValue((c, style.PixelSize, style.Bold), out var cached))
        {
            return cached;
        }

        var face = FaceFor(style.Bold);
        Check(FreeTypeNative.SetPixelSizes(face, 0, (uint)style.PixelSize), "FT_Set_Pixel_Sizes");
        var code = FreeTypeNative.GetCharIndex(face, c) == 0 && !char.IsWhiteSpace(c) ? '?' : c;
        Check(FreeTypeNative.LoadChar(face, code, FreeTypeNative.LoadRender | FreeTypeNative.LoadNoBitmap), "FT_Load_Char");
        var glyph = ReadSlot(Marshal.ReadIntPtr(face, FreeTypeNative.FaceGlyph));
        if (style.Bold && _bold == IntPtr.Zero)
        {
            glyph = Embolden(glyph);
        }

        _glyphs[(c, style.PixelSize, style.Bold)] = glyph;
        return glyph;
    }

    private static Glyph ReadSlot(IntPtr slot)
    {
        var rows = Marshal.ReadInt32(slot, FreeTypeNative.SlotBitmapRows);
        var width = Marshal.ReadInt32(slot, FreeTypeNative.SlotBitmapWidth);
        var pitch = Marshal.ReadInt32(slot, FreeTypeNative.SlotBitmapPitch);
        var buffer = Marshal.ReadIntPtr(slot, FreeTypeNative.SlotBitmapBuffer);
        var pixelMode = Marshal.ReadByte(slot, FreeTypeNative.SlotBitmapPixelMode);
        var left = Marshal.ReadInt32(slot, FreeTypeNative.SlotBitmapLeft);
        var top = Marshal.ReadInt32(slot, FreeTypeNative.SlotBitmapTop);
        var advance = (int)Math.Round(Marshal.ReadInt64(slot, FreeTypeNative.SlotAdvanceX) / 64.0);

        var bitmap = new MonoBitmap(width, rows);
        if (rows > 0 && width > 0 && buffer != IntPtr.Zero)
        {
            var row = new byte[Math.Abs(pitch)];
            for (var y = 0; y < rows; y++)
            {
                // A negative pitch means rows are stored bottom-up.
                var rowIndex = pitch >= 0 ? y : rows - 1 - y;
                Marshal.Copy(buffer + (rowIndex * Math.Abs(pitch)), row, 0, row.Length);
                for (var x = 0; x < width; x++)
                {
                    var ink = pixelMode switch
                    {
                        FreeTypeNative.PixelModeGray => row[x] >= InkThreshold,
                        FreeTypeNative.PixelModeMono => (row[x >> 3] & (0x80 >> (x & 7))) != 0,
                        _ => throw new NotSupportedException($"FreeType pixel mode {pixelMode} is not supported."),
                    };
                    if (ink)
                    {
                        bitmap[x, y] = true;
                    }
                }
            }
        }

        return new Glyph(bitmap, left, top, advance);
    }

    private static Glyph Embolden(Glyph glyph)
    {
        var bold = new MonoBitmap(glyph.Bitmap.Width + 1, glyph.Bitmap.Height);
        bold.Draw(glyph.Bitmap, 0, 0);
        bold.Draw(glyph.Bitmap, 1, 0);
        return glyph with { Bitmap = bold, Advance = glyph.Advance + 1 };
    }

    private sealed record Glyph(MonoBitmap Bitmap, int Left, int Top, int Advance);
}
