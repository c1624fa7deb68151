using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Voice;

namespace QueueKiosk.Devices.Tests.Voice;

public class VoiceConfigurationTests
{
    [Theory]
    [InlineData("Voice:Engine", "Festival")]
    [InlineData("Voice:EspeakRate", "10")]
    [InlineData("Voice:Template", "Mời quầy {counter}")]
    [InlineData("Voice:NumberReading", "Roman")]
    [InlineData("Voice:FourAfterTens", "tứ")]
    [InlineData("Voice:Repeat", "0")]
    public async Task HostStart_WithABadKey_FailsNamingIt(string key, string value)
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { [key] = value });
        builder.Services.AddVoice(builder.Configuration);
        using var host = builder.Build();

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(key + ":", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_WithDefaults_AnnouncesWithRealEspeakNg()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Voice:Repeat"] = "1",
            ["Voice:WaitForPlayback"] = "false",
            ["Voice:NumberReading"] = "Words",
        });
        builder.Services.AddVoice(builder.Configuration);
        using var host = builder.Build();
        await host.StartAsync();
        var queue = host.Services.GetRequiredService<AnnouncementQueue>();
        var published = new TaskCompletionSource<Announcement>(TaskCreationOptions.RunContinuationsAsynchronously);
        queue.Published += a => published.TrySetResult(a);

        var queued = queue.Enqueue("A024", "5");
        var done = await published.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await host.StopAsync();

        Assert.Equal(queued.Id, done.Id);
        Assert.Equal(AnnouncementStatus.Published, done.Status);
        Assert.Equal("Xin mời công dân có số thứ tự a, hai mươi tư đến quầy số năm", done.Text);
        Assert.True(host.Services.GetRequiredService<AnnouncementStore>().TryGetWav(done.Id, out var wav));
        var audio = WavFile.Read(wav, done.Id);
        Assert.True(audio.Duration > TimeSpan.FromSeconds(2), $"chime + speech lasts {audio.Duration}");
        Assert.True(audio.Peak > 3000);
    }
}
