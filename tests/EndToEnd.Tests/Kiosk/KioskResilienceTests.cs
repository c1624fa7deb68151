using QueueKiosk.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace QueueKiosk.EndToEnd.Tests.Kiosk;

/// <summary>The kiosk when things go wrong: the hub stops, the kiosk restarts without it, nobody touches the screen.</summary>
public sealed class KioskResilienceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static KioskResilienceTests() => SetDefaultExpectTimeout(20_000);

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

        const string sentence = "Mất kết nối máy chủ: vẫn tra cứu được thủ tục, nhưng chưa lấy được số.";
        await Expect(page.Locator("#notice")).ToHaveTextAsync(sentence);
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("hub-down") });
        await LookUpBirthRegistrationAsync(page);

        // Taking a number cannot work; the citizen is told why, in a sentence.
        await page.Locator("#take-for-procedure").ClickAsync();
        await page.Locator("#priority-none").ClickAsync();
        await Expect(page.Locator("#ticket-error")).ToHaveTextAsync("Không kết nối được máy chủ nên chưa lấy được số. Xin mời đến quầy hướng dẫn.");

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

    private static async Task LookUpBirthRegistrationAsync(Microsoft.Playwright.IPage page)
    {
        await page.Locator("#menu-procedures").ClickAsync();
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
