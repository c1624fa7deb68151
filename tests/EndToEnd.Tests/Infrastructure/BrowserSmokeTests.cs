namespace QueueKiosk.EndToEnd.Tests.Infrastructure;

/// <summary>Checks the test rig itself: Debian's Chromium starts under Playwright and renders Vietnamese.</summary>
public class BrowserSmokeTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Chromium_RendersVietnameseHtml()
    {
        await using var context = await browser.NewContextAsync(800, 600);
        var page = await context.NewPageAsync();

        await page.SetContentAsync("<html><body><h1 id='t'>Đăng ký khai sinh</h1></body></html>");

        Assert.Equal("Đăng ký khai sinh", await page.InnerTextAsync("#t"));
    }
}
