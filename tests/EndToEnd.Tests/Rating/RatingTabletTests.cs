using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.HubClient.Contracts;
using static Microsoft.Playwright.Assertions;

namespace QueueKiosk.EndToEnd.Tests.Rating;

/// <summary>
/// The rating tablet in Chromium against a real Hub.Server (docs/ratings.md): paired by the address
/// its QR code holds, it asks for the ticket its counter just finished; a low rating with a reason
/// reaches the supervisor's dashboard and report; a rating given while the tablet is offline is
/// delivered once when the network is back.
/// </summary>
public sealed class RatingTabletTests(RatingRig rig, BrowserFixture browser) : IClassFixture<RatingRig>, IClassFixture<BrowserFixture>
{
    static RatingTabletTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task OfficerFinishes_TabletAsks_LowRatingWithAReason_ShowsOnTheDashboardAndInTheReport()
    {
        var device = await rig.CreateTabletAsync(1);
        await using var context = await browser.NewContextAsync(1280, 800);
        var tablet = await OpenTabletAsync(context, device);
        await Expect(tablet.Locator("#idle-counter")).ToHaveTextAsync("Quầy 1");
        // The key left the address bar once stored.
        Assert.DoesNotContain("key=", tablet.Url, StringComparison.Ordinal);

        var ticket = await rig.ServeAsync(1);
        await Expect(tablet.Locator("#ask-number")).ToHaveTextAsync(ticket.Number);
        await Expect(tablet.Locator("#screen-ask")).ToContainTextAsync("Ông/bà đánh giá thế nào về việc phục vụ?");
        await tablet.GetByTestId("face-1").ClickAsync();
        await tablet.GetByTestId($"reason-{RatingReasons.LongWait}").CheckAsync();
        await tablet.GetByTestId("reason-text").FillAsync("Chờ hơn một tiếng");
        await tablet.GetByTestId("reasons-next").ClickAsync();
        await Expect(tablet.Locator("#screen-thanks")).ToBeVisibleAsync();
        await Expect(tablet.GetByTestId("outbox")).ToBeHiddenAsync();

        // The supervisor sees the alert and the rating in the report.
        var desk = await SignInAsync(context, "giamsat");
        await desk.GotoAsync(new Uri(rig.BaseAddress, "/supervisor").ToString());
        var alert = desk.Locator("#alerts li[data-kind='LowRating']", new() { HasText = ticket.Number });
        await Expect(alert).ToBeVisibleAsync();
        await Expect(alert).ToContainTextAsync("Người dân không hài lòng");
        await Expect(alert).ToContainTextAsync("Chờ lâu");
        await Expect(alert).ToContainTextAsync("Chờ hơn một tiếng");

        await desk.GotoAsync(new Uri(rig.BaseAddress, "/supervisor/reports").ToString());
        await desk.Locator("#report-form button[type='submit']").ClickAsync();
        var counterRow = desk.Locator("#rating-by-counter tbody tr", new() { HasText = "1" }).First;
        await Expect(desk.Locator("#rating-by-counter")).ToBeVisibleAsync();
        await Expect(desk.Locator("#rating-total td.unhappy")).Not.ToHaveTextAsync("–");
        await Expect(counterRow.Locator("td.unhappy")).ToHaveTextAsync(new Regex(@"^[1-9]\d* \(\d+ %\)$"));
        await Expect(desk.Locator("#rating-by-officer")).ToContainTextAsync("Cán bộ quầy 1 (mẫu)");
    }

