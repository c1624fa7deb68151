using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.Devices.Voice;
using QueueKiosk.Devices.Voice.Http;

namespace QueueKiosk.Devices.Tests.Voice;

public class VoiceEndpointsTests
{
    [Fact]
    public async Task Wav_IsServedByIdOverKestrel_UnknownIdIs404()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Services.AddSingleton(new AnnouncementStore());
        await using var app = builder.Build();
        app.MapVoiceEndpoints();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        using var http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };

        var store = app.Services.GetRequiredService<AnnouncementStore>();
        var wav = WavFile.ToBytes(Chime.Generate(PcmFormat.Speech));
        store.Put(new Announcement { Id = "abc", TicketNumber = "A015", Counter = "3", EnqueuedAt = DateTimeOffset.UtcNow, Status = AnnouncementStatus.Published }, wav);
        store.Put(new Announcement { Id = "later", TicketNumber = "A016", Counter = "3", EnqueuedAt = DateTimeOffset.UtcNow }, null);

        using var ok = await http.GetAsync("/api/voice/announcements/abc.wav");
        using var pending = await http.GetAsync("/api/voice/announcements/later.wav");
        using var missing = await http.GetAsync("/api/voice/announcements/nope.wav");
        var recent = await http.GetFromJsonAsync<List<Announcement>>("/api/voice/announcements");

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("audio/wav", ok.Content.Headers.ContentType!.MediaType);
        Assert.Equal(wav, await ok.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["abc", "later"], recent!.Select(a => a.Id));
        await app.StopAsync();
    }
}
