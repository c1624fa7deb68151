using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QueueKiosk.CounterDisplay.State;
using static QueueKiosk.CounterDisplay.Tests.State.Samples;

namespace QueueKiosk.CounterDisplay.Tests.Host;

public class DisplayHostTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task LiveEvents_StartWithWholeStateMarkedDisconnected_ThenPushCallAndAnnouncement()
    {
        await using var factory = new DisplayHostFactory();
        using var client = factory.CreateClient();
        using var cts = new CancellationTokenSource(Deadline);
        using var response = await client.GetAsync(new Uri("/live/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead, cts.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cts.Token));

        var first = await NextEventAsync(reader, cts.Token);
        Assert.Equal("state", first.Name);
        Assert.False(first.Data.GetProperty("hubConnected").GetBoolean());
        Assert.Equal("Thông báo thử", first.Data.GetProperty("newsLine").GetString());

        var state = factory.Services.GetRequiredService<DisplayState>();
        state.ApplySnapshot(Snapshot(0));
        state.Apply(Called(1, "A015", Counter1, 1));

        var sawState = false;
        var sawAnnouncement = false;
        while (!(sawState && sawAnnouncement))
        {
            var e = await NextEventAsync(reader, cts.Token);
            if (e.Name == "state" && e.Data.GetProperty("counters").EnumerateArray().Any(c => c.GetProperty("ticketNumber").GetString() == "A015"))
            {
                sawState = true;
            }

            if (e.Name == "announce")
            {
                Assert.Equal("A015", e.Data.GetProperty("ticketNumber").GetString());
                Assert.Equal(1, e.Data.GetProperty("counterNumber").GetInt32());
                Assert.StartsWith("Xin mời công dân có số thứ tự", e.Data.GetProperty("text").GetString(), StringComparison.Ordinal);
                Assert.Equal(JsonValueKind.Null, e.Data.GetProperty("audioUrl").ValueKind); // voice is off
                sawAnnouncement = true;
            }
        }
    }

    [Fact]
    public async Task SiteLogo_IsServedFromTheDisplaysCopy_AndTheStateSaysWhere()
    {
        await using var factory = new DisplayHostFactory();
        using var client = factory.CreateClient();
        using var none = await client.GetAsync(new Uri(DisplayRoutes.SiteLogo, UriKind.Relative));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, none.StatusCode);

        byte[] png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 7];
        factory.Services.GetRequiredService<DisplayState>().SetSiteLogo(new HubClient.Rest.SiteLogo(png, "image/png"));

        using var state = JsonDocument.Parse(await client.GetStringAsync(new Uri(DisplayRoutes.LiveState, UriKind.Relative)));
        var url = state.RootElement.GetProperty("siteLogoUrl").GetString()!;
        using var logo = await client.GetAsync(new Uri(url, UriKind.Relative));
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(png, await logo.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task VirtualLedBoard_ShowsTheCountersTicketThenBlanks()
    {
        await using var factory = new DisplayHostFactory();
        using var client = factory.CreateClient();
        var state = factory.Services.GetRequiredService<DisplayState>();
        state.ApplySnapshot(Snapshot(0));

        state.Apply(Called(1, "A015", Counter1, 1));
        Assert.True(await Eventually.TrueAsync(async () => await ShownAsync(client) == "A015"), await ShownAsync(client));

        state.Apply(new HubClient.Contracts.TicketChangedEvent(2, Site, Ticket("A015", HubClient.Contracts.TicketStatus.Served), HubClient.Contracts.TicketEventKind.Served));
        Assert.True(await Eventually.TrueAsync(async () => await ShownAsync(client) == "    "), await ShownAsync(client));
    }

    [Fact]
    public async Task Pages_AreServed()
    {
        await using var factory = new DisplayHostFactory();
        using var client = factory.CreateClient();

        Assert.Contains("Mất kết nối", await client.GetStringAsync(new Uri("/hall", UriKind.Relative)), StringComparison.Ordinal);
        Assert.Contains("Đang phục vụ số", await client.GetStringAsync(new Uri("/counter/3", UriKind.Relative)), StringComparison.Ordinal);
        // /leds is a picture of the boards for people; the JSON is at /leds/state.
        var leds = await client.GetAsync(new Uri(DisplayRoutes.Leds, UriKind.Relative));
        Assert.Equal("text/html", leds.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Bảng LED các quầy", await leds.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("createElementNS", await client.GetStringAsync(new Uri("/leds/leds.js", UriKind.Relative)), StringComparison.Ordinal);
        // The shared live feed, copied into wwwroot/lib by scripts/copy-web-libs.sh.
        Assert.Contains("EventSource", await client.GetStringAsync(new Uri("/lib/live-feed.js", UriKind.Relative)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hub:DeviceKey", "", "Hub:DeviceKey")]
    [InlineData("Voice:Template", "Mời số tiếp theo", "Voice:Template")]
    [InlineData("Voice:Repeat", "9", "Voice:Repeat")]
    public async Task BadConfiguration_StopsStartNamingTheKey(string key, string value, string named)
    {
        // Built here as Program.cs builds it, not through DisplayHostFactory: the factory runs
        // Program on a thread of its own, and when start-up fails that thread can dispose the host
        // before the factory reads its services, so on a loaded machine the factory sometimes
        // throws ObjectDisposedException instead of the validation error (dotnet/aspnetcore#38335).
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
        builder.Configuration.AddInMemoryCollection(DisplayHostFactory.Settings(new Dictionary<string, string?> { [key] = value }));
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddCounterDisplay();
        await using var app = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            app.MapCounterDisplay();
            await app.StartAsync();
        });

        Assert.Contains(named, error.Message, StringComparison.Ordinal);
    }

    private static async Task<string?> ShownAsync(HttpClient client)
    {
        using var doc = JsonDocument.Parse(await client.GetStringAsync(new Uri(DisplayRoutes.LedsState, UriKind.Relative)));
        return doc.RootElement.EnumerateArray().Single(b => b.GetProperty("counter").GetInt32() == 1).GetProperty("shown").GetString();
    }

    private static async Task<(string Name, JsonElement Data)> NextEventAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        string? name = null;
        while (true)
        {
            var line = await reader.ReadLineAsync(cancellationToken) ?? throw new EndOfStreamException("the event stream ended");
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && name is not null)
            {
                return (name, JsonDocument.Parse(line["data: ".Length..]).RootElement.Clone());
            }
        }
    }
}
