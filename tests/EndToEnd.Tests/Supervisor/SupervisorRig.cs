using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.EndToEnd.Tests.Supervisor;

/// <summary>
/// Hub.Server as a real process in demo mode on a temp SQLite file, hosting its two demo synthetic
/// cameras small (320x180, 5 fps) with 2-second recording segments, so a ticket's recording is
/// playable seconds after it is served. Helpers act as the kiosk and as officers over the REST API.
/// </summary>
public sealed class SupervisorRig : IAsyncLifetime
{
    public const string KioskKey = "demo-kiosk-key-0001";
    public const string DisplayKey = "demo-display-key-0001";
    public const string Password = "Demo@123";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("qk-supervisor-").FullName;

    public HostProcess Hub { get; private set; } = null!;

    public Uri BaseAddress => Hub.BaseAddress;

    public async Task InitializeAsync()
    {
        Hub = await HostProcess.StartAsync("Hub.Server", new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Queue:IgnoreOpeningHours"] = "true",
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(_dataDirectory, "hub.db")}",
            ["Supervision:DemoCameras"] = "true",
            ["Supervision:DemoCameraWidth"] = "320",
            ["Supervision:DemoCameraHeight"] = "180",
            ["Supervision:DemoCameraFrameRate"] = "5",
            ["Supervision:DemoSegmentSeconds"] = "2",
            ["Supervision:CheckSeconds"] = "2",
            // Camera analytics (hardware-docs/cameras.md) on the demo cameras: counter 6's seat is the whole
            // moving test picture of cam1 (always "someone there"), the hall is cam2. A closed counter 6
            // raises its alert after 3 s; counter 6 is not used by the other tests.
            ["CameraAnalytics:Counters:6:CameraId"] = "cam1",
            ["CameraAnalytics:Hall:0:CameraId"] = "cam2",
            ["CameraAnalytics:OccupiedClosedCounterMinutes"] = "0.05",
            ["Logging:LogLevel:Default"] = "Warning",
        });
    }

    public async Task DisposeAsync()
    {
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // ffmpeg may still be closing a segment: the temp cleaner takes it later.
        }
    }

    public HttpClient Client(string? deviceKey = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (deviceKey is not null)
        {
            client.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, deviceKey);
        }

        return client;
    }

    public async Task<QueueSnapshotDto> SnapshotAsync()
    {
        using var display = Client(DisplayKey);
        return (await display.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot, Json))!;
    }

    /// <summary>An officer signed in at a counter (cookie kept by the client).</summary>
    public async Task<(HttpClient Client, Guid CounterId)> OfficerAsync(int counterNumber)
    {
        var counter = (await SnapshotAsync()).Counters.Single(c => c.Number == counterNumber).Id;
        var client = Client();
        var response = await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest($"canbo{counterNumber}", Password, counter), Json);
        response.EnsureSuccessStatusCode();
        return (client, counter);
    }

    public async Task<HttpClient> SignInAsync(string user)
    {
        var client = Client();
        (await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest(user, Password), Json)).EnsureSuccessStatusCode();
        return client;
    }

    public async Task<TicketDto> IssueAsync(string serviceCode)
    {
        var service = (await SnapshotAsync()).Services.Single(s => s.Code == serviceCode).Id;
        using var kiosk = Client(KioskKey);
        var response = await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(service), Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TicketDto>(Json))!;
    }

    /// <summary>Today in the site's zone, as the history page's day field expects it.</summary>
    public static string TodayInVietnam() =>
        TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Ho_Chi_Minh").ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
