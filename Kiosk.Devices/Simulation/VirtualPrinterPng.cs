using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using QueueKiosk.Devices.EscPos;

namespace QueueKiosk.Devices.Simulation;

/// <summary>
/// Writes a <see cref="MonoBitmap"/> as a 1-bit greyscale PNG: signature, IHDR, one IDAT compressed
/// with zlib, IEND, each chunk with its CRC-32. No imaging package is needed (none is available here).
/// </summary>
public static class PngWriter
{
    public static ReadOnlySpan<byte> Signature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private const byte BitDepthOne = 1;
    private const byte ColorTypeGreyscale = 0;
    private const byte FilterNone = 0;

    public static byte[] Encode(MonoBitmap bitmap)
    {
        using var stream = new MemoryStream();
        Write(bitmap, stream);
        return stream.ToArray();
    }

    public static void Write(MonoBitmap bitmap, Stream output)
    {
        ArgumentNullException.ThrowIfNull(bitmap);
        ArgumentNullException.ThrowIfNull(output);
        if (bitmap.Width == 0 || bitmap.Height == 0)
        {
            throw new ArgumentException("A PNG needs at least one pixel.", nameof(bitmap));
        }

        output.Write(Signature);

        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(0), bitmap.Width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), bitmap.Height);
        header[8] = BitDepthOne;
        header[9] = ColorTypeGreyscale;
        // compression, filter method and interlace stay 0
        WriteChunk(output, "IHDR", header);

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Optimal, leaveOpen: true))
            {
                var row = new byte[bitmap.RowBytes + 1];
                row[0] = FilterNone;
                for (var y = 0; y < bitmap.Height; y++)
                {
                    // PNG greyscale has 0 = black; our bitmaps have 1 = black.
                    var source = bitmap.Row(y);
                    for (var i = 0; i < source.Length; i++)
                    {
                        row[i + 1] = (byte)~source[i];
                    }

                    zlib.Write(row);
                }
            }

            WriteChunk(output, "IDAT", compressed.ToArray());
        }

        WriteChunk(output, "IEND", []);
    }

    private static void WriteChunk(Stream output, string type, ReadOnlySpan<byte> data)
    {
        Span<byte> word = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(word, data.Length);
        output.Write(word);
        var typeBytes = Encoding.ASCII.GetBytes(type);
        output.Write(typeBytes);
        output.Write(data);
        var crc = Crc32.Append(Crc32.Append(Crc32.Initial, typeBytes), data);
        BinaryPrimitives.WriteUInt32BigEndian(word, Crc32.Finish(crc));
        output.Write(word);
    }
}

/// <summary>CRC-32 (ISO-HDLC, reflected polynomial 0xEDB88320) as PNG chunks use it.</summary>
public static class Crc32
{
    public const uint Initial = 0xFFFFFFFF;

    private static readonly uint[] Table = BuildTable();

    public static uint Compute(ReadOnlySpan<byte> data) => Finish(Append(Initial, data));

    public static uint Append(uint crc, ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            crc = Table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    public static uint Finish(uint crc) => crc ^ 0xFFFFFFFF;

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint n = 0; n < 256; n++)
        {
            var c = n;
            for (var k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
            }

            table[n] = c;
        }

        return table;
    }
}
