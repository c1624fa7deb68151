using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.EndToEnd.Tests.Rating;

/// <summary>
/// Hub.Server as a real process in demo mode on a temp SQLite file, for the rating tablet: helpers
/// create a tablet for a counter (as the admin's devices page does) and act as the kiosk and the officer.
/// </summary>
public sealed class RatingRig : IAsyncLifetime
{
    public const string KioskKey = "demo-kiosk-key-0001";
    public const string DisplayKey = "demo-display-key-0001";
    public const string Password = "Demo@123";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("qk-rating-").FullName;

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
            ["Logging:LogLevel:Default"] = "Warning",
        });
    }

    public async Task DisposeAsync()
    {
        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }

        Directory.Delete(_dataDirectory, recursive: true);
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

    public async Task<Guid> CounterIdAsync(int number) => (await SnapshotAsync()).Counters.Single(c => c.Number == number).Id;

    /// <summary>A rating tablet for the counter, created by the admin; answers what its pairing QR code holds.</summary>
    public async Task<CreatedDeviceDto> CreateTabletAsync(int counterNumber)
    {
        using var admin = await SignInAsync("quantri");
        var response = await admin.PostAsJsonAsync(HubRoutes.AdminDevices,
            new CreateDeviceRequest(DeviceKind.RatingTablet, $"Máy đánh giá quầy {counterNumber} ({Guid.NewGuid():N})", await CounterIdAsync(counterNumber)), Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedDeviceDto>(Json))!;
    }

    public async Task<HttpClient> SignInAsync(string user, Guid? counterId = null)
    {
        var client = Client();
        (await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest(user, Password, counterId), Json)).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>A ticket issued at the kiosk, called, started and finished by the officer of the counter.</summary>
    public async Task<TicketDto> ServeAsync(int counterNumber, string serviceCode = "A")
    {
        var service = (await SnapshotAsync()).Services.Single(s => s.Code == serviceCode).Id;
        TicketDto ticket;
        using (var kiosk = Client(KioskKey))
        {
            var issued = await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(service), Json);
            issued.EnsureSuccessStatusCode();
            ticket = (await issued.Content.ReadFromJsonAsync<TicketDto>(Json))!;
        }

        var counter = await CounterIdAsync(counterNumber);
        using var officer = await SignInAsync($"canbo{counterNumber}", counter);
        var called = await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Call), JsonContent.Create(new CallTicketRequest(ticket.Id), options: Json));
        called.EnsureSuccessStatusCode();
        (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Start), null)).EnsureSuccessStatusCode();
        (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Finish), null)).EnsureSuccessStatusCode();
        return ticket;
    }
}
