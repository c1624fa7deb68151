using QueueKiosk.Devices.Voice;

namespace QueueKiosk.Devices.Tests.Voice;

public sealed class SpeechSynthesizerTests : IDisposable
{
    private readonly string _clips = Directory.CreateTempSubdirectory("qk-clips-").FullName;

    public void Dispose() => Directory.Delete(_clips, recursive: true);

    [Theory]
    [InlineData("vi")]
    [InlineData("vi-vn-x-central")]
    [InlineData("vi-vn-x-south")]
    public async Task EspeakNg_VietnameseSentence_IsNonSilentSpeech(string voice)
    {
        var espeak = new EspeakNgSynthesizer(new EspeakNgOptions { Voice = voice, Rate = 150 });

        var audio = await espeak.SynthesizeAsync("Xin mời công dân có số thứ tự mười lăm đến quầy số ba");

        Assert.Equal(PcmFormat.Speech, audio.Format);
        Assert.InRange(audio.Duration.TotalSeconds, 1.5, 20);
        Assert.True(audio.Peak > 3000, $"peak {audio.Peak}");
        var loud = audio.Samples.Count(s => Math.Abs((int)s) > 1000);
        Assert.True(loud > audio.Samples.Length / 20, $"only {loud} of {audio.Samples.Length} samples are audible");
    }

    [Fact]
    public async Task EspeakNg_UnknownVoice_FailsWithTheVoiceName()
    {
        var espeak = new EspeakNgSynthesizer(new EspeakNgOptions { Voice = "no-such-voice-xx" });
        var e = await Assert.ThrowsAsync<SpeechSynthesisException>(() => espeak.SynthesizeAsync("xin chào"));
        Assert.Contains("no-such-voice-xx", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EspeakNg_Arguments_TextCannotBecomeAnOption()
    {
        var espeak = new EspeakNgSynthesizer(new EspeakNgOptions { Voice = "vi-vn-x-south", Rate = 140 });
        Assert.Equal(["-v", "vi-vn-x-south", "-s", "140", "-w", "/tmp/o.wav", " --help"], espeak.Arguments("--help", "/tmp/o.wav"));
        Assert.Equal("xin chào", espeak.Arguments("xin chào", "/tmp/o.wav")[^1]);
    }

    [Fact]
    public async Task EspeakNg_MissingExecutable_SaysWhatToInstall()
    {
        var espeak = new EspeakNgSynthesizer(new EspeakNgOptions { Executable = "/nonexistent/espeak-ng" });
        var e = await Assert.ThrowsAsync<SpeechSynthesisException>(() => espeak.SynthesizeAsync("xin chào"));
        Assert.Contains("espeak-ng", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clips_LongestPhraseWinsAndDigitAliasesWork()
    {
        WriteClip("xin_mời_công_dân_có_số_thứ_tự.wav", 1000, 100);
        WriteClip("a.wav", 2000, 10);
        WriteClip("0.wav", 3000, 20); // alias for "không"
        WriteClip("một.wav", 4000, 30);
        WriteClip("nam.wav", 5000, 40); // folded name for "năm"
        WriteClip("den_quay_so.wav", 6000, 50); // folded phrase "đến quầy số"
        WriteClip("ba.wav", 7000, 60);
        var clips = new RecordedClipSynthesizer(_clips) { CommaPause = TimeSpan.FromMilliseconds(10) };

        var audio = await clips.SynthesizeAsync("Xin mời công dân có số thứ tự a, không, một, năm đến quầy số ba");

        var commaFrames = PcmFormat.Speech.SampleRate / 100;
        Assert.Equal(100 + 10 + 20 + 30 + 40 + 50 + 60 + (3 * commaFrames), audio.Samples.Length);
        // Clip order is the sentence order: the first sample of each clip carries its marker value.
        int[] markers = [.. audio.Samples.Where(s => s != 0).Select(s => (int)s).Distinct()];
        Assert.Equal([1000, 2000, 3000, 4000, 5000, 6000, 7000], markers);
    }

    [Fact]
    public async Task Clips_MissingWord_NamesTheFile()
    {
        WriteClip("xin.wav", 1, 10);
        var clips = new RecordedClipSynthesizer(_clips);

        var e = await Assert.ThrowsAsync<MissingVoiceClipException>(() => clips.SynthesizeAsync("xin mốt"));

        Assert.Equal("mốt.wav", e.FileName);
        Assert.Contains("mốt.wav", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Clips_OtherFormat_IsRejectedNamingTheClip()
    {
        WriteClip("xin.wav", 1, 10);
        await File.WriteAllBytesAsync(Path.Combine(_clips, "mời.wav"), WavFile.ToBytes(new PcmAudio(new PcmFormat(44100, 2), new short[20])));
        var clips = new RecordedClipSynthesizer(_clips);

        var e = await Assert.ThrowsAsync<SpeechSynthesisException>(() => clips.SynthesizeAsync("xin mời"));

        Assert.Contains("mời.wav", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tokenize_LowersNormalizesAndKeepsPauses()
    {
        Assert.Equal(["xin", "mời", ",", "số", "e-lờ", "."], RecordedClipSynthesizer.Tokenize("Xin  MỜI, số e-lờ."));
    }

    [Fact]
    public async Task Cache_SameTextIsSynthesizedOnce_FailuresAreNotKept()
    {
        var inner = new CountingSynthesizer();
        var cache = new CachingSpeechSynthesizer(inner, capacity: 2);

        var first = await cache.SynthesizeAsync("một");
        var second = await cache.SynthesizeAsync("một");
        await Assert.ThrowsAsync<SpeechSynthesisException>(() => cache.SynthesizeAsync("lỗi"));
        await Assert.ThrowsAsync<SpeechSynthesisException>(() => cache.SynthesizeAsync("lỗi"));
        await cache.SynthesizeAsync("hai");
        await cache.SynthesizeAsync("ba");

        Assert.Same(first, second);
        Assert.Equal(5, inner.Calls); // một, lỗi, lỗi, hai, ba
        Assert.Equal(2, cache.Count);
    }

    private void WriteClip(string name, short marker, int frames)
    {
        var samples = new short[frames];
        Array.Fill(samples, marker);
        File.WriteAllBytes(Path.Combine(_clips, name), WavFile.ToBytes(new PcmAudio(PcmFormat.Speech, samples)));
    }

    private sealed class CountingSynthesizer : ISpeechSynthesizer
    {
        public int Calls;

        public Task<PcmAudio> SynthesizeAsync(string text, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref Calls);
            return text == "lỗi"
                ? Task.FromException<PcmAudio>(new SpeechSynthesisException("fails"))
                : Task.FromResult(new PcmAudio(PcmFormat.Speech, new short[10]));
        }
    }
}
