using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Simulation;

namespace QueueKiosk.Devices.Tests.Simulation;

public sealed class PngWriterTests
{
    [Theory]
    [InlineData("123456789", 0xCBF43926u)]
    [InlineData("", 0x00000000u)]
    [InlineData("IEND", 0xAE426082u)]
    public void Crc32_KnownVectors(string text, uint expected) => Assert.Equal(expected, Crc32.Compute(Encoding.ASCII.GetBytes(text)));

    [Theory]
    [InlineData(1, 1)]
    [InlineData(13, 7)]
    [InlineData(576, 40)]
    public void Encode_IsAValidPngWhosePixelsDecompressBack(int width, int height)
    {
        var bitmap = new MonoBitmap(width, height);
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                bitmap[x, y] = ((x * 7) + (y * 3)) % 5 == 0;
            }
        }

        var png = PngWriter.Encode(bitmap);

        Assert.True(png.AsSpan().StartsWith(PngWriter.Signature));
        var chunks = ReadChunks(png);
        Assert.Equal(["IHDR", "IDAT", "IEND"], chunks.Select(c => c.Type));
        var header = chunks[0].Data;
        Assert.Equal(width, BinaryPrimitives.ReadInt32BigEndian(header));
        Assert.Equal(height, BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)));
        Assert.Equal(new byte[] { 1, 0, 0, 0, 0 }, header[8..]); // 1-bit greyscale, deflate, no filter, no interlace
        Assert.Empty(chunks[2].Data);

        using var zlib = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress);
        using var raw = new MemoryStream();
        zlib.CopyTo(raw);
        var scanlines = raw.ToArray();
        Assert.Equal(height * (bitmap.RowBytes + 1), scanlines.Length);
        for (var y = 0; y < height; y++)
        {
            var line = scanlines.AsSpan(y * (bitmap.RowBytes + 1), bitmap.RowBytes + 1);
            Assert.Equal(0, line[0]); // filter type None
            for (var x = 0; x < width; x++)
            {
                var white = (line[1 + (x >> 3)] & (0x80 >> (x & 7))) != 0;
                Assert.Equal(bitmap[x, y], !white);
            }
        }
    }

    [Fact]
    public void Encode_EmptyBitmap_Throws() => Assert.Throws<ArgumentException>(() => PngWriter.Encode(new MonoBitmap(0, 5)));

    /// <summary>Parses chunks and checks each CRC over type and data.</summary>
    private static List<(string Type, byte[] Data)> ReadChunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        var offset = PngWriter.Signature.Length;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var type = Encoding.ASCII.GetString(png, offset + 4, 4);
            var data = png.AsSpan(offset + 8, length).ToArray();
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(Crc32.Compute(png.AsSpan(offset + 4, 4 + length)), crc);
            chunks.Add((type, data));
            offset += 12 + length;
        }

        Assert.Equal(png.Length, offset);
        return chunks;
    }
}
