using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Demo;

namespace QueueKiosk.HubServer.Tests.Infrastructure;

/// <summary>
/// Hub.Server in process on a real database with the demo data (services A-E, six counters,
/// officers canbo1..6, supervisor giamsat, admin quantri, one kiosk and one display key), a clock
/// the test controls, and helpers for signed-in clients.
/// </summary>
public sealed class HubApp : WebApplicationFactory<Program>
{
    public const string Password = "Demo@123";
    public const string KioskKey = "demo-kiosk-key-0001";
    public const string DisplayKey = "demo-display-key-0001";

    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _testServices;

    /// <param name="testServices">Services a test adds or replaces (e.g. a hub filter that watches connections).</param>
    public HubApp(TestDatabase database, bool ignoreOpeningHours = true, DateTimeOffset? start = null, bool kestrel = false,
        IReadOnlyDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    {
        _testServices = testServices;
        if (kestrel)
        {
            // Real Kestrel on a port the OS picks (for WebSocket clients); CreateClient then talks to it over TCP.
            UseKestrel(options => options.Listen(System.Net.IPAddress.Loopback, 0));
        }

        // Monday 23 Nov 2026, 09:00 in Hồ Chí Minh City: inside the demo opening hours.
        Time = new FakeTimeProvider(start ?? FakeTimeProvider.Vietnam(2026, 11, 23, 9, 0));
        _settings = new()
        {
            ["Database:Provider"] = database.Provider,
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Demo:Enabled"] = "true",
            ["Queue:IgnoreOpeningHours"] = ignoreOpeningHours ? "true" : "false",
            ["Queue:ClosingCheckSeconds"] = "3600",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }
    }

    public FakeTimeProvider Time { get; }

    /// <summary>The Kestrel address (kestrel: true only), e.g. http://127.0.0.1:43121.</summary>
    public Uri ServerAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>().Features
                .Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        }
    }

    public Guid SiteId => DemoSeeder.SiteId;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Time);
            _testServices?.Invoke(services);
        });
    }

    public HttpClient Device(string key)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, key);
        return client;
    }

    public HttpClient Kiosk() => Device(KioskKey);

    public HttpClient Display() => Device(DisplayKey);

    /// <summary>A client with the cookie of a signed-in officer (HttpClient keeps cookies).</summary>
    public async Task<HttpClient> SignInAsync(string user, Guid? counterId = null)
    {
        var client = CreateClient();
        var response = await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest(user, Password, counterId));
        response.EnsureSuccessStatusCode();
        return client;
    }

    public Task<HttpClient> SupervisorAsync() => SignInAsync("giamsat");

    public async Task<QueueSnapshotDto> SnapshotAsync()
    {
        using var display = Display();
        return (await display.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot))!;
    }

    public async Task<IReadOnlyList<ServiceDto>> ServicesAsync()
    {
        using var client = CreateClient();
        return (await client.GetFromJsonAsync<List<ServiceDto>>(HubRoutes.Services))!;
    }

    public async Task<Guid> ServiceIdAsync(string code) => (await ServicesAsync()).Single(s => s.Code == code).Id;

    public async Task<Guid> CounterIdAsync(int number) => (await SnapshotAsync()).Counters.Single(c => c.Number == number).Id;

    public async Task<TicketDto> IssueAsync(HttpClient client, Guid serviceId, PriorityCategory priority = PriorityCategory.None)
    {
        var response = await client.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(serviceId, null, priority));
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"issue failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<TicketDto>())!;
    }

    /// <summary>Registers a device of the site (as an admin would) and returns its key.</summary>
    /// <param name="counterId">The counter a rating tablet faces.</param>
    public string AddDevice(DeviceKind kind, string name, Guid? counterId = null)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var (device, key) = HubServer.Administration.Devices.DevicesApi.NewDevice(SiteId, kind, name);
        device.CounterId = counterId;
        db.Devices.Add(device);
        db.SaveChanges();
        return key;
    }

    public T Db<T>(Func<HubDbContext, T> query)
    {
        using var scope = Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }
}

public static class HttpClientExtensions
{
    public static async Task<TicketDto?> CallNextAsync(this HttpClient client, Guid counterId)
    {
        var response = await client.PostAsync(HubRoutes.CounterAction(counterId, CounterActions.CallNext), null);
        if (response.StatusCode == System.Net.HttpStatusCode.NoContent)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"call-next failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return await response.Content.ReadFromJsonAsync<TicketDto>();
    }

    public static async Task<T> PostOkAsync<T>(this HttpClient client, string url, object? body = null)
    {
        var response = body is null ? await client.PostAsync(url, null) : await client.PostAsJsonAsync(url, body);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST {url} failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
