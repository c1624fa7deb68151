using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.EndToEnd.Tests.Kiosk;

/// <summary>
/// A real Hub.Server (demo data, its own SQLite file) and a real Kiosk.Ui (virtual printer writing
/// PNGs) as separate processes on loopback, in a temp folder removed on dispose.
/// </summary>
public sealed class KioskRig : IAsyncLifetime
{
    public const string KioskKey = "demo-kiosk-key-0001";
    public const string SiteCode = "DEMO-BT";
    public static readonly Guid SiteId = Guid.Parse("0e6f1c52-7d1a-4c53-9b1e-5a0c2d9e0001");

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private readonly List<HostProcess> _kiosks = [];
    private HttpClient? _supervisor;

    public string Root { get; } = Directory.CreateTempSubdirectory("kiosk-e2e-").FullName;

    public HostProcess Hub { get; private set; } = null!;

    public HostProcess Kiosk { get; private set; } = null!;

    public string PrintedFolder(HostProcess kiosk) => Path.Combine(Root, "printed-" + kiosk.BaseAddress.Port);

    public async Task InitializeAsync()
    {
        await StartHubAsync();
        Kiosk = await StartKioskAsync();
    }

    public async Task StartHubAsync(int port = 0)
    {
        Hub = await HostProcess.StartAsync("Hub.Server", new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(Root, "hub.db")}",
            ["Demo:Enabled"] = "true",
            // The demo's two synthetic cameras are for the supervisor's tests; here they would only cost CPU.
            ["Supervision:DemoCameras"] = "false",
            ["Queue:IgnoreOpeningHours"] = "true",
        }, port);
    }

    /// <summary>Stops the hub at once, as a power cut would (kill -9); <see cref="RestartHubAsync"/> brings it back.</summary>
    public async Task StopHubAsync() => await Hub.DisposeAsync();

    /// <summary>The hub again on the same address and database, as the kiosks know it.</summary>
    public Task RestartHubAsync() => StartHubAsync(Hub.BaseAddress.Port);

    /// <summary>Starts a kiosk on the rig's hub; its catalogue cache, print queue and PNG folder live under the rig's folder.</summary>
    public async Task<HostProcess> StartKioskAsync(IReadOnlyDictionary<string, string?>? overrides = null, bool waitForCatalogue = true, string? name = null)
    {
        var port = FreePort.Next();
        name ??= "k" + port;
        var settings = new Dictionary<string, string?>
        {
            ["Kiosk:HubUrl"] = Hub.BaseAddress.ToString(),
            ["Kiosk:DeviceKey"] = KioskKey,
            ["Kiosk:SiteCode"] = SiteCode,
            ["Kiosk:Name"] = "Kiosk e2e " + name,
            ["Kiosk:IgnoreOpeningHours"] = "true",
            ["Kiosk:HeartbeatSeconds"] = "2",
            ["Kiosk:CatalogueRefreshSeconds"] = "30",
            ["Kiosk:CataloguePath"] = Path.Combine(Root, name, "catalogue.json"),
            ["Printer:VirtualOutputPath"] = Path.Combine(Root, "printed-" + port),
            ["Printer:Transport"] = "Virtual",
            ["Printer:QueuePath"] = Path.Combine(Root, name, "print-queue.journal"),
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        var kiosk = await HostProcess.StartAsync("Kiosk.Ui", settings, port);
        _kiosks.Add(kiosk);
        if (waitForCatalogue)
        {
            await WaitForAsync(kiosk, s => s.GetProperty("hasCatalogue").GetBoolean(), "the kiosk to load its catalogue");
        }

        return kiosk;
    }

    /// <summary>Polls the kiosk's /kiosk-api/state until <paramref name="condition"/> holds (20 s at most).</summary>
    public static async Task<JsonElement> WaitForAsync(HostProcess kiosk, Func<JsonElement, bool> condition, string what)
    {
        using var http = new HttpClient { BaseAddress = kiosk.BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        JsonElement last = default;
        while (DateTime.UtcNow < deadline)
        {
            try
            {
                last = await http.GetFromJsonAsync<JsonElement>("/kiosk-api/state", Json);
                if (condition(last))
                {
                    return last;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"timed out waiting for {what}; last state {last}\n{kiosk.Output}");
    }

    /// <summary>The hub's own view of the queue, read with the kiosk's device key.</summary>
    public async Task<QueueSnapshotDto> HubSnapshotAsync()
    {
        using var http = new HttpClient { BaseAddress = Hub.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        http.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, KioskKey);
        return (await http.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.SiteSnapshot(SiteId), Json))!;
    }

    /// <summary>An HttpClient signed in to the hub as a demo person (cookie), e.g. "giamsat" (supervisor) or "quantri" (admin).</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        var http = new HttpClient { BaseAddress = Hub.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.PostAsJsonAsync(HubRoutes.Login, new LoginRequest(userName, "Demo@123"), Json);
        response.EnsureSuccessStatusCode();
        return http;
    }

    /// <summary>The site's kiosk idle time, set by the admin as on the settings page (read, change one value, write back).</summary>
    public async Task SetKioskIdleSecondsAsync(int seconds)
    {
        using var admin = await SignInAsync("quantri");
        var site = (await admin.GetFromJsonAsync<System.Text.Json.Nodes.JsonObject>(HubRoutes.AdminSite, Json))!;
        site["kioskIdleSeconds"] = seconds;
        using var response = await admin.PutAsJsonAsync(HubRoutes.AdminSite, site, Json);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A new kiosk device key made by the admin, so one kiosk's status does not mix with another's.</summary>
    public async Task<string> CreateKioskKeyAsync(string name)
    {
        using var admin = await SignInAsync("quantri");
        using var response = await admin.PostAsJsonAsync(HubRoutes.Admin + "/devices", new { kind = "Kiosk", name }, Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("key").GetString()!;
    }

    /// <summary>What the supervisor sees: the site's active alerts.</summary>
    public async Task<IReadOnlyList<AlertDto>> ActiveAlertsAsync()
    {
        // Signed in once: tests poll this, and a sign-in per poll runs into the sign-in rate limit.
        _supervisor ??= await SignInAsync("giamsat");
        return (await _supervisor.GetFromJsonAsync<List<AlertDto>>("/api/supervision/alerts", Json))!;
    }

    public static async Task SetPrinterAsync(HostProcess kiosk, string state)
    {
        using var http = new HttpClient { BaseAddress = kiosk.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var response = await http.PostAsync(new Uri($"/simulation/printer/{state}", UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A dossier the demo data holds: the first one, received two days ago (site-local day).</summary>
    public static string DemoDossierCode() =>
        $"000.00.31.H29-{DateOnly.FromDateTime(DateTime.UtcNow.AddHours(7)).AddDays(-2):yyMMdd}-0001";

    /// <summary>
    /// Taps a welcome-screen menu (a link) and waits until the page it opens has loaded: keys or taps
    /// sent before its script runs would reach the page being left, or nothing.
    /// </summary>
    public static async Task OpenMenuAsync(IPage page, string menuId)
    {
        var menu = page.Locator("#" + menuId);
        var target = await menu.GetAttributeAsync("href") ?? throw new InvalidOperationException($"#{menuId} is not a link");
        await menu.ClickAsync();
        await page.WaitForURLAsync("**" + target);
    }

    public static string ScreenshotPath(string name) => Screenshots.PathFor($"kiosk-{name}.png");

    public async Task DisposeAsync()
    {
        _supervisor?.Dispose();
        foreach (var kiosk in _kiosks)
        {
            await kiosk.DisposeAsync();
        }

        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }

        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a file for a moment; the OS temp cleaner gets it.
        }
    }
}
