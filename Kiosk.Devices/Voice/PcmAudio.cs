namespace QueueKiosk.Devices.Voice;

/// <summary>Sample rate and channels of 16-bit signed little-endian PCM (the only format handled).</summary>
public sealed record PcmFormat(int SampleRate, int Channels)
{
    public const int BitsPerSample = 16;

    /// <summary>espeak-ng's output format; also the format recorded clips must have by default.</summary>
    public static PcmFormat Speech { get; } = new(22050, 1);

    public int BlockAlign => Channels * BitsPerSample / 8;

    public int ByteRate => SampleRate * BlockAlign;

    public override string ToString() => $"{SampleRate} Hz, {Channels} kênh, 16 bit";
}

/// <summary>A piece of 16-bit PCM audio in memory, interleaved samples.</summary>
public sealed class PcmAudio
{
    public PcmAudio(PcmFormat format, short[] samples)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(samples);
        if (samples.Length % format.Channels != 0)
        {
            throw new ArgumentException("sample count must be a multiple of the channel count", nameof(samples));
        }

        Format = format;
        Samples = samples;
    }

    public PcmFormat Format { get; }

    public short[] Samples { get; }

    public TimeSpan Duration => TimeSpan.FromSeconds((double)Samples.Length / Format.Channels / Format.SampleRate);

    /// <summary>Largest absolute sample value, 0 for silence.</summary>
    public int Peak => Samples.Length == 0 ? 0 : Samples.Max(s => Math.Abs((int)s));

    public static PcmAudio Silence(PcmFormat format, TimeSpan duration)
    {
        ArgumentNullException.ThrowIfNull(format);
        var frames = (int)Math.Round(duration.TotalSeconds * format.SampleRate);
        return new PcmAudio(format, new short[Math.Max(0, frames) * format.Channels]);
    }

    /// <summary>Joins pieces that share one format; a piece in another format is an error naming it.</summary>
    public static PcmAudio Concat(PcmFormat format, IEnumerable<PcmAudio> pieces)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(pieces);
        var list = pieces.ToList();
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].Format != format)
            {
                throw new InvalidDataException($"Đoạn âm thanh thứ {i + 1} có định dạng {list[i].Format}, cần {format} / piece {i + 1} is {list[i].Format}, expected {format}");
            }
        }

        var samples = new short[list.Sum(p => p.Samples.Length)];
        var offset = 0;
        foreach (var piece in list)
        {
            piece.Samples.CopyTo(samples, offset);
            offset += piece.Samples.Length;
        }

        return new PcmAudio(format, samples);
    }
}
