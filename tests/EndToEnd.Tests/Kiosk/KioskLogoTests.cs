using System.Net.Http.Headers;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.HubClient.Contracts;
using static Microsoft.Playwright.Assertions;

namespace QueueKiosk.EndToEnd.Tests.Kiosk;

/// <summary>
/// Issue 9, the site's logo: uploaded in the administration, it shows in the kiosk's top bar next
/// to the office's name, served by the kiosk from the copy it keeps with the catalogue. Real
/// Hub.Server and Kiosk.Ui processes, Chromium.
/// </summary>
public sealed class KioskLogoTests(KioskRig rig, BrowserFixture browser) : IClassFixture<KioskRig>, IClassFixture<BrowserFixture>
{
    private static readonly byte[] Png = TestImages.Png2x1;

    static KioskLogoTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task AnUploadedLogo_ShowsInTheKioskTopBar_FromTheKiosksOwnCopy()
    {
        using (var admin = await rig.SignInAsync("quantri"))
        {
            using var body = new ByteArrayContent(Png);
            body.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            using var uploaded = await admin.PutAsync(HubRoutes.AdminSiteLogo, body);
            Assert.True(uploaded.IsSuccessStatusCode, await uploaded.Content.ReadAsStringAsync());
        }

        var kiosk = await rig.StartKioskAsync();
        await using var context = await browser.NewContextAsync(540, 960);
        var page = await context.NewPageAsync();
        await page.GotoAsync(kiosk.BaseAddress.ToString());

        var logo = page.Locator("#site-logo");
        await Expect(logo).ToBeVisibleAsync();
        Assert.Equal(2, await logo.EvaluateAsync<int>("img => img.naturalWidth"));
        using var http = new HttpClient { BaseAddress = kiosk.BaseAddress };
        var src = await logo.GetAttributeAsync("src");
        Assert.Equal(Png, await http.GetByteArrayAsync(src));
    }
}