    [Fact]
    public async Task ATabletThatLostItsNetwork_DeliversItsRatingOnce_WhenItIsBack()
    {
        var device = await rig.CreateTabletAsync(2);
        await using var context = await browser.NewContextAsync(1280, 800);
        var tablet = await OpenTabletAsync(context, device);
        await Expect(tablet.Locator("#link-state")).ToHaveClassAsync(new Regex("online"));

        var ticket = await rig.ServeAsync(2);
        await Expect(tablet.Locator("#ask-number")).ToHaveTextAsync(ticket.Number);
        await context.SetOfflineAsync(true);
        await tablet.GetByTestId("face-4").ClickAsync();
        await Expect(tablet.Locator("#screen-thanks")).ToBeVisibleAsync();
        await Expect(tablet.GetByTestId("outbox")).ToHaveTextAsync("1 đánh giá chờ gửi");
        using var supervisor = await rig.SignInAsync("giamsat");
        Assert.Equal(0, await RatedCountAsync(supervisor, 2));

        // Back online: the outbox sends it (on the browser's "online" event or its next periodic try).
        await context.SetOfflineAsync(false);
        await Expect(tablet.GetByTestId("outbox")).ToBeHiddenAsync(new() { Timeout = 30_000 });
        Assert.True(await Eventually.TrueAsync(async () => await RatedCountAsync(supervisor, 2) == 1, TimeSpan.FromSeconds(20)), "the rating reached the hub");

        // Once: the outbox is empty and another flush sends nothing more.
        await tablet.EvaluateAsync("() => window.QkRatingOutbox.flush(localStorage.getItem('qk-rating-key'))");
        Assert.Equal(0, await tablet.EvaluateAsync<int>("() => window.QkRatingOutbox.pending()"));
        Assert.Equal(1, await RatedCountAsync(supervisor, 2));
        var report = await supervisor.GetFromJsonAsync<ReportDto>(HubRoutes.Reports, RatingRig.Json);
        Assert.Equal(1, report!.Ratings!.ByCounter.Single(r => r.Key == "2").VerySatisfied);
    }

    [Fact]
    public async Task NobodyAnswers_TheTabletRecordsNotRated_NeverAGuess()
    {
        var device = await rig.CreateTabletAsync(3);
        await using var context = await browser.NewContextAsync(1280, 800);
        var page = await context.NewPageAsync();
        // The page's own clock, moved forward by hand: the test waits for no timeout.
        await page.Clock.InstallAsync();
        await page.GotoAsync(device.Pairing);
        await Expect(page.Locator("#link-state")).ToHaveClassAsync(new Regex("online"));

        var ticket = await rig.ServeAsync(3);
        await Expect(page.Locator("#ask-number")).ToHaveTextAsync(ticket.Number);
        await page.Clock.FastForwardAsync("00:31");
        await Expect(page.Locator("#screen-idle")).ToBeVisibleAsync();

        using var supervisor = await rig.SignInAsync("giamsat");
        Assert.True(await Eventually.TrueAsync(async () => await RatedCountAsync(supervisor, 3) == 1, TimeSpan.FromSeconds(20)), "the record reached the hub");
        var row = (await supervisor.GetFromJsonAsync<ReportDto>(HubRoutes.Reports, RatingRig.Json))!.Ratings!.ByCounter.Single(r => r.Key == "3");
        Assert.Equal((1, 0), (row.NotRated, row.Rated));
    }

    private static async Task<int> RatedCountAsync(HttpClient supervisor, int counterNumber)
    {
        var report = await supervisor.GetFromJsonAsync<ReportDto>(HubRoutes.Reports, RatingRig.Json);
        return report!.Ratings!.ByCounter.SingleOrDefault(r => r.Key == counterNumber.ToString(System.Globalization.CultureInfo.InvariantCulture)) is { } row
            ? row.Rated + row.NotRated
            : 0;
    }

    /// <summary>Opens the address the pairing QR code holds, as the tablet's browser would after a scan.</summary>
    private static async Task<IPage> OpenTabletAsync(IBrowserContext context, CreatedDeviceDto device)
    {
        Assert.Contains("/rating#key=", device.Pairing, StringComparison.Ordinal);
        var page = await context.NewPageAsync();
        await page.GotoAsync(device.Pairing);
        await Expect(page.Locator("#screen-idle")).ToBeVisibleAsync();
        return page;
    }

    /// <summary>Signs in through the login page, as a supervisor would; answers a fresh page of the same context.</summary>
    private async Task<IPage> SignInAsync(IBrowserContext context, string user)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(rig.BaseAddress, "/supervisor").ToString());
        await Expect(page).ToHaveURLAsync(new Regex("/supervisor/login"));
        await page.Locator("#user-name").FillAsync(user);
        await page.Locator("#password").FillAsync(RatingRig.Password);
        await page.Locator("#login-button").ClickAsync();
        await Expect(page.Locator("#counters")).ToBeAttachedAsync();
        return page;
    }
}
