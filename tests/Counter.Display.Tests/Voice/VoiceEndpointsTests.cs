using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.CounterDisplay.Tests.Host;
using QueueKiosk.CounterDisplay.Voice;
using QueueKiosk.Devices.Voice;

namespace QueueKiosk.CounterDisplay.Tests.Voice;

/// <summary>The voice endpoints as Counter.Display maps them, over its own announcement store.</summary>
public class VoiceEndpointsTests
{
    [Fact]
    public async Task Wav_IsServedById_PendingIs409_UnknownIs404()
    {
        await using var factory = new DisplayHostFactory();
        using var http = factory.CreateClient();

        var store = factory.Services.GetRequiredService<AnnouncementStore>();
        var wav = WavFile.ToBytes(Chime.Generate(PcmFormat.Speech));
        store.Put(new Announcement { Id = "abc", TicketNumber = "A015", Counter = "3", EnqueuedAt = DateTimeOffset.UtcNow, Status = AnnouncementStatus.Published }, wav);
        store.Put(new Announcement { Id = "later", TicketNumber = "A016", Counter = "3", EnqueuedAt = DateTimeOffset.UtcNow }, null);

        using var ok = await http.GetAsync(new Uri(VoiceEndpoints.WavPath("abc"), UriKind.Relative));
        using var pending = await http.GetAsync(new Uri(VoiceEndpoints.WavPath("later"), UriKind.Relative));
        using var missing = await http.GetAsync(new Uri(VoiceEndpoints.WavPath("nope"), UriKind.Relative));
        var recent = await http.GetFromJsonAsync<List<Announcement>>(new Uri("/api/voice/announcements", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("audio/wav", ok.Content.Headers.ContentType!.MediaType);
        Assert.Equal(wav, await ok.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.Conflict, pending.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["abc", "later"], recent!.Select(a => a.Id));
    }
}
