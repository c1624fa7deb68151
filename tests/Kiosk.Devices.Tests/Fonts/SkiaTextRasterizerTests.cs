using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.EscPos.CodePages;
using QueueKiosk.Devices.Fonts;
using QueueKiosk.Devices.Simulation;

namespace QueueKiosk.Devices.Tests.Fonts;

public sealed class SkiaTextRasterizerTests
{
    [Fact]
    public void Open_DejaVuSans_ReadsTheFaceFromTheFile()
    {
        using var rasterizer = SkiaTextRasterizer.Open(SkiaTextRasterizer.DefaultRegularFont);

        // Both values come from the font file, not from a fallback face.
        Assert.Equal("DejaVu Sans", rasterizer.FamilyName);
        Assert.Equal(2048, rasterizer.UnitsPerEm);
    }

    [Theory]
    [InlineData(24)]
    [InlineData(48)]
    public void GetLineMetrics_ScaleWithPixelSize(int pixelSize)
    {
        using var rasterizer = SkiaTextRasterizer.OpenDefault();

        var metrics = rasterizer.GetLineMetrics(new TextStyle(pixelSize));

        // DejaVu Sans: ascender 1901/2048 em, descender 483/2048 em.
        Assert.InRange(metrics.Ascent, (int)(pixelSize * 0.9), (int)(pixelSize * 1.0) + 1);
        Assert.InRange(metrics.Descent, (int)(pixelSize * 0.2), (int)(pixelSize * 0.3) + 1);
    }

    [Fact]
    public void RenderLine_CapitalI_IsAVerticalBarStandingOnTheBaseline()
    {
        using var rasterizer = SkiaTextRasterizer.OpenDefault();

        var line = rasterizer.RenderLine("I", new TextStyle(40));
        var ink = line.Bitmap.FindInk()!.Value;

        Assert.Equal(line.Baseline - 1, ink.Bottom);
        Assert.InRange(ink.Height, 27, 31); // cap height 0.729 em
        Assert.InRange(ink.Width, 3, 7);
        Assert.Equal(ink.Width * ink.Height, line.Bitmap.CountInk()); // a solid bar
    }

    [Fact]
    public void RenderLine_ToneMarkOnCapital_ReachesAboveThePlainCapital()
    {
        using var rasterizer = SkiaTextRasterizer.OpenDefault();
        var style = new TextStyle(32);

        var plain = rasterizer.RenderLine("O", style);
        var stacked = rasterizer.RenderLine("Ố", style);

        var plainTop = plain.Baseline - plain.Bitmap.FindInk()!.Value.Top;
        var stackedTop = stacked.Baseline - stacked.Bitmap.FindInk()!.Value.Top;
        Assert.True(stackedTop > plainTop + 6, $"Ố reaches {stackedTop} above the baseline, O {plainTop}");
    }

    [Fact]
    public void MeasureWidth_EqualsRenderedWidth_AndGrowsWithText()
    {
        using var rasterizer = SkiaTextRasterizer.OpenDefault();
        var style = new TextStyle(24);

        var shortWidth = rasterizer.MeasureWidth("Đăng ký", style);
        var longWidth = rasterizer.MeasureWidth("Đăng ký khai sinh", style);

        Assert.True(longWidth > shortWidth);
        Assert.Equal(longWidth, rasterizer.RenderLine("Đăng ký khai sinh", style).Bitmap.Width);
    }

    [Fact]
    public void Bold_DrawsMoreInkThanRegular()
    {
        using var rasterizer = SkiaTextRasterizer.OpenDefault();

        var regular = rasterizer.RenderLine("SỐ THỨ TỰ", new TextStyle(30)).Bitmap.CountInk();
        var bold = rasterizer.RenderLine("SỐ THỨ TỰ", new TextStyle(30, Bold: true)).Bitmap.CountInk();

        Assert.True(bold > regular * 1.2, $"bold {bold} vs regular {regular}");
    }

    [Fact]
    public void Open_MissingFile_NamesThePath()
    {
        var error = Assert.Throws<FileNotFoundException>(() => SkiaTextRasterizer.Open("/nonexistent/x.ttf"));

        Assert.Contains("/nonexistent/x.ttf", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NotAFont_Throws()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a font");
            Assert.Throws<InvalidDataException>(() => SkiaTextRasterizer.Open(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void RenderLine_EveryVietnameseLetter_HasInk()
    {
        using var rasterizer = SkiaTextRasterizer.OpenDefault();

        foreach (var letter in VietnameseAlphabet.All)
        {
            Assert.True(rasterizer.RenderLine(letter, new TextStyle(24)).Bitmap.CountInk() > 10, letter);
        }
    }

    [Fact]
    public void RenderLine_SampleForEyes_WritesPng()
    {
        using var rasterizer = SkiaTextRasterizer.OpenDefault();
        var line = rasterizer.RenderLine("Đăng ký khai sinh — SỐ THỨ TỰ Ố Ặ ỹ", new TextStyle(32, Bold: true));

        var png = MonoPng.Encode(line.Bitmap);

        Assert.True(png.AsSpan().StartsWith(MonoPng.Signature));
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), "qk-skia-sample.png"), png);
    }
}
