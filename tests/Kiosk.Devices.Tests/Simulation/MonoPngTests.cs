using System.Buffers.Binary;
using System.Text;
using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Simulation;
using SkiaSharp;

namespace QueueKiosk.Devices.Tests.Simulation;

public sealed class MonoPngTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(13, 7)]
    [InlineData(576, 40)]
    public void Encode_IsAGreyscalePngWhosePixelsDecodeBack(int width, int height)
    {
        var bitmap = new MonoBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap[x, y] = ((x * 7) + (y * 3)) % 5 == 0;
            }
        }

        var png = MonoPng.Encode(bitmap);

        Assert.True(png.AsSpan().StartsWith(MonoPng.Signature));
        // IHDR comes first: its size fields and colour type 0 (greyscale) as any viewer reads them.
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Equal(0, png[25]);

        // Decoded as RGBA by Skia's general path: ink is black, paper white, nothing in between.
        using var decoded = SKBitmap.Decode(png);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                Assert.Equal(bitmap[x, y] ? SKColors.Black : SKColors.White, decoded.GetPixel(x, y));
            }
        }

        Assert.Equal(bitmap, MonoPng.Decode(png));
    }

    [Fact]
    public void Encode_EmptyBitmap_Throws() => Assert.Throws<ArgumentException>(() => MonoPng.Encode(new MonoBitmap(0, 5)));

    [Fact]
    public void Decode_NotAPng_SaysSo() =>
        Assert.Contains("not a decodable PNG", Assert.Throws<InvalidDataException>(() => MonoPng.Decode("not a png"u8)).Message, StringComparison.Ordinal);
}
