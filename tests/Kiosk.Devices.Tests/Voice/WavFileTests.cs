using System.Buffers.Binary;
using System.Diagnostics;
using QueueKiosk.Devices.Voice;

namespace QueueKiosk.Devices.Tests.Voice;

public class WavFileTests
{
    [Fact]
    public void ToBytes_WritesACanonical44ByteHeader()
    {
        var audio = new PcmAudio(new PcmFormat(22050, 1), [1, -1, 256]);
        var wav = WavFile.ToBytes(audio);

        Assert.Equal(
            "52494646" + "2A000000" + "57415645" // RIFF, 36 + 6, WAVE
            + "666D7420" + "10000000" + "0100" + "0100" // fmt, 16, PCM, 1 channel
            + "22560000" + "44AC0000" + "0200" + "1000" // 22050 Hz, 44100 B/s, block 2, 16 bit
            + "64617461" + "06000000" // data, 6 bytes
            + "0100" + "FFFF" + "0001",
            Convert.ToHexString(wav));
    }

    [Fact]
    public void ToBytes_Stereo_HasMatchingRatesAndAlign()
    {
        var wav = WavFile.ToBytes(new PcmAudio(new PcmFormat(48000, 2), new short[8]));
        Assert.Equal(2, BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(22)));
        Assert.Equal(48000 * 4, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(28)));
        Assert.Equal(4, BinaryPrimitives.ReadUInt16LittleEndian(wav.AsSpan(32)));
        Assert.Equal(16, BinaryPrimitives.ReadInt32LittleEndian(wav.AsSpan(40)));
    }

    [Fact]
    public async Task ToBytes_IsReadByFfprobeWithTheRightFormat()
    {
        var audio = Chime.Generate(new PcmFormat(16000, 1));
        var path = Path.Combine(Path.GetTempPath(), $"qk-wav-{Guid.NewGuid():N}.wav");
        await File.WriteAllBytesAsync(path, WavFile.ToBytes(audio));
        try
        {
            var start = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var a in new[] { "-v", "error", "-show_entries", "stream=codec_name,sample_rate,channels", "-of", "default=noprint_wrappers=1", path })
            {
                start.ArgumentList.Add(a);
            }

            using var ffprobe = Process.Start(start)!;
            var output = await ffprobe.StandardOutput.ReadToEndAsync();
            await ffprobe.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, ffprobe.ExitCode);
            Assert.Contains("codec_name=pcm_s16le", output, StringComparison.Ordinal);
            Assert.Contains("sample_rate=16000", output, StringComparison.Ordinal);
            Assert.Contains("channels=1", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_RoundTripsAndSkipsOtherChunks()
    {
        var audio = new PcmAudio(new PcmFormat(22050, 1), [10, 20, -30]);
        var plain = WavFile.ToBytes(audio);
        // Insert a LIST chunk (odd size, padded) between fmt and data, as recorders do.
        byte[] list = [.. "LIST"u8, 3, 0, 0, 0, 1, 2, 3, 0];
        byte[] withList = [.. plain[..36], .. list, .. plain[36..]];

        var read = WavFile.Read(withList, "clip.wav");

        Assert.Equal(audio.Format, read.Format);
        Assert.Equal(audio.Samples, read.Samples);
    }

    [Fact]
    public void Read_StreamedDataSizeIsClampedToTheFile()
    {
        var wav = WavFile.ToBytes(new PcmAudio(PcmFormat.Speech, [1, 2, 3, 4]));
        BinaryPrimitives.WriteInt32LittleEndian(wav.AsSpan(40), int.MaxValue);
        Assert.Equal(4, WavFile.Read(wav, "s.wav").Samples.Length);
    }

    [Fact]
    public void Read_8BitWav_IsRejectedNamingTheFile()
    {
        var wav = WavFile.ToBytes(new PcmAudio(PcmFormat.Speech, [1, 2]));
        BinaryPrimitives.WriteUInt16LittleEndian(wav.AsSpan(34), 8);
        var e = Assert.Throws<InvalidDataException>(() => WavFile.Read(wav, "mốt.wav"));
        Assert.Contains("mốt.wav", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_NotAWav_IsRejected()
    {
        Assert.Throws<InvalidDataException>(() => WavFile.Read("hello world!"u8, "x.wav"));
    }

    [Fact]
    public void Chime_IsTwoAudibleTonesHighThenLow()
    {
        var format = new PcmFormat(22050, 1);
        var chime = Chime.Generate(format, 880, 440, TimeSpan.FromMilliseconds(400));

        Assert.True(chime.Peak > 8000);
        Assert.Equal(1.0, chime.Duration.TotalSeconds, 2);
        var firstTone = chime.Samples.AsSpan(0, format.SampleRate * 2 / 10); // first 200 ms
        var secondTone = chime.Samples.AsSpan(format.SampleRate * 4 / 10, format.SampleRate * 2 / 10);
        Assert.InRange(ZeroCrossingHz(firstTone, format.SampleRate), 860, 900);
        Assert.InRange(ZeroCrossingHz(secondTone, format.SampleRate), 425, 455);
    }

    private static double ZeroCrossingHz(ReadOnlySpan<short> samples, int sampleRate)
    {
        var crossings = 0;
        for (var i = 1; i < samples.Length; i++)
        {
            if ((samples[i - 1] < 0) != (samples[i] < 0))
            {
                crossings++;
            }
        }

        return crossings / 2.0 / ((double)samples.Length / sampleRate);
    }
}
