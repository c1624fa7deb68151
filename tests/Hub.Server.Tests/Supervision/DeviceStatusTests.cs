using System.Net;
using System.Net.Http.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests.Supervision;

/// <summary>POST /api/devices/me/status: the device row, the dashboard and the printer alerts.</summary>
public sealed class DeviceStatusTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private SupervisionHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new SupervisionHost(_database);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task PaperOut_RaisesOneAlert_PushedToSupervisors_AndPaperBackClearsIt()
    {
        using var kiosk = _host.Device(HubApp.KioskKey);
        var ack = await kiosk.PostAsJsonAsync(HubRoutes.DeviceStatus, SupervisionHost.Report("PaperOut", paperOut: true, message: "Hết giấy"));
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);
        // The same report again (the next heartbeat) must not raise a second alert.
        (await kiosk.PostAsJsonAsync(HubRoutes.DeviceStatus, SupervisionHost.Report("PaperOut", paperOut: true))).EnsureSuccessStatusCode();

        var raised = Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertRaised));
        Assert.Equal(AlertKind.PrinterPaperOut, raised.Kind);
        Assert.Equal("Kiosk sảnh (mẫu)", raised.Subject);
        // The kiosk's own printer text stays out of the alert: each language's sentence is whole.
        Assert.Equal("Máy in hết giấy, không in được số thứ tự", raised.MessageVi);
        Assert.Equal("Printer out of paper: no tickets can be printed", raised.MessageEn);

        using var supervisor = await _host.SignInAsync("giamsat");
        var dashboard = (await supervisor.GetFromJsonAsync<DashboardDto>("/api/supervision/dashboard"))!;
        var alert = Assert.Single(dashboard.Alerts);
        Assert.Equal(raised.Id, alert.Id);
        // Both texts read back from the alert's row as they were raised.
        Assert.Equal(raised.MessageVi, alert.MessageVi);
        Assert.Equal(raised.MessageEn, alert.MessageEn);
        var device = dashboard.Devices.Single(d => d.Kind == "Kiosk");
        Assert.True(device.Online);
        Assert.True(device.PaperOut);
        Assert.Equal("PaperOut", device.PrinterState);

        var row = _host.Db(db => db.Devices.Single(d => d.Kind == DeviceKind.Kiosk));
        Assert.Equal(_host.Time.GetUtcNow().UtcDateTime, row.LastSeenAt);
        // The row's status line words the printer's state in Vietnamese (the devices page shows it).
        Assert.Contains("máy in: hết giấy", row.Status, StringComparison.Ordinal);

        (await kiosk.PostAsJsonAsync(HubRoutes.DeviceStatus, SupervisionHost.Report("Ready"))).EnsureSuccessStatusCode();
        var cleared = Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertUpdated));
        Assert.Equal(raised.Id, cleared.Id);
        Assert.NotNull(cleared.ClearedAt);
        Assert.True(_host.Pushes.Devices().Count >= 3);
    }

    [Fact]
    public async Task PrinterOffline_RaisesPrinterOfflineAlert()
    {
        using var kiosk = _host.Device(HubApp.KioskKey);
        (await kiosk.PostAsJsonAsync(HubRoutes.DeviceStatus, SupervisionHost.Report("Offline", message: "cáp bị rút"))).EnsureSuccessStatusCode();
        var raised = Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertRaised));
        Assert.Equal(AlertKind.PrinterOffline, raised.Kind);
    }

    [Fact]
    public async Task KioskJson_AsKioskUiSendsIt_IsAccepted()
    {
        // The exact JSON Kiosk.Ui's KioskStatusReport serializes to (web defaults, camelCase).
        const string json = """
            {"name":"Kiosk 1","status":"OK","printerState":"PaperLow","paperLow":true,"paperOut":false,
             "printerMessage":null,"catalogueFromCache":true,"catalogueFetchedAt":"2026-11-23T01:59:00+00:00","version":"1.0.0"}
            """;
        using var kiosk = _host.Device(HubApp.KioskKey);
        var response = await kiosk.PostAsync(HubRoutes.DeviceStatus, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var ack = (await response.Content.ReadFromJsonAsync<DeviceStatusAck>())!;
        Assert.Equal(30, ack.ExpectedEverySeconds);
        Assert.Empty(_host.Pushes.Alerts(SupervisionEvents.AlertRaised));
    }

    [Fact]
    public async Task StatusWithoutPrinterState_Is400_NamingTheField()
    {
        using var kiosk = _host.Device(HubApp.KioskKey);
        var response = await kiosk.PostAsync(HubRoutes.DeviceStatus, new StringContent("""{"name":"k","status":"OK"}""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("printerState", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffCannotReportDeviceStatus_AndUnknownKeyIs401()
    {
        using var supervisor = await _host.SignInAsync("giamsat");
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsJsonAsync(HubRoutes.DeviceStatus, SupervisionHost.Report("Ready"))).StatusCode);
        using var stranger = _host.Device("not-a-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.PostAsJsonAsync(HubRoutes.DeviceStatus, SupervisionHost.Report("Ready"))).StatusCode);
    }

    [Fact]
    public async Task DeviceSilentForMoreThanThreeHeartbeats_RaisesOffline_AndNextHeartbeatClearsIt()
    {
        using var display = _host.Device(HubApp.DisplayKey);
        (await display.PostAsJsonAsync(HubRoutes.DeviceStatus, SupervisionHost.Report("NotConfigured"))).EnsureSuccessStatusCode();

        _host.Time.Advance(TimeSpan.FromSeconds(80));
        await _host.CheckAlertsAsync();
        Assert.Empty(_host.Pushes.Alerts(SupervisionEvents.AlertRaised));

        _host.Time.Advance(TimeSpan.FromSeconds(20));
        await _host.CheckAlertsAsync();
        var offline = Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertRaised));
        Assert.Equal(AlertKind.DeviceOffline, offline.Kind);
        Assert.Equal("Máy hiển thị sảnh (mẫu)", offline.Subject);

        (await display.PostAsJsonAsync(HubRoutes.DeviceStatus, SupervisionHost.Report("NotConfigured"))).EnsureSuccessStatusCode();
        var cleared = Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertUpdated));
        Assert.Equal(offline.Id, cleared.Id);
        Assert.NotNull(cleared.ClearedAt);
    }
}

/// <summary>Heartbeats arriving together on PostgreSQL (no in-process write gate there) still raise one alert.</summary>
public sealed class DeviceStatusPostgresTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task TenPaperOutHeartbeatsAtOnce_RaiseExactlyOneOpenAlert()
    {
        var (database, skip) = await PostgresTestDatabase.TryCreateAsync();
        if (database is null)
        {
            output.WriteLine(skip);
            return;
        }

        await using (database)
        {
            await using var host = new SupervisionHost(database);
            using var kiosk = host.Device(HubApp.KioskKey);
            (await kiosk.PostAsJsonAsync(HubRoutes.DeviceStatus, SupervisionHost.Report("Ready"))).EnsureSuccessStatusCode();

            var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => kiosk.PostAsJsonAsync(HubRoutes.DeviceStatus, SupervisionHost.Report("PaperOut", paperOut: true))));
            Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));

            Assert.Single(host.Pushes.Alerts(SupervisionEvents.AlertRaised));
            Assert.Equal(1, host.Db(db => db.Set<QueueKiosk.HubServer.Supervision.Alert>().Count(a => a.ClearedAt == null)));
        }
    }
}
