using System.Buffers.Binary;
using System.Text;

namespace QueueKiosk.Devices.Voice;

/// <summary>RIFF/WAVE with 16-bit PCM: writing, and reading what espeak-ng and recorders produce.</summary>
public static class WavFile
{
    public const int HeaderSize = 44;
    private const ushort PcmFormatTag = 1;
    private const ushort ExtensibleFormatTag = 0xFFFE;

    public static byte[] ToBytes(PcmAudio audio)
    {
        ArgumentNullException.ThrowIfNull(audio);
        var dataSize = audio.Samples.Length * 2;
        var bytes = new byte[HeaderSize + dataSize];
        var span = bytes.AsSpan();
        Encoding.ASCII.GetBytes("RIFF", span);
        BinaryPrimitives.WriteInt32LittleEndian(span[4..], 36 + dataSize);
        Encoding.ASCII.GetBytes("WAVE", span[8..]);
        Encoding.ASCII.GetBytes("fmt ", span[12..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], 16);
        BinaryPrimitives.WriteUInt16LittleEndian(span[20..], PcmFormatTag);
        BinaryPrimitives.WriteUInt16LittleEndian(span[22..], (ushort)audio.Format.Channels);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], audio.Format.SampleRate);
        BinaryPrimitives.WriteInt32LittleEndian(span[28..], audio.Format.ByteRate);
        BinaryPrimitives.WriteUInt16LittleEndian(span[32..], (ushort)audio.Format.BlockAlign);
        BinaryPrimitives.WriteUInt16LittleEndian(span[34..], PcmFormat.BitsPerSample);
        Encoding.ASCII.GetBytes("data", span[36..]);
        BinaryPrimitives.WriteInt32LittleEndian(span[40..], dataSize);
        for (var i = 0; i < audio.Samples.Length; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(span[(HeaderSize + (i * 2))..], audio.Samples[i]);
        }

        return bytes;
    }

    /// <summary>
    /// Reads a 16-bit PCM WAV, skipping chunks other than fmt and data. A data size larger than
    /// the file (streamed WAVs write 0x7FFFFFFF or 0) is clamped to what is there.
    /// </summary>
    /// <param name="sourceName">Named in every error (a clip's file name).</param>
    public static PcmAudio Read(ReadOnlySpan<byte> wav, string sourceName)
    {
        if (wav.Length < 12 || !wav[..4].SequenceEqual("RIFF"u8) || !wav[8..12].SequenceEqual("WAVE"u8))
        {
            throw new InvalidDataException($"'{sourceName}' không phải tệp WAV (not a RIFF/WAVE file)");
        }

        PcmFormat? format = null;
        var offset = 12;
        // Bounded: each pass moves past one chunk header.
        while (offset + 8 <= wav.Length)
        {
            var id = wav.Slice(offset, 4);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(wav[(offset + 4)..]);
            var body = offset + 8;
            if (id.SequenceEqual("fmt "u8))
            {
                if (size < 16 || body + 16 > wav.Length)
                {
                    throw new InvalidDataException($"'{sourceName}': khối fmt hỏng (truncated fmt chunk)");
                }

                var tag = BinaryPrimitives.ReadUInt16LittleEndian(wav[body..]);
                var channels = BinaryPrimitives.ReadUInt16LittleEndian(wav[(body + 2)..]);
                var rate = BinaryPrimitives.ReadInt32LittleEndian(wav[(body + 4)..]);
                var bits = BinaryPrimitives.ReadUInt16LittleEndian(wav[(body + 14)..]);
                if ((tag != PcmFormatTag && tag != ExtensibleFormatTag) || bits != PcmFormat.BitsPerSample || channels == 0 || rate <= 0)
                {
                    throw new InvalidDataException($"'{sourceName}': cần PCM 16 bit, tệp là định dạng {tag}, {bits} bit, {channels} kênh (only 16-bit PCM is supported)");
                }

                format = new PcmFormat(rate, channels);
            }
            else if (id.SequenceEqual("data"u8))
            {
                if (format is null)
                {
                    throw new InvalidDataException($"'{sourceName}': khối data đứng trước fmt (data chunk before fmt)");
                }

                var available = wav.Length - body;
                var length = (int)Math.Min(size, (uint)available);
                length -= length % format.BlockAlign;
                var samples = new short[length / 2];
                for (var i = 0; i < samples.Length; i++)
                {
                    samples[i] = BinaryPrimitives.ReadInt16LittleEndian(wav[(body + (i * 2))..]);
                }

                return new PcmAudio(format, samples);
            }

            offset = body + (int)Math.Min(size + (size & 1), (uint)(wav.Length - body));
        }

        throw new InvalidDataException($"'{sourceName}': không có khối data (no data chunk)");
    }
}
