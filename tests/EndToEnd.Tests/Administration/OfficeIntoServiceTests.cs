using System.Text.RegularExpressions;
using Microsoft.Playwright;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.EndToEnd.Tests.Kiosk;
using static Microsoft.Playwright.Assertions;

namespace QueueKiosk.EndToEnd.Tests.Administration;

/// <summary>
/// Issue 9's "done when": an office put into service from an empty production database, every
/// step in the pages as its administrator would do it (the first admin by the command the sign-in
/// page names), then a citizen's ticket through Kiosk.Ui, the officer console and the hall TV of
/// Counter.Display started with the keys made in the pages; a retired service leaves the kiosk and
/// stays in the reports. On SQLite the administration pages are photographed for the README
/// (docs/screenshots/admin-*.png, refreshed when QK_UPDATE_SCREENSHOTS=1).
/// </summary>
public sealed class OfficeIntoServiceTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    private const string AdminPassword = "QuanTri2026";
    private const string OfficerFirstPassword = "TamThoi2026";
    private const string OfficerOwnPassword = "CanBo2026moi";
    private const string SiteName = "Bộ phận Một cửa UBND xã Hòa Bình";

    private static readonly Regex Anything = new(".+");

    static OfficeIntoServiceTests() => SetDefaultExpectTimeout(20_000);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task EmptyDatabase_SetUpInThePages_FirstTicketCalledOnTheHallTv_RetiredServiceLeavesTheKioskNotTheReports(string provider)
    {
        await using var rig = await OfficeRig.StartAsync(provider);
        if (rig is null)
        {
            Console.WriteLine("PostgreSQL not reachable; set QK_TEST_POSTGRES (or QK_REQUIRE_POSTGRES=1 to fail). Test not run.");
            return;
        }

        var photos = provider == "Sqlite";
        try
        {
            await using var context = await browser.NewContextAsync(1280, 900);
            var admin = await context.NewPageAsync();
            // Retiring asks "are you sure?"; the administrator says yes.
            admin.Dialog += (_, dialog) => dialog.AcceptAsync();

            // No admin yet: the sign-in page says which command creates one.
            await admin.GotoAsync(Url(rig.BaseAddress, "/supervisor/login"));
            await Expect(admin.Locator("#first-admin h2")).ToHaveTextAsync("Chưa có tài khoản quản trị");
            await Expect(admin.Locator("#first-admin-command")).ToContainTextAsync("admin create --user");
            await Photo(admin, photos, "first-admin");

            var created = await rig.RunCommandAsync("admin", "create", "--user", "quantri", "--password", AdminPassword, "--name", "Quản trị viên");
            var siteCode = Regex.Match(created, @"for site (\S+)").Groups[1].Value;
            Assert.False(string.IsNullOrEmpty(siteCode), created);

            await admin.ReloadAsync();
            await Expect(admin.Locator("#first-admin")).ToHaveCountAsync(0);
            await admin.Locator("#user-name").FillAsync("quantri");
            await admin.Locator("#password").FillAsync(AdminPassword);
            await admin.Locator("#login-button").ClickAsync();
            await Expect(admin).ToHaveURLAsync(new Regex("/supervisor$"));

            await SetUpSiteAsync(admin, rig, photos);
            await ImportCatalogueAsync(admin, rig, photos);
            await CreateServicesAsync(admin, rig, photos);
            await CreateCountersAsync(admin, rig, photos);
            await CreateStaffAsync(admin, rig, photos);
            var kioskKey = await CreateDeviceAsync(admin, rig, "Kiosk", "Kiosk sảnh");
            var displayKey = await CreateDeviceAsync(admin, rig, "Display", "TV sảnh");
            await Photo(admin, photos, "devices");

            var kiosk = await rig.StartKioskAsync(kioskKey, siteCode);
            var display = await rig.StartDisplayAsync(displayKey);

            // A citizen takes a number for an imported procedure.
            var kioskPage = await context.NewPageAsync();
            await kioskPage.GotoAsync(kiosk.BaseAddress.ToString());
            await KioskRig.OpenMenuAsync(kioskPage, "menu-take");
            await kioskPage.Locator(".list-item.field", new() { HasText = "Hộ tịch" }).ClickAsync();
            await kioskPage.Locator(".list-item.procedure", new() { HasText = "Đăng ký khai sinh" }).ClickAsync();
            await kioskPage.Locator("#priority-none").ClickAsync();
            await Expect(kioskPage.Locator("#ticket-number")).ToHaveTextAsync(new Regex("^A\\d{3}$"));
            await ExpectLogoAsync(kioskPage);
            var number = await kioskPage.Locator("#ticket-number").InnerTextAsync();

            var hall = await context.NewPageAsync();
            await hall.GotoAsync(Url(display.BaseAddress, "/hall"));
            await Expect(hall.Locator("#site-name")).ToHaveTextAsync(SiteName);
            await ExpectLogoAsync(hall);

            // The officer signs in at their counter, must choose their own password, then calls and finishes.
            // Its own browser context: the officer's sign-in cookie must not replace the admin's.
            await using var officerContext = await browser.NewContextAsync(1366, 768);
            var console = await OfficerSignInAsync(officerContext, rig);
            await Expect(console.Locator($"#waiting-list tr[data-ticket='{number}']")).ToBeVisibleAsync();
            await Expect(console.Locator("#btn-call-next")).ToBeEnabledAsync();
            await console.Locator("#btn-call-next").ClickAsync();
            await Expect(console.Locator("#current-number")).ToHaveTextAsync(number);
            await Expect(hall.Locator("[data-counter='1'] .number")).ToHaveTextAsync(number);
            await Expect(hall.Locator("#last-calls li").First).ToContainTextAsync(number);
            await Expect(console.Locator("#btn-start")).ToBeEnabledAsync();
            await console.Locator("#btn-start").ClickAsync();
            await Expect(console.Locator("#current-status")).ToHaveTextAsync("Đang phục vụ");
            await Expect(console.Locator("#btn-finish")).ToBeEnabledAsync();
            await console.Locator("#btn-finish").ClickAsync();
            await Expect(console.Locator("#message")).ToContainTextAsync($"Đã hoàn thành số {number}");

            // Retire the service: gone from the kiosk, its ticket still in the reports.
            await admin.GotoAsync(Url(rig.BaseAddress, "/supervisor/services"));
            await admin.Locator("[data-testid='service-retire-HT']").ClickAsync();
            await Expect(admin.Locator("tr[data-service-code='HT']")).ToContainTextAsync("Đã ngừng");
            Assert.True(await Eventually.TrueAsync(async () =>
            {
                await kioskPage.GotoAsync(kiosk.BaseAddress.ToString());
                await KioskRig.OpenMenuAsync(kioskPage, "menu-take");
                await Expect(kioskPage.Locator(".list-item.field", new() { HasText = "Chứng thực" })).ToBeVisibleAsync();
                return await kioskPage.Locator(".list-item.field", new() { HasText = "Hộ tịch" }).CountAsync() == 0;
            }, TimeSpan.FromSeconds(30)), "the retired service's field left the kiosk");

            await admin.GotoAsync(Url(rig.BaseAddress, "/supervisor/reports"));
            await Expect(admin.Locator("#by-service tr[data-key='HT']")).ToContainTextAsync("Hộ tịch");
            await Photo(admin, photos, "reports");
        }
        catch
        {
            Console.WriteLine(rig.Logs);
            throw;
        }
    }

    /// <summary>The uploaded logo is on the page, and the browser drew it (2 pixels wide).</summary>
    private static async Task ExpectLogoAsync(IPage page)
    {
        var logo = page.Locator("#site-logo");
        await Expect(logo).ToBeVisibleAsync();
        Assert.Equal(2, await logo.EvaluateAsync<int>("img => img.naturalWidth"));
    }

    private static async Task SetUpSiteAsync(IPage admin, OfficeRig rig, bool photos)
    {
        await admin.GotoAsync(Url(rig.BaseAddress, "/supervisor/settings"));
        await Expect(admin.Locator("#site-time-zone")).ToHaveValueAsync(Anything);
        await admin.Locator("#site-name").FillAsync(SiteName);
        await admin.Locator("#site-address").FillAsync("Số 1 đường Lê Lợi, xã Hòa Bình");
        await admin.Locator("#site-ticket-header").FillAsync("UBND XÃ HÒA BÌNH");
        await admin.Locator("#site-ticket-footer").FillAsync("Vui lòng giữ phiếu đến khi được gọi");
        await admin.Locator("#site-ticket-thank-you").FillAsync("Cảm ơn quý khách");
        // Monday to Friday, two sessions; Saturday morning only.
        foreach (var day in new[] { 1, 2, 3, 4, 5 })
        {
            await SessionAsync(admin, day, "morning", "07:30", "11:30");
            await SessionAsync(admin, day, "afternoon", "13:30", "17:00");
        }

        await SessionAsync(admin, 6, "morning", "07:30", "11:30");
        await SessionAsync(admin, 6, "afternoon", "", "");
        await admin.Locator("#site-save").ClickAsync();
        await Expect(admin.Locator("#message")).ToContainTextAsync("Đã lưu thông tin đơn vị và giờ làm việc.");
        await admin.ReloadAsync();
        await Expect(admin.Locator("#site-name")).ToHaveValueAsync(SiteName);
        await Expect(admin.Locator("#week-6-morning-from")).ToHaveValueAsync("07:30");

        // The office's logo: shown here, then on the kiosk and the hall TV.
        await admin.Locator("#logo-file").SetInputFilesAsync(new FilePayload { Name = "logo.png", MimeType = "image/png", Buffer = TestImages.Png2x1 });
        await admin.Locator("#logo-upload").ClickAsync();
        await Expect(admin.Locator("#message")).ToContainTextAsync("Đã tải logo lên.");
        await Expect(admin.Locator("#logo-preview")).ToBeVisibleAsync();
        await Photo(admin, photos, "settings");
    }

    private static async Task SessionAsync(IPage admin, int day, string part, string from, string to)
    {
        await admin.Locator($"#week-{day}-{part}-from").FillAsync(from);
        await admin.Locator($"#week-{day}-{part}-to").FillAsync(to);
    }

    private static async Task ImportCatalogueAsync(IPage admin, OfficeRig rig, bool photos)
    {
        await admin.GotoAsync(Url(rig.BaseAddress, "/supervisor/catalogue"));
        await Expect(admin.Locator("#fields-empty")).ToBeVisibleAsync();
        await admin.Locator("#import-file").SetInputFilesAsync(Path.Combine(RepoPaths.Root, "docs", "samples", "thu-tuc-mau.xlsx"));
        await admin.Locator("#import-preview-button").ClickAsync();
        await Expect(admin.Locator("#import-preview")).ToBeVisibleAsync();
        await Expect(admin.Locator("#import-rows tr")).ToHaveCountAsync(20);
        await Expect(admin.Locator("#import-commit")).ToBeEnabledAsync();
        await Photo(admin, photos, "catalogue-preview");
        await admin.Locator("#import-commit").ClickAsync();
        await Expect(admin.Locator("#import-result")).ToContainTextAsync("thêm mới 20");
        await Expect(admin.Locator("#fields tr[data-field-code]", new() { HasText = "Hộ tịch" })).ToHaveCountAsync(1);
        await Expect(admin.Locator("#procedures tr[data-procedure-code='1.001193']")).ToContainTextAsync("Đăng ký khai sinh");
        await Photo(admin, photos, "catalogue");
    }

    private static async Task CreateServicesAsync(IPage admin, OfficeRig rig, bool photos)
    {
        await admin.GotoAsync(Url(rig.BaseAddress, "/supervisor/services"));
        await Expect(admin.Locator("#services-empty")).ToBeVisibleAsync();

        await FillServiceAsync(admin, "HT", "Hộ tịch", "A");
        await admin.Locator("#service-fields label", new() { HasText = "Hộ tịch" }).Locator("input").CheckAsync();
        await admin.Locator("#service-save").ClickAsync();
        await Expect(admin.Locator("tr[data-service-code='HT']")).ToContainTextAsync("Đang phục vụ");

        await FillServiceAsync(admin, "CT", "Chứng thực - Đất đai", "B");
        await admin.Locator("#service-fields label", new() { HasText = "Chứng thực" }).Locator("input").CheckAsync();
        await admin.Locator("#service-procedures label", new() { HasText = "1.004227" }).Locator("input").CheckAsync();
        await admin.Locator("#service-save").ClickAsync();
        await Expect(admin.Locator("tr[data-service-code='CT']")).ToContainTextAsync("Đang phục vụ");
        // 7 procedures of Hộ tịch; 3 of Chứng thực and one of Đất đai.
        await Expect(admin.Locator("tr[data-service-code='HT'] td").Nth(7)).ToHaveTextAsync("7");
        await Expect(admin.Locator("tr[data-service-code='CT'] td").Nth(7)).ToHaveTextAsync("4");
        await Photo(admin, photos, "services");
    }

    private static async Task FillServiceAsync(IPage admin, string code, string name, string prefix)
    {
        await admin.Locator("#service-code").FillAsync(code);
        await admin.Locator("#service-name").FillAsync(name);
        await admin.Locator("#service-prefix").FillAsync(prefix);
    }

    private static async Task CreateCountersAsync(IPage admin, OfficeRig rig, bool photos)
    {
        await admin.GotoAsync(Url(rig.BaseAddress, "/supervisor/counters"));
        await Expect(admin.Locator("#counters-empty")).ToBeVisibleAsync();
        foreach (var (number, name, service) in new[] { (1, "Quầy Hộ tịch", "HT"), (2, "Quầy Chứng thực", "CT") })
        {
            await Expect(admin.Locator($"#counter-service-{service}")).ToBeVisibleAsync();
            await admin.Locator("#counter-number").FillAsync(number.ToString(System.Globalization.CultureInfo.InvariantCulture));
            await admin.Locator("#counter-name").FillAsync(name);
            await admin.Locator($"#counter-service-{service}").CheckAsync();
            await admin.Locator("#counter-save").ClickAsync();
            await Expect(admin.Locator("#message")).ToContainTextAsync($"Đã lưu quầy {number}.");
            await Expect(admin.Locator($"tr[data-counter-number='{number}']")).ToContainTextAsync(service);
        }

        await Photo(admin, photos, "counters");
    }

    private static async Task CreateStaffAsync(IPage admin, OfficeRig rig, bool photos)
    {
        await admin.GotoAsync(Url(rig.BaseAddress, "/supervisor/users"));
        await Expect(admin.Locator("[data-testid='staff-row-quantri']")).ToBeVisibleAsync();

        await admin.Locator("#staff-username").FillAsync("canbo1");
        await admin.Locator("#staff-displayname").FillAsync("Nguyễn Thị Lan");
        await admin.Locator("#staff-role").SelectOptionAsync("Officer");
        await admin.Locator("#staff-password").FillAsync(OfficerFirstPassword);
        await admin.Locator("[data-testid='staff-counter-1']").CheckAsync();
        await admin.Locator("#staff-submit").ClickAsync();
        await Expect(admin.Locator("#message")).ToContainTextAsync("Đã tạo tài khoản canbo1");
        await Expect(admin.Locator("[data-testid='staff-row-canbo1']")).ToContainTextAsync("Chờ đổi mật khẩu");

        await admin.Locator("#staff-username").FillAsync("giamsat");
        await admin.Locator("#staff-displayname").FillAsync("Trần Văn Minh");
        await admin.Locator("#staff-role").SelectOptionAsync("Supervisor");
        await admin.Locator("#staff-password").FillAsync(OfficerFirstPassword);
        await admin.Locator("#staff-submit").ClickAsync();
        await Expect(admin.Locator("#message")).ToContainTextAsync("Đã tạo tài khoản giamsat");
        await Expect(admin.Locator("[data-testid='staff-row-giamsat']")).ToContainTextAsync("Giám sát");
        await Photo(admin, photos, "users");
    }

    /// <summary>Creates a device in the page and reads its key, shown this once.</summary>
    private static async Task<string> CreateDeviceAsync(IPage admin, OfficeRig rig, string kind, string name)
    {
        if (!admin.Url.EndsWith("/supervisor/devices", StringComparison.Ordinal))
        {
            await admin.GotoAsync(Url(rig.BaseAddress, "/supervisor/devices"));
        }

        await admin.Locator("#device-kind").SelectOptionAsync(kind);
        await admin.Locator("#device-name").FillAsync(name);
        await admin.Locator("#device-submit").ClickAsync();
        await Expect(admin.Locator("#device-once-name")).ToHaveTextAsync(name);
        await Expect(admin.Locator("#device-key")).ToHaveTextAsync(Anything);
        var key = await admin.Locator("#device-key").InnerTextAsync();
        await Expect(admin.Locator($"[data-testid='device-row-{name}']")).ToContainTextAsync("Đang dùng");
        return key.Trim();
    }

    private static async Task<IPage> OfficerSignInAsync(IBrowserContext context, OfficeRig rig)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(Url(rig.BaseAddress, "/officer/login"));
        await page.Locator("#user-name").FillAsync("canbo1");
        await page.Locator("#password").FillAsync(OfficerFirstPassword);
        var counter = await page.Locator("#counter option", new() { HasText = "Quầy Hộ tịch" }).GetAttributeAsync("value");
        await page.Locator("#counter").SelectOptionAsync(counter!);
        await page.Locator("#login-button").ClickAsync();

        await Expect(page.Locator("#password-form")).ToBeVisibleAsync();
        await page.Locator("#new-password").FillAsync(OfficerOwnPassword);
        await page.Locator("#new-password-again").FillAsync(OfficerOwnPassword);
        await page.Locator("#password-button").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/officer$"));
        await Expect(page.Locator("body")).ToHaveAttributeAsync("data-live", "true");
        return page;
    }

    private static string Url(Uri baseAddress, string path) => new Uri(baseAddress, path).ToString();

    private static async Task Photo(IPage page, bool photos, string name)
    {
        if (photos)
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Screenshots.PathFor($"admin-{name}.png"), FullPage = true });
        }
    }
}
