using System.Text.RegularExpressions;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace QueueKiosk.EndToEnd.Tests.Kiosk;

/// <summary>The kiosk when things go wrong: the hub stops, the kiosk restarts without it, nobody touches the screen.</summary>
public sealed class KioskResilienceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string HubDownSentence = "Mất kết nối máy chủ: vẫn tra cứu được thủ tục, nhưng chưa lấy được số.";

    static KioskResilienceTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task HubStopped_TakeANumberIsRefusedBeforeTheFlowStarts_AndComesBackWithTheHub()
    {
        // Issue 10 item 6: the citizen must not walk the whole flow to learn no number can be issued.
        await using var rig = new KioskRig();
        await rig.InitializeAsync();
        await using var context = await browser.NewContextAsync(540, 960);
        var page = await context.NewPageAsync();
        await page.GotoAsync(rig.Kiosk.BaseAddress.ToString());
        var take = page.Locator("#menu-take");
        await Expect(take).ToBeEnabledAsync();
        await Expect(page.Locator("#notice")).ToBeHiddenAsync();

        await rig.StopHubAsync();

        // Nobody touches the screen: the welcome screen itself greys out "Lấy số" and says why in one sentence.
        await Expect(take).ToBeDisabledAsync();
        await Expect(page.Locator("#notice")).ToHaveTextAsync(HubDownSentence);
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("hub-down-welcome") });
        await take.ClickAsync(new() { Force = true });

        // A screen of the flow opened now comes disabled as well: no procedure can be chosen.
        var other = await context.NewPageAsync();
        await other.GotoAsync(rig.Kiosk.BaseAddress + "lay-so");
        await other.Locator(".list-item.field", new() { HasText = "Chứng thực" }).ClickAsync();
        await Expect(other.Locator(".list-item.procedure").First).ToBeDisabledAsync();
        await Expect(other.Locator("#notice")).ToHaveTextAsync(HubDownSentence);
        await Expect(other.Locator("#priority-panel")).ToBeHiddenAsync();

        // The hub is back: the same screens offer "Lấy số" again without a reload, and it works.
        await rig.RestartHubAsync();
        await Expect(take).ToBeEnabledAsync();
        await Expect(page.Locator("#notice")).ToBeHiddenAsync();
        await Expect(other.Locator(".list-item.procedure").First).ToBeEnabledAsync();
        // The tap made while it was disabled went nowhere.
        await Expect(page.Locator("h1")).ToHaveTextAsync("Xin kính chào quý khách");
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);

        await take.ClickAsync();
        await page.Locator(".list-item.field", new() { HasText = "Chứng thực" }).ClickAsync();
        await page.Locator(".list-item.procedure").First.ClickAsync();
        await page.Locator("#priority-none").ClickAsync();
        await Expect(page.Locator("#ticket-number")).ToHaveTextAsync(new Regex("^B\\d{3}$"));
        var shown = await page.Locator("#ticket-number").InnerTextAsync();
        Assert.Contains((await rig.HubSnapshotAsync()).Waiting, t => t.Number == shown);
    }

    [Fact]
    public async Task HubStopped_KioskSaysSoInOneSentence_AndLookupsStillWork_EvenAfterAKioskRestart()
    {
        await using var rig = new KioskRig();
        await rig.InitializeAsync();
        await using var context = await browser.NewContextAsync(540, 960);
        var page = await context.NewPageAsync();
        await page.GotoAsync(rig.Kiosk.BaseAddress.ToString());
        await Expect(page.Locator("#notice")).ToBeHiddenAsync();

        await rig.Hub.KillAsync();

        const string sentence = HubDownSentence;
        await Expect(page.Locator("#notice")).ToHaveTextAsync(sentence);
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("hub-down") });
        await LookUpBirthRegistrationAsync(page);

        // Taking a number cannot work: the procedure's "Lấy số" is disabled before the citizen starts, the notice says why.
        await Expect(page.Locator("#take-for-procedure")).ToBeDisabledAsync();

        // A kiosk restarted while the hub is still down answers from its cached catalogue.
        var restarted = await rig.StartKioskAsync(
            new Dictionary<string, string?> { ["Kiosk:CataloguePath"] = CataloguePathOf(rig) },
            waitForCatalogue: false);
        var state = await KioskRig.WaitForAsync(restarted, s => s.GetProperty("notice").GetString() == "HubUnavailable", "the restarted kiosk to notice the hub is down");
        Assert.True(state.GetProperty("hasCatalogue").GetBoolean());
        Assert.True(state.GetProperty("catalogueFromCache").GetBoolean());
        await page.GotoAsync(restarted.BaseAddress.ToString());
        await Expect(page.Locator("#notice")).ToHaveTextAsync(sentence);
        await LookUpBirthRegistrationAsync(page);
    }

    [Fact]
    public async Task NoTouchForTheIdleTime_ReturnsToTheWelcomeScreenInVietnamese()
    {
        await using var rig = new KioskRig();
        await rig.StartHubAsync();
        await rig.SetKioskIdleSecondsAsync(15);
        var kiosk = await rig.StartKioskAsync();
        await using var context = await browser.NewContextAsync(540, 960);
        var page = await context.NewPageAsync();
        await page.GotoAsync(kiosk.BaseAddress + "thu-tuc");
        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Administrative procedures");
        await page.Locator("#search-keyboard [data-key='K']").ClickAsync();

        // Nobody touches the screen: within the idle time (15 s, the shortest the settings allow) plus margin it is back home, in Vietnamese.
        await Expect(page.Locator("#menu-take")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("h1")).ToHaveTextAsync("Xin kính chào quý khách");
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IdleCountdown_OverThePriorityQuestion_ContinueKeepsTheScreen_OtherwiseBackHome()
    {
        // Issue 10 item 7: a warning with "Tiếp tục" before the idle reset, even over the priority question.
        await using var rig = new KioskRig();
        await rig.StartHubAsync();
        await rig.SetKioskIdleSecondsAsync(15);
        var kiosk = await rig.StartKioskAsync();
        await using var context = await browser.NewContextAsync(540, 960);
        var page = await context.NewPageAsync();
        await page.GotoAsync(kiosk.BaseAddress + "lay-so");
        await page.Locator(".list-item.field", new() { HasText = "Chứng thực" }).ClickAsync();
        await page.Locator(".list-item.procedure").First.ClickAsync();
        var priority = page.Locator("#priority-panel");
        await Expect(priority).ToBeVisibleAsync();

        // Nobody answers: the countdown comes over the question, worded as the site's idle time runs out.
        var warning = page.Locator("#idle-warning");
        await Expect(warning).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#idle-warning-text")).ToHaveTextAsync(new Regex("^Màn hình sẽ trở về trang chủ sau \\d+ giây$"));
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("idle-countdown") });

        // "Tiếp tục": the countdown goes, the question stays where it was.
        await page.Locator("#idle-continue", new() { HasText = "Tiếp tục" }).ClickAsync();
        await Expect(warning).ToBeHiddenAsync();
        await Expect(priority).ToBeVisibleAsync();
        await Expect(page.Locator("#priority-none")).ToBeEnabledAsync();
        Assert.Contains("/lay-so", page.Url, StringComparison.Ordinal);

        // Left alone again: the countdown comes back and, at its end, the welcome screen.
        await Expect(warning).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("#menu-take")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.Locator("h1")).ToHaveTextAsync("Xin kính chào quý khách");
        await Expect(warning).ToBeHiddenAsync();
        Assert.EndsWith("/", page.Url, StringComparison.Ordinal);
    }

    private static async Task LookUpBirthRegistrationAsync(Microsoft.Playwright.IPage page)
    {
        await KioskRig.OpenMenuAsync(page, "menu-procedures");
        foreach (var c in "KHAI SINH")
        {
            await page.Locator($"#search-keyboard [data-key='{c}']").ClickAsync();
        }

        await Expect(page.Locator("#search-results .list-item .name").First).ToHaveTextAsync("Đăng ký khai sinh");
        await page.Locator("#search-results .list-item").First.ClickAsync();
        await Expect(page.Locator("#procedure-name")).ToHaveTextAsync("Đăng ký khai sinh");
        await Expect(page.Locator("#procedure-documents li").First).ToBeVisibleAsync();
    }

    private static string CataloguePathOf(KioskRig rig) =>
        Directory.GetFiles(rig.Root, "catalogue.json", SearchOption.AllDirectories).Single();
}
