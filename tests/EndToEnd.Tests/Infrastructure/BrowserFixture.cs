using Microsoft.Playwright;

namespace QueueKiosk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One headless Debian Chromium per test class, driven by Playwright. Playwright's own browser
/// download is not possible here, so the system browser is used through ExecutablePath.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            // The closed network here refuses Chromium's background connections; these flags keep
            // it from trying. Autoplay is allowed because the hall page speaks without a click.
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--autoplay-policy=no-user-gesture-required",
            ],
        });
    }

    /// <summary>A fresh context (own cookies) with a kiosk-sized viewport and Vietnamese locale.</summary>
    public Task<IBrowserContext> NewContextAsync(int width = 1080, int height = 1920) =>
        Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "vi-VN",
            TimezoneId = "Asia/Ho_Chi_Minh",
        });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
    }
}
