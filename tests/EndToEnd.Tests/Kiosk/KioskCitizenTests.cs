using Microsoft.Playwright;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace QueueKiosk.EndToEnd.Tests.Kiosk;

/// <summary>
/// A citizen at the kiosk, in Chromium, against real Hub.Server and Kiosk.Ui processes: search,
/// read a procedure, take a number, look up dossiers, and what happens when the paper runs out.
/// Screenshots of the main screens (540x960, a portrait screen at half size) refresh docs/screenshots when QK_UPDATE_SCREENSHOTS=1.
/// </summary>
public sealed class KioskCitizenTests(KioskRig rig, BrowserFixture browser) : IClassFixture<KioskRig>, IClassFixture<BrowserFixture>
{
    private const int Width = 540;
    private const int Height = 960;

    static KioskCitizenTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task SearchKhaiSinh_OpenProcedure_TakeNumber_TicketOnScreenPrintedAndInHubQueue()
    {
        await using var context = await browser.NewContextAsync(Width, Height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(rig.Kiosk.BaseAddress.ToString());
        await Expect(page.Locator("#menu-take")).ToContainTextAsync("Lấy số thứ tự");
        await Expect(page.Locator("#welcome-date")).Not.ToBeEmptyAsync();
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("welcome") });

        await KioskRig.OpenMenuAsync(page, "menu-procedures");
        await TypeOnScreenAsync(page, "khai sinh");
        var first = page.Locator("#search-results .list-item").First;
        await Expect(first).ToContainTextAsync("Đăng ký khai sinh");
        await Expect(first.Locator(".name")).ToHaveTextAsync("Đăng ký khai sinh");
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("search") });

        await first.ClickAsync();
        await Expect(page.Locator("#procedure-name")).ToHaveTextAsync("Đăng ký khai sinh");
        await Expect(page.Locator("#procedure-code")).ToHaveTextAsync("1.001193");
        await Expect(page.Locator("#procedure-documents li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#procedure-fees")).Not.ToBeEmptyAsync();
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("procedure") });

        var printedBefore = PrintedTickets(rig.Kiosk);
        await page.Locator("#take-for-procedure").ClickAsync();
        await Expect(page.Locator("#priority-panel")).ToBeVisibleAsync();
        await Expect(page.Locator("#priority-procedure")).ToHaveTextAsync("Đăng ký khai sinh");
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("priority") });
        var elderly = (await page.Locator("[data-priority='Elderly']").InnerTextAsync()).Trim();
        await page.Locator("[data-priority='Elderly']").ClickAsync();

        var number = page.Locator("#ticket-number");
        await Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^A\\d{3}$"));
        await Expect(page.Locator("#ticket-print")).ToHaveTextAsync("Mời quý khách nhận phiếu bên dưới và chờ gọi số.");
        // Worded as the paper words it (issue 10 item 8): the priority, "quý khách", and never "0 phút"
        // (the first priority ticket of the day: nobody is called before it).
        await Expect(page.Locator("#ticket-service")).ToContainTextAsync("– Ưu tiên: " + elderly);
        await Expect(page.Locator("#ticket-procedure")).ToHaveTextAsync("Đăng ký khai sinh");
        await Expect(page.Locator("#ticket-facts")).ToContainTextAsync("Số người chờ trước quý khách");
        await Expect(page.Locator("#ticket-ahead")).ToHaveTextAsync("0");
        await Expect(page.Locator("#ticket-estimate")).ToHaveTextAsync("dưới 1 phút");
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("ticket") });
        var shown = await number.InnerTextAsync();

        // The virtual printer drew one more ticket...
        var png = await Eventually.ValueAsync(() => PrintedTickets(rig.Kiosk).Except(printedBefore).FirstOrDefault(), "a new ticket PNG");
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, File.ReadAllBytes(png).Take(4));

        // ...and the hub's queue holds the same number, as an elderly citizen's kiosk ticket for the procedure.
        var snapshot = await rig.HubSnapshotAsync();
        var ticket = Assert.Single(snapshot.Waiting, t => t.Number == shown);
        Assert.Equal("Đăng ký khai sinh", ticket.ProcedureName);
        Assert.Equal(HubClient.Contracts.PriorityCategory.Elderly, ticket.Priority);
        Assert.Equal(HubClient.Contracts.TicketChannel.Kiosk, ticket.Channel);
    }

    [Fact]
    public async Task TakeNumber_ByField_WithoutPriority_IssuesATicket()
    {
        await using var context = await browser.NewContextAsync(Width, Height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(rig.Kiosk.BaseAddress.ToString());

        await KioskRig.OpenMenuAsync(page, "menu-take");
        await page.Locator(".list-item.field", new() { HasText = "Chứng thực" }).ClickAsync();
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("take-number") });
        await page.Locator(".list-item.procedure").First.ClickAsync();
        await page.Locator("#priority-none").ClickAsync();

        await Expect(page.Locator("#ticket-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^B\\d{3}$"));
        var shown = await page.Locator("#ticket-number").InnerTextAsync();
        Assert.Contains((await rig.HubSnapshotAsync()).Waiting, t => t.Number == shown);
    }

    [Fact]
    public async Task DossierLookup_ValidUnknownAndMalformedCodes_AnswerInPlainSentences()
    {
        await using var context = await browser.NewContextAsync(Width, Height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(rig.Kiosk.BaseAddress.ToString());
        await KioskRig.OpenMenuAsync(page, "menu-dossier");

        // Typed on the on-screen keyboard: the dots and dashes are filled in as the citizen types.
        var code = KioskRig.DemoDossierCode();
        foreach (var c in code.Where(char.IsLetterOrDigit))
        {
            await page.Locator($"#dossier-keyboard [data-key='{c}']").ClickAsync();
        }

        await Expect(page.Locator("#dossier-code")).ToHaveTextAsync(code);
        await page.Locator("#dossier-submit").ClickAsync();
        var answer = page.Locator("#dossier-answer");
        await Expect(answer).ToHaveAttributeAsync("data-kind", "found");
        await Expect(answer).ToContainTextAsync("Đã tiếp nhận");
        await Expect(answer).ToContainTextAsync("Đăng ký khai sinh");
        await Expect(answer).ToContainTextAsync("Nguyễn V** A*");
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("dossier") });

        // A scanner types like a keyboard and ends with Enter: an unknown but well-formed code.
        await page.Locator("[data-key='clear']").ClickAsync();
        await page.Keyboard.TypeAsync("000.00.31.H29-200203-9999");
        await page.Keyboard.PressAsync("Enter");
        await Expect(answer).ToHaveAttributeAsync("data-kind", "not-found");
        await Expect(answer).ToHaveTextAsync("Không tìm thấy hồ sơ có mã này. Xin kiểm tra lại mã trên giấy biên nhận.");

        // Malformed: too short.
        await page.Locator("[data-key='clear']").ClickAsync();
        foreach (var c in "12345")
        {
            await page.Locator($"#dossier-keyboard [data-key='{c}']").ClickAsync();
        }

        await page.Locator("#dossier-submit").ClickAsync();
        await Expect(answer).ToHaveAttributeAsync("data-kind", "malformed");
        await Expect(answer).ToContainTextAsync("Mã hồ sơ chưa đúng dạng");
    }

    [Fact]
    public async Task EnglishSwitch_ShowsEnglishAndBackReturnsHome()
    {
        await using var context = await browser.NewContextAsync(Width, Height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(rig.Kiosk.BaseAddress + "ho-so");

        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Check a dossier");
        await page.Locator("#back").ClickAsync();
        await Expect(page.Locator("#menu-take")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task PrinterOutOfPaper_NumberStaysOnScreen_AndStatusIsReported()
    {
        // A kiosk (and device key) of its own, so its printer trouble cannot disturb the other tests.
        const string deviceName = "Kiosk tầng 2 (e2e)";
        var key = await rig.CreateKioskKeyAsync(deviceName);
        var kiosk = await rig.StartKioskAsync(new Dictionary<string, string?> { ["Kiosk:DeviceKey"] = key });
        await KioskRig.SetPrinterAsync(kiosk, "paper-out");
        var state = await KioskRig.WaitForAsync(kiosk, s => s.GetProperty("printer").GetString() == "PaperOut", "the print queue to see the paper out");
        Assert.Equal("PaperOut", state.GetProperty("notice").GetString());

        await using var context = await browser.NewContextAsync(Width, Height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(kiosk.BaseAddress.ToString());
        await Expect(page.Locator("#notice")).ToContainTextAsync("Máy in hết giấy");
        await KioskRig.OpenMenuAsync(page, "menu-take");
        await TypeOnScreenAsync(page, "ket hon");
        await page.Locator("#search-results .list-item").First.ClickAsync();
        await page.Locator("#priority-none").ClickAsync();

        await Expect(page.Locator("#ticket-number")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^A\\d{3}$"));
        await Expect(page.Locator("#ticket-print")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Máy in không in được phiếu"));
        await Expect(page.Locator("#ticket-print")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("failed"));
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("paper-out") });
        var shown = await page.Locator("#ticket-number").InnerTextAsync();
        Assert.Contains((await rig.HubSnapshotAsync()).Waiting, t => t.Number == shown);
        Assert.Empty(PrintedTickets(kiosk));

        // The supervisor sees it too: the kiosk's heartbeat raised a paper-out alert at the hub.
        var alert = await Eventually.ValueAsync(
            async () => (await rig.ActiveAlertsAsync()).FirstOrDefault(a => a.Kind == HubClient.Contracts.AlertKind.PrinterPaperOut && a.Subject == deviceName && a.ClearedAt is null),
            "the hub's paper-out alert for the kiosk");
        Assert.Contains("hết giấy", alert.Message, StringComparison.Ordinal);

        // Paper back in: the notice goes, the alert clears, and the citizen's Done goes home.
        await KioskRig.SetPrinterAsync(kiosk, "online");
        await Eventually.ValueAsync(
            async () => (await rig.ActiveAlertsAsync()).FirstOrDefault(a => a.Id == alert.Id && a.ClearedAt is not null),
            "the paper-out alert to clear");
        await page.Locator("#ticket-done").ClickAsync();
        await Expect(page.Locator("#menu-take")).ToBeVisibleAsync();
        await Expect(page.Locator("#notice")).ToBeHiddenAsync();
    }

    private static async Task TypeOnScreenAsync(IPage page, string text)
    {
        foreach (var c in text.ToUpperInvariant())
        {
            await page.Locator($"#search-keyboard [data-key='{c}']").ClickAsync();
        }
    }

    private string[] PrintedTickets(HostProcess kiosk)
    {
        var folder = rig.PrintedFolder(kiosk);
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "ticket-*.png") : [];
    }
}
