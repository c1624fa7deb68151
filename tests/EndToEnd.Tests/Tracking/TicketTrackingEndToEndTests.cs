using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.HubClient.Contracts;
using static Microsoft.Playwright.Assertions;

namespace QueueKiosk.EndToEnd.Tests.Tracking;

/// <summary>
/// Real Hub.Server (with Tracking:PublicBaseUrl set to its own address) and Kiosk.Ui (virtual
/// printer) processes on loopback: the tracking link in the QR code of a printed ticket, read from
/// the ESC/POS bytes the virtual printer decoded, opened in Chromium with a phone's viewport
/// (docs/ticket-tracking.md).
/// </summary>
public sealed class TicketTrackingEndToEndTests(TrackingRig rig, BrowserFixture browser) : IClassFixture<TrackingRig>, IClassFixture<BrowserFixture>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    static TicketTrackingEndToEndTests() => SetDefaultExpectTimeout(20_000);

    [Fact]
    public async Task PhoneOpensTheQrLink_SeesItsPositionFall_AndTheCallArrive()
    {
        // The supervisor may act at any counter (counter 1 is open in the demo).
        using var officer = await rig.SignInAsync("giamsat");
        var snapshot = (await officer.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot, Json))!;
        var counter = snapshot.Counters.Single(c => c.Number == 1);
        var serviceId = counter.Services.OrderBy(s => s.Order).First().ServiceId;

        // Someone ahead, issued straight at the hub; then the citizen's ticket at the kiosk, printed.
        using (var hub = new HttpClient { BaseAddress = rig.Hub.BaseAddress })
        {
            hub.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, TrackingRig.KioskKey);
            (await hub.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(serviceId), Json)).EnsureSuccessStatusCode();
        }

        using var kiosk = new HttpClient { BaseAddress = rig.Kiosk.BaseAddress };
        var taken = await kiosk.PostAsJsonAsync("/kiosk-api/tickets", new { serviceId }, Json);
        taken.EnsureSuccessStatusCode();
        var number = (await taken.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("ticket").GetProperty("number").GetString()!;

        // The QR payload, as the virtual printer decoded it from the GS ( k commands it received (the
        // rest of a raster ticket is an image). This rig's kiosk prints only this ticket.
        var printed = await Eventually.ValueAsync(
            () => Directory.Exists(rig.PrintedFolder)
                ? Directory.GetFiles(rig.PrintedFolder, "ticket-*.txt").Select(File.ReadAllText).SingleOrDefault(t => t.Contains("[QR] ", StringComparison.Ordinal))
                : null,
            "the printed ticket");
        var url = printed.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("[QR] ", StringComparison.Ordinal))["[QR] ".Length..];
        Assert.StartsWith(rig.Hub.BaseAddress.ToString().TrimEnd('/') + "/t/", url, StringComparison.Ordinal);
        Assert.DoesNotContain(number, url, StringComparison.Ordinal);

        await using var phone = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
            IsMobile = true,
            HasTouch = true,
            Locale = "vi-VN",
        });
        var page = await phone.NewPageAsync();
        await page.GotoAsync(url);
        await Expect(page.Locator("#qk-number")).ToHaveTextAsync(number);
        await Expect(page.Locator("#qk-ahead")).ToHaveTextAsync("Số người chờ trước quý khách: 1");
        await Expect(page.Locator("#qk-live")).ToHaveTextAsync("Đang cập nhật trực tiếp.");
        await page.Locator("#qk-sound").TapAsync();

        (await officer.PostAsync(HubRoutes.CounterAction(counter.Id, CounterActions.CallNext), null)).EnsureSuccessStatusCode();
        await Expect(page.Locator("#qk-ahead")).ToHaveTextAsync("Số người chờ trước quý khách: 0");

        (await officer.PostAsync(HubRoutes.CounterAction(counter.Id, CounterActions.CallNext), null)).EnsureSuccessStatusCode();
        await Expect(page.Locator("#qk-state")).ToContainTextAsync($"Mời số {number} đến Quầy 1");
        await Expect(page).ToHaveTitleAsync(new System.Text.RegularExpressions.Regex("Đến lượt!"));
        await Expect(page.Locator("#qk-track")).ToHaveAttributeAsync("data-status", "Called");
    }

    [Fact]
    public async Task AnUnknownLink_GetsTheFriendlyPage()
    {
        await using var phone = await browser.NewContextAsync(360, 740);
        var page = await phone.NewPageAsync();
        var answer = await page.GotoAsync(new Uri(rig.Hub.BaseAddress, HubRoutes.TrackPage("AAAAAAAAAAAAAAAAAAAAAA")).ToString());
        Assert.Equal(404, answer!.Status);
        await Expect(page.Locator("#qk-unknown h1")).ToHaveTextAsync("Không tìm thấy số thứ tự");
    }
}

/// <summary>A hub whose public address is its own loopback address, and one kiosk printing to PNG and text files.</summary>
public sealed class TrackingRig : IAsyncLifetime
{
    public const string KioskKey = "demo-kiosk-key-0001";

    public string Root { get; } = Directory.CreateTempSubdirectory("tracking-e2e-").FullName;

    public string PrintedFolder => Path.Combine(Root, "printed");

    public HostProcess Hub { get; private set; } = null!;

    public HostProcess Kiosk { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var port = FreePort.Next();
        Hub = await HostProcess.StartAsync("Hub.Server", new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(Root, "hub.db")}",
            ["Demo:Enabled"] = "true",
            ["Supervision:DemoCameras"] = "false",
            ["Queue:IgnoreOpeningHours"] = "true",
            ["Tracking:PublicBaseUrl"] = $"http://127.0.0.1:{port}",
        }, port);
        Kiosk = await HostProcess.StartAsync("Kiosk.Ui", new Dictionary<string, string?>
        {
            ["Kiosk:HubUrl"] = Hub.BaseAddress.ToString(),
            ["Kiosk:DeviceKey"] = KioskKey,
            ["Kiosk:SiteCode"] = "DEMO-BT",
            ["Kiosk:Name"] = "Kiosk tracking e2e",
            ["Kiosk:IgnoreOpeningHours"] = "true",
            ["Kiosk:CataloguePath"] = Path.Combine(Root, "catalogue.json"),
            ["Printer:VirtualOutputPath"] = PrintedFolder,
            ["Printer:Transport"] = "Virtual",
            ["Printer:QueuePath"] = Path.Combine(Root, "print-queue.journal"),
        }, FreePort.Next());
        using var http = new HttpClient { BaseAddress = Kiosk.BaseAddress };
        await Eventually.ValueAsync(
            async () => (await http.GetFromJsonAsync<JsonElement>("/kiosk-api/state")).GetProperty("hasCatalogue").GetBoolean() ? "ready" : null,
            "the kiosk to load its catalogue");
    }

    public async Task<HttpClient> SignInAsync(string userName)
    {
        var http = new HttpClient { BaseAddress = Hub.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.PostAsJsonAsync(HubRoutes.Login, new LoginRequest(userName, "Demo@123"));
        response.EnsureSuccessStatusCode();
        return http;
    }

    public async Task DisposeAsync()
    {
        await Kiosk.DisposeAsync();
        await Hub.DisposeAsync();
        Directory.Delete(Root, recursive: true);
    }
}
