using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.HubClient.Contracts;
using static Microsoft.Playwright.Assertions;

namespace QueueKiosk.EndToEnd.Tests.Kiosk;

/// <summary>
/// Issue 10 items 11 and 12, in Chromium against real Hub.Server and Kiosk.Ui processes: a dossier's
/// status in its own colour with a sentence saying what it means, "Lấy số nhận kết quả" for a ready
/// result (a ticket of the office's result-return service), and the kiosk in English: English names
/// where the catalogue has them, a plain note where it has not, and an English printed ticket read
/// back from the printer's bytes.
/// </summary>
public sealed class KioskDossierAndEnglishTests(KioskRig rig, BrowserFixture browser) : IClassFixture<KioskRig>, IClassFixture<BrowserFixture>
{
    private const int Width = 540;
    private const int Height = 960;
    private const string ResultReturnCode = "TKQ";

    // The tones' colours in kiosk.css (.tone-Ready, .tone-Late, .tone-Refused).
    private const string Green = "rgb(11, 110, 79)";
    private const string Orange = "rgb(181, 71, 8)";
    private const string Red = "rgb(161, 26, 18)";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    static KioskDossierAndEnglishTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task ReadyDossier_ShowsItsSentenceInGreen_AndLaySoNhanKetQua_IssuesATicketOfTheResultReturnService()
    {
        await CreateResultReturnServiceAsync();
        var kiosk = await rig.StartKioskAsync(new Dictionary<string, string?> { ["Kiosk:ResultReturnServiceCode"] = ResultReturnCode });
        await using var context = await browser.NewContextAsync(Width, Height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(kiosk.BaseAddress.ToString());
        await KioskRig.OpenMenuAsync(page, "menu-dossier");

        // A scanner types the receipt's code and Enter.
        await LookUpAsync(page, DemoDossierCode(DossierState.ReadyForPickup));
        var answer = page.Locator("#dossier-answer");
        await Expect(answer).ToHaveAttributeAsync("data-kind", "found");
        await Expect(answer).ToHaveAttributeAsync("data-tone", "Ready");
        await Expect(page.Locator("#dossier-state")).ToHaveTextAsync("Đã có kết quả, mời nhận");
        await Expect(page.Locator("#dossier-state")).ToHaveCSSAsync("color", Green);
        await Expect(page.Locator("#dossier-meaning")).ToHaveTextAsync("Đã có kết quả. Mời quý khách lấy số nhận kết quả và mang theo giấy biên nhận.");
        var take = page.Locator("#dossier-take-result");
        await Expect(take).ToHaveTextAsync("Lấy số nhận kết quả");
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("dossier-ready") });

        await take.ClickAsync();
        await Expect(page.Locator("#priority-panel")).ToBeVisibleAsync();
        await Expect(page.Locator("#priority-procedure")).ToHaveTextAsync("Trả kết quả");
        await page.Locator("#priority-none").ClickAsync();

