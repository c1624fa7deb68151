using System.Net;
using System.Net.Http.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests.Supervision;

/// <summary>Alerts the monitor raises from the queue (long waits, long pauses) and the supervisor's acknowledgement.</summary>
public sealed class AlertTests : IAsyncLifetime
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
    public async Task WaitAboveServiceTarget_RaisesAlert_ClearedWhenTheTicketIsCalled()
    {
        // Service A's demo target is 10 minutes.
        var serviceA = await _host.ServiceIdAsync("A");
        using var kiosk = _host.Device(HubApp.KioskKey);
        (await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(serviceA))).EnsureSuccessStatusCode();

        _host.Time.Advance(TimeSpan.FromMinutes(9));
        await _host.CheckAlertsAsync();
        Assert.Empty(_host.Pushes.Alerts(SupervisionEvents.AlertRaised));

        _host.Time.Advance(TimeSpan.FromMinutes(2));
        await _host.CheckAlertsAsync();
        await _host.CheckAlertsAsync();
        var alert = Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertRaised));
        Assert.Equal(AlertKind.WaitAboveTarget, alert.Kind);
        Assert.StartsWith("A - ", alert.Subject, StringComparison.Ordinal);
        // One language per text: the Vietnamese and the English each whole, neither holding the other.
        Assert.Equal("Có người chờ 11 phút, quá mục tiêu 10 phút (1 người đang chờ)", alert.MessageVi);
        Assert.Equal("A citizen has waited 11 min, target 10 min (1 waiting)", alert.MessageEn);
        Assert.Equal(alert.MessageVi, alert.Message);

        var counter = await _host.CounterIdAsync(1);
        using var officer = await _host.SignInAsync("canbo1", counter);
        (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.CallNext), null)).EnsureSuccessStatusCode();
        await _host.CheckAlertsAsync();
        var cleared = Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertUpdated));
        Assert.Equal(alert.Id, cleared.Id);
        Assert.NotNull(cleared.ClearedAt);
    }

    [Fact]
    public async Task CounterPausedLongerThanAllowed_RaisesAlert()
    {
        var counter = await _host.CounterIdAsync(2);
        using var officer = await _host.SignInAsync("canbo2", counter);
        (await officer.PostAsJsonAsync(HubRoutes.CounterAction(counter, CounterActions.Pause), new PauseCounterRequest("Họp giao ban"))).EnsureSuccessStatusCode();

        _host.Time.Advance(TimeSpan.FromMinutes(29));
        await _host.CheckAlertsAsync();
        Assert.Empty(_host.Pushes.Alerts(SupervisionEvents.AlertRaised));

        _host.Time.Advance(TimeSpan.FromMinutes(2));
        await _host.CheckAlertsAsync();
        var alert = Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertRaised));
        Assert.Equal(AlertKind.CounterPausedTooLong, alert.Kind);
        Assert.Equal("Quầy tạm dừng 31 phút (lý do: Họp giao ban)", alert.MessageVi);
        Assert.Equal("Counter paused for 31 min (reason: Họp giao ban)", alert.MessageEn);
    }

    [Fact]
    public async Task Acknowledge_RecordsWhoAndWhen_Pushes_AndAClearedAcknowledgedAlertLeavesTheList()
    {
        using var kiosk = _host.Device(HubApp.KioskKey);
        (await kiosk.PostAsJsonAsync(HubRoutes.DeviceStatus, SupervisionHost.Report("PaperOut", paperOut: true))).EnsureSuccessStatusCode();
        using var supervisor = await _host.SignInAsync("giamsat");
        var alert = Assert.Single((await supervisor.GetFromJsonAsync<List<AlertDto>>("/api/supervision/alerts"))!);

        _host.Time.Advance(TimeSpan.FromMinutes(1));
        var response = await supervisor.PostAsync($"/api/supervision/alerts/{alert.Id}/acknowledge", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var acknowledged = (await response.Content.ReadFromJsonAsync<AlertDto>())!;
        Assert.Equal("Giám sát viên (mẫu)", acknowledged.AcknowledgedBy);
        Assert.Equal(_host.Time.GetUtcNow(), acknowledged.AcknowledgedAt);
        Assert.Contains(_host.Pushes.Alerts(SupervisionEvents.AlertUpdated), a => a.Id == alert.Id && a.AcknowledgedAt is not null);

        // Acknowledged but still open: still listed (the paper is still out).
        Assert.Single((await supervisor.GetFromJsonAsync<List<AlertDto>>("/api/supervision/alerts"))!);
        (await kiosk.PostAsJsonAsync(HubRoutes.DeviceStatus, SupervisionHost.Report("Ready"))).EnsureSuccessStatusCode();
        Assert.Empty((await supervisor.GetFromJsonAsync<List<AlertDto>>("/api/supervision/alerts"))!);
    }

    [Fact]
    public async Task AcknowledgeUnknownAlert_Is404_AndOfficerCannotAcknowledge()
    {
        using var supervisor = await _host.SignInAsync("giamsat");
        Assert.Equal(HttpStatusCode.NotFound, (await supervisor.PostAsync($"/api/supervision/alerts/{Guid.NewGuid()}/acknowledge", null)).StatusCode);
        var counter = await _host.CounterIdAsync(1);
        using var officer = await _host.SignInAsync("canbo1", counter);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PostAsync($"/api/supervision/alerts/{Guid.NewGuid()}/acknowledge", null)).StatusCode);
    }
}
