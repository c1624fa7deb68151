using QueueKiosk.Devices.EscPos;
using SkiaSharp;

namespace QueueKiosk.Devices.Simulation;

/// <summary>A <see cref="MonoBitmap"/> as a greyscale PNG (black ink on white), encoded by SkiaSharp.</summary>
public static class MonoPng
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    public static byte[] Encode(MonoBitmap bitmap)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        if (bitmap.Width == 0 || bitmap.Height == 0)
        {
            throw new ArgumentException("A PNG needs at least one pixel.", nameof(bitmap));
        }

        using var grey = new SKBitmap(new SKImageInfo(bitmap.Width, bitmap.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        var pixels = grey.GetPixelSpan();
        var rowBytes = grey.RowBytes;
        for (var y = 0; y < bitmap.Height; y++)
        {
            var row = pixels.Slice(y * rowBytes, bitmap.Width);
            for (var x = 0; x < row.Length; x++)
            {
                row[x] = bitmap[x, y] ? (byte)0 : (byte)255;
            }
        }

        using var data = grey.Encode(SKEncodedImageFormat.Png, quality: 100);
        return data.ToArray();
    }

    /// <summary>Reads a PNG back: a pixel darker than mid-grey is ink.</summary>
    /// <exception cref="InvalidDataException">The bytes are not an image SkiaSharp can decode.</exception>
    public static MonoBitmap Decode(ReadOnlySpan<byte> png)
    {
        using var data = SKData.CreateCopy(png);
        using var codec = SKCodec.Create(data)
            ?? throw new InvalidDataException("Không đọc được ảnh PNG (not a decodable PNG).");
        using var decoded = SKBitmap.Decode(codec)
            ?? throw new InvalidDataException("Không đọc được ảnh PNG (not a decodable PNG).");
        using var grey = decoded.Copy(SKColorType.Gray8)
            ?? throw new InvalidDataException("Không chuyển được ảnh PNG sang xám (cannot convert the PNG to greyscale).");
        var bitmap = new MonoBitmap(grey.Width, grey.Height);
        var pixels = grey.GetPixelSpan();
        for (var y = 0; y < grey.Height; y++)
        {
            for (var x = 0; x < grey.Width; x++)
            {
                if (pixels[(y * grey.RowBytes) + x] < 128)
                {
                    bitmap[x, y] = true;
                }
            }
        }

        return bitmap;
    }
}