        var number = page.Locator("#ticket-number");
        await Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^K\\d{3}$"));
        await Expect(page.Locator("#ticket-service")).ToHaveTextAsync("Trả kết quả");
        var shown = await number.InnerTextAsync();
        var snapshot = await rig.HubSnapshotAsync();
        var ticket = Assert.Single(snapshot.Waiting, t => t.Number == shown);
        Assert.Equal(ResultReturnCode, ticket.ServiceCode);
        Assert.Null(ticket.ProcedureId);
        Assert.Equal(TicketChannel.Kiosk, ticket.Channel);
    }

    [Theory]
    [InlineData(DossierState.Overdue, "Late", "Quá hạn giải quyết", Orange, "Hồ sơ đã quá ngày hẹn trả mà chưa có kết quả.")]
    [InlineData(DossierState.Rejected, "Refused", "Từ chối giải quyết", Red, "Hồ sơ không được giải quyết.")]
    public async Task OverdueAndRefusedDossiers_ShowTheirOwnColourAndMeaning_WithoutAResultNumber(
        DossierState state, string tone, string stateText, string colour, string meaningStart)
    {
        await CreateResultReturnServiceAsync();
        var kiosk = await rig.StartKioskAsync(new Dictionary<string, string?> { ["Kiosk:ResultReturnServiceCode"] = ResultReturnCode });
        await using var context = await browser.NewContextAsync(Width, Height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(kiosk.BaseAddress + "ho-so");

        await LookUpAsync(page, DemoDossierCode(state));

        var answer = page.Locator("#dossier-answer");
        await Expect(answer).ToHaveAttributeAsync("data-tone", tone);
        await Expect(page.Locator("#dossier-state")).ToHaveTextAsync(stateText);
        await Expect(page.Locator("#dossier-state")).ToHaveCSSAsync("color", colour);
        Assert.NotEqual(Green, colour);
        await Expect(page.Locator("#dossier-meaning")).ToContainTextAsync(meaningStart);
        await Expect(page.Locator("#dossier-meaning")).ToContainTextAsync("bộ phận tiếp nhận và trả kết quả");
        await Expect(page.Locator("#dossier-take-result")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("dossier-" + tone.ToLowerInvariant()) });
    }

    [Fact]
    public async Task ReadyDossier_OnAKioskWithoutTheResultReturnService_SaysWhereToGo_AndOffersNoButton()
    {
        // The rig's own kiosk has no Kiosk:ResultReturnServiceCode.
        await using var context = await browser.NewContextAsync(Width, Height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(rig.Kiosk.BaseAddress + "ho-so");

        await LookUpAsync(page, DemoDossierCode(DossierState.ReadyForPickup));

        await Expect(page.Locator("#dossier-answer")).ToHaveAttributeAsync("data-tone", "Ready");
        await Expect(page.Locator("#dossier-meaning")).ToHaveTextAsync(
            "Đã có kết quả. Mời quý khách mang giấy biên nhận đến bộ phận tiếp nhận và trả kết quả để nhận.");
        await Expect(page.Locator("#dossier-take-result")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task English_ShowsEnglishFieldNames_SaysWhenAProcedureHasNoEnglishVersion_AndPrintsAnEnglishTicket()
    {
        // A printer in ASCII text mode: the virtual printer decodes its bytes back to text lines (ticket-NNNN.txt).
        var kiosk = await rig.StartKioskAsync(new Dictionary<string, string?> { ["Printer:Mode"] = "Ascii" });
        await using var context = await browser.NewContextAsync(Width, Height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(kiosk.BaseAddress + "thu-tuc");
        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.Locator("h1")).ToHaveTextAsync("Administrative procedures");

        // Fields have English names in the demo catalogue: shown in English, no note.
        var civilStatus = page.Locator(".list-item.field", new() { HasText = "Justice - Civil status" });
        await Expect(civilStatus).ToBeVisibleAsync();
        await Expect(page.Locator("#untranslated-note")).ToHaveCountAsync(0);

        // Procedures have no English version: shown in Vietnamese, in italics, and the page says so.
        await civilStatus.ClickAsync();
        await Expect(page.Locator("#untranslated-note")).ToHaveTextAsync("Names in italics have no English version; shown in Vietnamese");
        var khaiSinh = page.Locator(".list-item.procedure .name.untranslated", new() { HasText = "Đăng ký khai sinh" }).First;
        await Expect(khaiSinh).ToHaveAttributeAsync("lang", "vi");
        await page.ScreenshotAsync(new() { Path = KioskRig.ScreenshotPath("english-procedures") });
        await page.Locator(".list-item.procedure", new() { HasText = "Đăng ký khai sinh" }).First.ClickAsync();
        await Expect(page.Locator("#untranslated-note")).ToHaveTextAsync("No English version; shown in Vietnamese");
        await Expect(page.Locator("#procedure-name")).ToHaveAttributeAsync("lang", "vi");

        // Taking a number in English: the service's English name on screen and on paper, English labels on paper.
        var folder = rig.PrintedFolder(kiosk);
        await page.Locator("#take-for-procedure").ClickAsync();
        await page.Locator("[data-priority='Elderly']").ClickAsync();
        var number = page.Locator("#ticket-number");
        await Expect(number).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^A\\d{3}$"));
        // The screen shows the printed service line (the service's English name and the priority), then the procedure as the catalogue has it.
        await Expect(page.Locator("#ticket-service")).ToHaveTextAsync("Civil status – Priority: Elderly person");
        await Expect(page.Locator("#ticket-procedure")).ToHaveTextAsync("Đăng ký khai sinh");
        await Expect(page.Locator("#ticket-print")).ToHaveTextAsync("Please take your ticket below and wait to be called.");
        var shown = await number.InnerTextAsync();

        var text = await Eventually.ValueAsync(
            () => Directory.Exists(folder) ? Directory.GetFiles(folder, "ticket-*.txt").Select(File.ReadAllText).FirstOrDefault(t => t.Contains(shown, StringComparison.Ordinal)) : null,
            "the English ticket's decoded text");
        var lines = text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("QUEUE NUMBER", lines);
        Assert.Contains(shown, lines);
        Assert.Contains(lines, l => l.StartsWith("Civil status - Priority: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("People ahead of you: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Estimated wait: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Issued at: ", StringComparison.Ordinal));
        Assert.Contains("Thank you!", lines);
        Assert.DoesNotContain(lines, l => l.Contains("SO THU TU", StringComparison.Ordinal) || l.Contains('?', StringComparison.Ordinal));
    }

    [Fact]
    public async Task English_ShowsAProcedureByTheEnglishNameTheAdministratorGaveIt_WithoutTheUntranslatedNote()
    {
        // The administrator gives "Đăng ký kết hôn" an English name (as /supervisor/catalogue does); a kiosk started after reads it.
        using (var admin = await rig.SignInAsync("quantri"))
        {
            var marriage = (await admin.GetFromJsonAsync<List<ProcedureAdminDto>>($"{HubRoutes.AdminProcedures}?q=1.000894", Json))!.Single(p => p.Code == "1.000894");
            var request = new ProcedureRequest(marriage.Code, marriage.Name, marriage.FieldId, marriage.ServiceId, marriage.Level, marriage.Agency,
                marriage.ProcessingTime, marriage.Fees, marriage.Documents, marriage.LegalBasis, marriage.SortOrder, "Marriage registration");
            using var response = await admin.PutAsJsonAsync($"{HubRoutes.AdminProcedures}/{marriage.Id}", request, Json);
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        var kiosk = await rig.StartKioskAsync();
        await using var context = await browser.NewContextAsync(Width, Height);
        var page = await context.NewPageAsync();
        await page.GotoAsync(kiosk.BaseAddress + "thu-tuc");
        await page.Locator("#lang-switch").ClickAsync();
        await page.Locator(".list-item.field", new() { HasText = "Justice - Civil status" }).ClickAsync();

        // In the list: the English name, in the kiosk's language, not in italics; the others still say they are Vietnamese.
        var marriageItem = page.Locator(".list-item.procedure", new() { HasText = "Marriage registration" });
        await Expect(marriageItem.Locator(".name")).ToHaveAttributeAsync("lang", "en");
        await Expect(marriageItem.Locator(".untranslated")).ToHaveCountAsync(0);
        await Expect(page.Locator(".list-item.procedure", new() { HasText = "Đăng ký kết hôn" })).ToHaveCountAsync(0);

        // On its page: the English name as the title and no note saying it is shown in Vietnamese.
        await marriageItem.ClickAsync();
        await Expect(page.Locator("#procedure-name")).ToHaveTextAsync("Marriage registration");
        await Expect(page.Locator("#procedure-name")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("#untranslated-note")).ToHaveCountAsync(0);

        // Back in Vietnamese the same procedure has its Vietnamese name.
        await page.Locator("#lang-switch").ClickAsync();
        await Expect(page.Locator("#procedure-name")).ToHaveTextAsync("Đăng ký kết hôn");
    }

    /// <summary>The result-return service the administrator adds on /supervisor/services (once per rig).</summary>
    private async Task CreateResultReturnServiceAsync()
    {
        using var admin = await rig.SignInAsync("quantri");
        var existing = await admin.GetFromJsonAsync<List<JsonElement>>(HubRoutes.AdminServices, Json);
        if (existing!.Any(s => s.GetProperty("code").GetString() == ResultReturnCode))
        {
            return;
        }

        using var response = await admin.PostAsJsonAsync(HubRoutes.AdminServices, new
        {
            code = ResultReturnCode,
            name = "Trả kết quả",
            nameEn = "Result return",
            prefix = "K",
            digits = 3,
            rangeStart = 1,
            rangeEnd = 999,
            waitTargetMinutes = 10,
            defaultServiceSeconds = 120,
        }, Json);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private static async Task LookUpAsync(IPage page, string code)
    {
        await page.Keyboard.TypeAsync(code);
        await page.Keyboard.PressAsync("Enter");
    }

    /// <summary>The demo holds one dossier per status, in the enum's order, the i-th received 3i + 2 days ago (Hub.Server Demo/DemoSeeder.AddDossiers).</summary>
    private static string DemoDossierCode(DossierState state)
    {
        var i = (int)state;
        var received = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-(i * 3) - 2);
        return $"000.00.31.H29-{received:yyMMdd}-{i + 1:0000}";
    }
}
