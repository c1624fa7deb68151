namespace QueueKiosk.Devices.Voice;

/// <summary>The "ding-dong" before a call, made in code so no sound file has to be shipped.</summary>
public static class Chime
{
    /// <summary>Two sine tones, high then low, each with a soft attack and an exponential decay.</summary>
    public static PcmAudio Generate(PcmFormat format, double firstHz = 880, double secondHz = 659.25, TimeSpan? toneLength = null, double volume = 0.5)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(firstHz);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(secondHz);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(volume, 1.0);
        var length = toneLength ?? TimeSpan.FromMilliseconds(450);
        var first = Tone(format, firstHz, length, volume);
        var second = Tone(format, secondHz, length * 1.5, volume);
        return PcmAudio.Concat(format, [first, second]);
    }

    private static PcmAudio Tone(PcmFormat format, double hz, TimeSpan length, double volume)
    {
        var frames = (int)(length.TotalSeconds * format.SampleRate);
        var attack = Math.Max(1, format.SampleRate / 100); // 10 ms: no click at the start
        var samples = new short[frames * format.Channels];
        for (var i = 0; i < frames; i++)
        {
            var t = (double)i / format.SampleRate;
            var envelope = Math.Min(1.0, (double)i / attack) * Math.Exp(-3.0 * i / frames);
            var value = (short)(Math.Sin(2 * Math.PI * hz * t) * envelope * volume * short.MaxValue);
            for (var c = 0; c < format.Channels; c++)
            {
                samples[(i * format.Channels) + c] = value;
            }
        }

        return new PcmAudio(format, samples);
    }
}
