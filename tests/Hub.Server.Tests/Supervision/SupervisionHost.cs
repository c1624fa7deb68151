using System.Collections.Concurrent;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Supervision;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests.Supervision;

/// <summary>
/// Hub.Server with the demo data (through <see cref="HubApp"/>), the alert monitor's timer parked
/// (tests run its checks by hand), the supervisors' pushes recorded on top of the real hub push,
/// and optionally cameras from settings.
/// </summary>
public sealed class SupervisionHost : IAsyncDisposable
{
    private readonly HubApp _app;

    public SupervisionHost(TestDatabase database, IReadOnlyDictionary<string, string>? settings = null)
    {
        _app = new HubApp(database);
        Factory = _app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Supervision:CheckSeconds", "3600");
            // The demo opens every counter with nobody signed in: off here so the other alert tests
            // count only their own alerts; OpenCounterAlertTests sets it back.
            b.UseSetting("Supervision:OpenWithoutOfficerMinutes", "100000");
            foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            {
                b.UseSetting(key, value);
            }

            b.ConfigureTestServices(s =>
            {
                s.AddSingleton(Pushes);
                s.AddSingleton<ISupervisorFeed>(sp => new RecordingFeed(sp.GetRequiredService<HubSupervisorFeed>(), Pushes));
                s.AddSingleton<HubSupervisorFeed>();
            });
        });
    }

    public WebApplicationFactory<Program> Factory { get; }

    public FakeTimeProvider Time => _app.Time;

    public Guid SiteId => _app.SiteId;

    public PushLog Pushes { get; } = new();

    public HttpClient Device(string key)
    {
        var client = Factory.CreateClient();
        client.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, key);
        return client;
    }

    /// <summary>A client without cookies that does not follow redirects.</summary>
    public HttpClient Anonymous() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public async Task<HttpClient> SignInAsync(string user, Guid? counterId = null)
    {
        var client = Factory.CreateClient();
        var response = await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest(user, HubApp.Password, counterId));
        response.EnsureSuccessStatusCode();
        return client;
    }

    public async Task<QueueSnapshotDto> SnapshotAsync()
    {
        using var display = Device(HubApp.DisplayKey);
        return (await display.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot))!;
    }

    public async Task<Guid> CounterIdAsync(int number) => (await SnapshotAsync()).Counters.Single(c => c.Number == number).Id;

    public async Task<Guid> ServiceIdAsync(string code) => (await SnapshotAsync()).Services.Single(s => s.Code == code).Id;

    public Task CheckAlertsAsync() => Factory.Services.GetRequiredService<AlertMonitor>().CheckOnceAsync(CancellationToken.None);

    public T Db<T>(Func<HubDbContext, T> query)
    {
        using var scope = Factory.Services.CreateScope();
        return query(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    public async Task<T> DbAsync<T>(Func<HubDbContext, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _app.DisposeAsync();
    }

    public static DeviceStatusReport Report(string printerState, bool paperOut = false, bool paperLow = false, string? message = null) =>
        new("Kiosk sảnh", "OK", printerState, paperLow, paperOut, message, false, null, "test");
}

/// <summary>Every push to supervisors, in order.</summary>
public sealed class PushLog
{
    private readonly ConcurrentQueue<(string Event, object Payload)> _items = new();

    public void Add(string name, object payload) => _items.Enqueue((name, payload));

    public IReadOnlyList<AlertDto> Alerts(string eventName) =>
        [.. _items.Where(i => i.Event == eventName && i.Payload is AlertDto).Select(i => (AlertDto)i.Payload)];

    public IReadOnlyList<DeviceHealthDto> Devices() =>
        [.. _items.Where(i => i.Event == SupervisionEvents.DeviceHealthChanged).Select(i => (DeviceHealthDto)i.Payload)];
}

/// <summary>Records each push, then hands it to the real hub feed.</summary>
public sealed class RecordingFeed(HubSupervisorFeed inner, PushLog log) : ISupervisorFeed
{
    public Task AlertAsync(string eventName, AlertDto alert, CancellationToken ct)
    {
        log.Add(eventName, alert);
        return inner.AlertAsync(eventName, alert, ct);
    }

    public Task DeviceHealthAsync(Guid siteId, DeviceHealthDto device, CancellationToken ct)
    {
        log.Add(SupervisionEvents.DeviceHealthChanged, device);
        return inner.DeviceHealthAsync(siteId, device, ct);
    }
}
