using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.HubClient.Contracts;
using static Microsoft.Playwright.Assertions;

namespace QueueKiosk.EndToEnd.Tests.Calling;

/// <summary>
/// The calling chain as people see it, in Debian's Chromium: an officer's console, the hall TV
/// page, the per-counter page and the LED boards, against real Hub.Server and Counter.Display
/// processes. Deadlines are generous (a loaded 2-core machine); no timing is asserted.
/// </summary>
public class CallingEndToEndTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private static readonly LocatorAssertionsToHaveTextOptions Slow = new() { Timeout = 20_000 };

    [Fact]
    public async Task OfficerCalls_TvPageAndLedShowTheNumber_RecallAnnouncesAgain()
    {
        await using var rig = await CallingRig.StartAsync();
        var first = await rig.IssueTicketForCounterAsync(1);
        await using var officerContext = await browser.NewContextAsync(1366, 768);
        await using var hallContext = await browser.NewContextAsync(1920, 1080);
        var hall = await hallContext.NewPageAsync();
        await hall.GotoAsync(new Uri(rig.Display.BaseAddress, "/hall").ToString());

        var console = await SignInAsync(officerContext, rig, "canbo1", counterNumber: 1);
        await Expect(console.Locator("#waiting-list tr[data-ticket='" + first.Number + "']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await console.ClickAsync("#btn-call-next");

        await Expect(console.Locator("#current-number")).ToHaveTextAsync(first.Number, Slow);
        await Expect(hall.Locator("[data-counter='1'] .number")).ToHaveTextAsync(first.Number, Slow);
        await Expect(hall.Locator("#last-calls li").First).ToContainTextAsync(first.Number, new() { Timeout = 20_000 });
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(rig.Led.Boards.Shown.GetValueOrDefault(CallingRig.LedAddress) == first.Number)),
            $"LED board shows '{rig.Led.Boards.Shown.GetValueOrDefault(CallingRig.LedAddress)}', expected {first.Number}\n{rig.Logs}");
        Assert.Equal(0, rig.Led.Boards.RejectedFrames);

        var firstCall = await WaitForAnnouncementsAsync(hall, 1, rig);
        Assert.False(firstCall.GetProperty("isRecall").GetBoolean());
        Assert.Contains("Xin mời công dân có số thứ tự", firstCall.GetProperty("text").GetString(), StringComparison.Ordinal);
        await AssertAudioServedAsync(rig, firstCall);

        await console.Keyboard.PressAsync("r");

        var recall = await WaitForAnnouncementsAsync(hall, 2, rig);
        Assert.True(recall.GetProperty("isRecall").GetBoolean());
        Assert.Equal(first.Number, recall.GetProperty("ticketNumber").GetString());
        await AssertAudioServedAsync(rig, recall);
        await Expect(console.Locator("#current-status")).ToContainTextAsync("gọi lại 1 lần", new() { Timeout = 20_000 });
    }

    /// <summary>The display host talks MessagePack to the hub here (Hub:Protocol), JSON in the test above.</summary>
    [Fact]
    public async Task HubRestarted_EveryDisplayBackInSyncWithoutReload()
    {
        await using var rig = await CallingRig.StartAsync(voice: false, hubProtocol: "MessagePack");
        var first = await rig.IssueTicketForCounterAsync(1);
        var second = await rig.IssueTicketForCounterAsync(1);
        await using var officerContext = await browser.NewContextAsync(1366, 768);
        await using var screens = await browser.NewContextAsync(1920, 1080);
        var hall = await screens.NewPageAsync();
        await hall.GotoAsync(new Uri(rig.Display.BaseAddress, "/hall").ToString());
        var counterPage = await screens.NewPageAsync();
        await counterPage.GotoAsync(new Uri(rig.Display.BaseAddress, "/counter/1").ToString());
        var console = await SignInAsync(officerContext, rig, "canbo1", counterNumber: 1);
        await console.ClickAsync("#btn-call-next");
        await Expect(hall.Locator("[data-counter='1'] .number")).ToHaveTextAsync(first.Number, Slow);
        foreach (var page in new[] { hall, counterPage, console })
        {
            await page.EvaluateAsync("() => { window.__sameDocument = 'yes'; }");
        }

        await rig.KillHubAsync();

        await Expect(hall.Locator("#offline")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(counterPage.Locator("#offline")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(console.Locator("body")).ToHaveAttributeAsync("data-live", "false", new() { Timeout = 30_000 });
        await Expect(hall.Locator("[data-counter='1'] .number")).ToHaveTextAsync(first.Number);

        await rig.RestartHubAsync();

        await Expect(hall.Locator("#offline")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(counterPage.Locator("#offline")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        await Expect(console.Locator("body")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 30_000 });

        await console.ClickAsync("#btn-call-next");
        // The first ticket is still called: calling next asks first (issue 10 item 1).
        await console.ClickAsync("#confirm-ok");

        await Expect(console.Locator("#current-number")).ToHaveTextAsync(second.Number, Slow);
        await Expect(hall.Locator("[data-counter='1'] .number")).ToHaveTextAsync(second.Number, Slow);
        await Expect(counterPage.Locator("#ticket")).ToHaveTextAsync(second.Number, Slow);
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(rig.Led.Boards.Shown.GetValueOrDefault(CallingRig.LedAddress) == second.Number)),
            $"LED board shows '{rig.Led.Boards.Shown.GetValueOrDefault(CallingRig.LedAddress)}', expected {second.Number}\n{rig.Logs}");
        foreach (var page in new[] { hall, counterPage, console })
        {
            Assert.Equal("yes", await page.EvaluateAsync<string>("() => window.__sameDocument"));
        }
    }

    [Fact]
    public async Task ThreeQuickCalls_TilesAndListShowAll_BannerShowsTheLatest_UntilItIsFinished()
    {
        await using var rig = await CallingRig.StartAsync(voice: false);
        foreach (var counter in new[] { 1, 2, 3 })
        {
            await rig.IssueTicketForCounterAsync(counter);
        }

        await using var screens = await browser.NewContextAsync(1920, 1080);
        var hall = await screens.NewPageAsync();
        await hall.GotoAsync(new Uri(rig.Display.BaseAddress, "/hall").ToString());
        await Expect(hall.Locator("[data-counter='3']")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        using var supervisor = rig.HubClient();
        (await supervisor.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("giamsat", CallingRig.Password))).EnsureSuccessStatusCode();
        var snapshot = await rig.SnapshotAsync();
        Guid CounterId(int number) => snapshot.Counters.Single(c => c.Number == number).Id;

        // Three counters call within a moment, as at opening time.
        var called = new List<TicketDto>();
        foreach (var counter in new[] { 1, 2, 3 })
        {
            using var response = await supervisor.PostAsync(HubRoutes.CounterAction(CounterId(counter), CounterActions.CallNext), null);
            response.EnsureSuccessStatusCode();
            called.Add((await response.Content.ReadFromJsonAsync<TicketDto>(CallingRig.Json))!);
        }

        foreach (var (ticket, counter) in called.Zip([1, 2, 3]))
        {
            await Expect(hall.Locator($"[data-counter='{counter}'] .number")).ToHaveTextAsync(ticket.Number, Slow);
            await Expect(hall.Locator("#last-calls")).ToContainTextAsync(ticket.Number, new() { Timeout = 20_000 });
        }

        var latest = called[^1];
        await Expect(hall.Locator("#now-calling")).ToHaveTextAsync($"Mời số {latest.Number} đến quầy 3", Slow);
        // The banner is a band of its own: it covers no tile and not the recent calls.
        foreach (var covered in new[] { "#counters", "#last-calls" })
        {
            var banner = (await hall.Locator("#now-calling").BoundingBoxAsync())!;
            var other = (await hall.Locator(covered).BoundingBoxAsync())!;
            Assert.True(banner.Y + banner.Height <= other.Y + 1, $"the banner ({banner.Y}+{banner.Height}) overlaps {covered} at {other.Y}");
        }

        // Finished: the banner goes (a finished number is never shown as being called).
        (await supervisor.PostAsync(HubRoutes.CounterAction(CounterId(3), CounterActions.Finish), null)).EnsureSuccessStatusCode();
        await Expect(hall.Locator("#now-calling")).ToBeHiddenAsync(new() { Timeout = 20_000 });

        // A paused counter says so instead of "---".
        (await supervisor.PostAsJsonAsync(HubRoutes.CounterAction(CounterId(3), CounterActions.Pause), new { reason = "Họp" })).EnsureSuccessStatusCode();
        await Expect(hall.Locator("[data-counter='3'] .number")).ToHaveTextAsync("Tạm dừng", Slow);
    }

    [Fact]
    public async Task LedsPage_DrawsEachBoardWithTheCalledNumberLit()
    {
        await using var rig = await CallingRig.StartAsync(voice: false);
        var atWire = await rig.IssueTicketForCounterAsync(1);
        var atVirtual = await rig.IssueTicketForCounterAsync(2);
        await using var screens = await browser.NewContextAsync(1366, 768);
        var leds = await screens.NewPageAsync();
        await leds.GotoAsync(new Uri(rig.Display.BaseAddress, "/leds").ToString());
        // Before any call: both boards drawn, dark.
        await Expect(leds.Locator("figure.board")).ToHaveCountAsync(2, new() { Timeout = 20_000 });
        await Expect(leds.Locator("figure[data-board='2'] .seg.on")).ToHaveCountAsync(0);

        using var supervisor = rig.HubClient();
        (await supervisor.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("giamsat", CallingRig.Password))).EnsureSuccessStatusCode();
        var snapshot = await rig.SnapshotAsync();
        foreach (var counter in new[] { 1, 2 })
        {
            var id = snapshot.Counters.Single(c => c.Number == counter).Id;
            (await supervisor.PostAsync(HubRoutes.CounterAction(id, CounterActions.CallNext), null)).EnsureSuccessStatusCode();
        }

        // Each board as a person sees it: its number in the picture's label and in lit segments.
        foreach (var (counter, ticket) in new[] { (1, atWire), (2, atVirtual) })
        {
            var board = leds.Locator($"figure[data-board='{counter}']");
            await Expect(board).ToHaveAttributeAsync("data-shown", ticket.Number, new() { Timeout = 20_000 });
            await Expect(board.Locator("svg")).ToHaveAttributeAsync("aria-label", $"Quầy {counter}: {ticket.Number}");
            await Expect(board).ToContainTextAsync($"Quầy {counter}");
            // The first character of the ticket (the service letter) is drawn with the segments the board would light.
            var lit = await board.Locator("g[data-digit='0'] .seg.on").EvaluateAllAsync<string[]>("nodes => nodes.map(n => n.dataset.segment)");
            Assert.Equal(SegmentsOf(ticket.Number[0]), string.Concat(lit.Order(StringComparer.Ordinal)));
        }

        // The JSON the page draws from stays available for tools and tests.
        Assert.Equal(atVirtual.Number, await rig.VirtualLedAsync(2));
    }

    /// <summary>The segments a..g a board lights for a character (Kiosk.Devices' SevenSegment patterns).</summary>
    private static string SegmentsOf(char c)
    {
        var bits = QueueKiosk.Devices.Displays.SevenSegment.Encode(c);
        return string.Concat("abcdefg".Where((_, i) => ((bits >> i) & 1) == 1));
    }

    /// <summary>Signs in at the console as an officer would and waits until it is live.</summary>
    public static async Task<IPage> SignInAsync(IBrowserContext context, CallingRig rig, string userName, int counterNumber)
    {
        var snapshot = await rig.SnapshotAsync();
        var counterId = snapshot.Counters.Single(c => c.Number == counterNumber).Id;
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(rig.Hub.BaseAddress, "/officer").ToString());
        await WaitUntilLoadedAtAsync(page, "/officer/login");
        await page.FillAsync("#user-name", userName);
        await page.FillAsync("#password", CallingRig.Password);
        await page.SelectOptionAsync("#counter", counterId.ToString());
        await page.ClickAsync("#login-button");
        await WaitUntilLoadedAtAsync(page, "/officer");
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "true", new() { Timeout = 20_000 });
        return page;
    }

    /// <summary>
    /// Polls until the page shows <paramref name="path"/> and has finished loading. Not
    /// WaitForURLAsync: the console and the sign-in page move on by script (location.href), and on
    /// a loaded machine that navigation can land between WaitForURLAsync's look at the URL and the
    /// moment it starts listening, so it waits the whole timeout for a navigation already done.
    /// </summary>
    private static async Task WaitUntilLoadedAtAsync(IPage page, string path)
    {
        var loaded = await Eventually.TrueAsync(
            async () =>
            {
                if (new Uri(page.Url).AbsolutePath != path)
                {
                    return false;
                }

                try
                {
                    return await page.EvaluateAsync<bool>("() => document.readyState === 'complete'");
                }
                catch (PlaywrightException)
                {
                    return false; // the page navigated while we asked
                }
            },
            TimeSpan.FromSeconds(30));
        Assert.True(loaded, $"the page did not finish loading {path}; it is at {page.Url}");
    }

    private static async Task<JsonElement> WaitForAnnouncementsAsync(IPage hall, int count, CallingRig rig)
    {
        var ok = await Eventually.TrueAsync(
            async () => await hall.EvaluateAsync<int>("() => window.qkHall.announced.length") >= count,
            TimeSpan.FromSeconds(45));
        Assert.True(ok, $"the hall page did not get {count} announcement(s)\n{rig.Logs}");
        var json = await hall.EvaluateAsync<string>($"() => JSON.stringify(window.qkHall.announced[{count - 1}])");
        return JsonDocument.Parse(json).RootElement.Clone();
    }

    private static async Task AssertAudioServedAsync(CallingRig rig, JsonElement announcement)
    {
        var url = announcement.GetProperty("audioUrl").GetString();
        Assert.False(string.IsNullOrEmpty(url), $"no audio: {announcement.GetProperty("error")}");
        using var http = new HttpClient { BaseAddress = rig.Display.BaseAddress };
        using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        Assert.Equal("audio/wav", response.Content.Headers.ContentType?.MediaType);
        var wav = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("RIFF"u8.ToArray(), wav[..4]);
        Assert.True(wav.Length > 10_000, $"WAV of {wav.Length} bytes is too short to hold a sentence");
    }
}
