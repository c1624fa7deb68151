using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Supervision.Analytics;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests.Supervision;

/// <summary>
/// Camera analytics on the hub (hardware-docs/cameras.md): the figures a camera's analyser puts on
/// the <see cref="PresenceBoard"/> against the counters' states (the two presence alerts), the
/// dashboard's hall estimate and presence columns, the presence API and the report's presence rows.
/// The analyser itself is tested on recorded clips in Kiosk.Devices.Tests; here the figures are
/// recorded on the real board, every 2 s as a camera at 0.5-2 fps would, on the fake clock.
/// </summary>
public sealed class CameraPresenceTests : IAsyncLifetime
{
    private static readonly TimeSpan FrameEvery = TimeSpan.FromSeconds(2);

    private readonly SqliteTestDatabase _database = new();
    private SupervisionHost _host = null!;

    public Task InitializeAsync()
    {
        _host = new SupervisionHost(_database, new Dictionary<string, string>
        {
            ["CameraAnalytics:Counters:1:CameraId"] = "quay",
            ["CameraAnalytics:Counters:1:Width"] = "0.5",
            ["CameraAnalytics:Counters:2:CameraId"] = "quay",
            ["CameraAnalytics:Counters:2:X"] = "0.5",
            ["CameraAnalytics:Counters:2:Width"] = "0.5",
            ["CameraAnalytics:Hall:0:CameraId"] = "sanh",
            ["CameraAnalytics:EmptyCounterMinutes"] = "10",
            ["CameraAnalytics:OccupiedClosedCounterMinutes"] = "3",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    private PresenceBoard Board => _host.Factory.Services.GetRequiredService<PresenceBoard>();

    /// <summary>The camera reports the seat of <paramref name="counter"/> every 2 s for <paramref name="duration"/>, the clock moving along.</summary>
    private void Seat(int counter, bool present, TimeSpan duration)
    {
        var end = _host.Time.GetUtcNow() + duration;
        while (_host.Time.GetUtcNow() < end)
        {
            Board.RecordSeat(counter, present, _host.Time.GetUtcNow());
            _host.Time.Advance(FrameEvery);
        }

        Board.RecordSeat(counter, present, _host.Time.GetUtcNow());
    }

    private async Task OpenCounterAsync(int number)
    {
        var counter = await _host.CounterIdAsync(number);
        using var officer = await _host.SignInAsync($"canbo{number}", counter);
        (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Open), null)).EnsureSuccessStatusCode();
        Assert.Equal(CounterState.Open, (await _host.SnapshotAsync()).Counters.Single(c => c.Number == number).State);
    }

    [Fact]
    public async Task OpenCounterWithNobodyForEmptyCounterMinutes_RaisesCounterUnattended_ClearedWhenSomeoneSits()
    {
        await OpenCounterAsync(1);

        Seat(1, present: false, TimeSpan.FromMinutes(9));
        await _host.CheckAlertsAsync();
        Assert.DoesNotContain(_host.Pushes.Alerts(SupervisionEvents.AlertRaised), a => a.Kind == AlertKind.CounterUnattended);

        Seat(1, present: false, TimeSpan.FromMinutes(1.5));
        await _host.CheckAlertsAsync();
        var alert = Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertRaised), a => a.Kind == AlertKind.CounterUnattended);
        Assert.Equal((await _host.SnapshotAsync()).Counters.Single(c => c.Number == 1).Name, alert.Subject);
        Assert.Equal("Quầy đang mở nhưng không có người ngồi 10 phút", alert.MessageVi);
        Assert.Equal("Counter open with nobody at it for 10 min", alert.MessageEn);

        // Somebody sits: the alert clears once the seat has been taken for Supervision:PresenceAlertClearSeconds (60 s), not at the first frame.
        Seat(1, present: true, TimeSpan.FromSeconds(10));
        await _host.CheckAlertsAsync();
        Assert.DoesNotContain(_host.Pushes.Alerts(SupervisionEvents.AlertUpdated), a => a.Id == alert.Id && a.ClearedAt != null);
        Seat(1, present: true, TimeSpan.FromSeconds(60));
        await _host.CheckAlertsAsync();
        var cleared = Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertUpdated), a => a.Id == alert.Id);
        Assert.NotNull(cleared.ClearedAt);
    }

    [Fact]
    public async Task OccupiedWhileClosed_StaysOneOpenAlertWhilePresenceFlickers_AndClearsAfterAMinuteOfNobody()
    {
        var counter = await _host.CounterIdAsync(2);
        using (var officer = await _host.SignInAsync("canbo2", counter))
        {
            (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Close), null)).EnsureSuccessStatusCode();
        }

        Seat(2, present: true, TimeSpan.FromMinutes(3.5));
        await _host.CheckAlertsAsync();
        var alert = Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertRaised), a => a.Kind == AlertKind.CounterOccupiedWhileClosed);

        // Five minutes of flicker: the figure at the desk is lost for 6 s, seen for 4 s, again and again, checked every 10 s.
        for (var i = 0; i < 30; i++)
        {
            Seat(2, present: false, TimeSpan.FromSeconds(6));
            Seat(2, present: true, TimeSpan.FromSeconds(4));
            await _host.CheckAlertsAsync();
        }

        Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertRaised), a => a.Kind == AlertKind.CounterOccupiedWhileClosed);
        Assert.DoesNotContain(_host.Pushes.Alerts(SupervisionEvents.AlertUpdated), a => a.Id == alert.Id && a.ClearedAt != null);

        // Nobody for less than the minute: still open; for the minute: cleared, once.
        Seat(2, present: false, TimeSpan.FromSeconds(50));
        await _host.CheckAlertsAsync();
        Assert.DoesNotContain(_host.Pushes.Alerts(SupervisionEvents.AlertUpdated), a => a.Id == alert.Id && a.ClearedAt != null);
        Seat(2, present: false, TimeSpan.FromSeconds(12));
        await _host.CheckAlertsAsync();
        await _host.CheckAlertsAsync();
        Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertUpdated), a => a.Id == alert.Id && a.ClearedAt != null);
        Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertRaised), a => a.Kind == AlertKind.CounterOccupiedWhileClosed);
    }

    [Fact]
    public async Task ClosedCounterWithSomeoneForOccupiedClosedCounterMinutes_RaisesCounterOccupiedWhileClosed()
    {
        var counter = await _host.CounterIdAsync(2);
        using (var officer = await _host.SignInAsync("canbo2", counter))
        {
            (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Close), null)).EnsureSuccessStatusCode();
        }

        Assert.Equal(CounterState.Closed, (await _host.SnapshotAsync()).Counters.Single(c => c.Number == 2).State);

        Seat(2, present: true, TimeSpan.FromMinutes(2));
        await _host.CheckAlertsAsync();
        Assert.DoesNotContain(_host.Pushes.Alerts(SupervisionEvents.AlertRaised), a => a.Kind == AlertKind.CounterOccupiedWhileClosed);

        Seat(2, present: true, TimeSpan.FromMinutes(1.5));
        await _host.CheckAlertsAsync();
        var alert = Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertRaised), a => a.Kind == AlertKind.CounterOccupiedWhileClosed);
        Assert.Equal("Quầy đã đóng nhưng có người làm việc 3 phút", alert.MessageVi);
        Assert.Equal("Counter closed but someone has worked there for 3 min", alert.MessageEn);
        // Counter 1 has no figures: nothing is raised for it.
        Assert.DoesNotContain(_host.Pushes.Alerts(SupervisionEvents.AlertRaised), a => a.Kind == AlertKind.CounterUnattended);
    }

    [Fact]
    public async Task CameraSilent_RaisesNoPresenceAlert_AndTheDashboardSaysUnknown()
    {
        await OpenCounterAsync(1);
        Seat(1, present: false, TimeSpan.FromMinutes(11));
        // The camera stops: its last figures go stale after PresenceBoard.StaleAfter.
        _host.Time.Advance(PresenceBoard.StaleAfter + TimeSpan.FromSeconds(1));
        await _host.CheckAlertsAsync();
        Assert.DoesNotContain(_host.Pushes.Alerts(SupervisionEvents.AlertRaised), a => a.Kind == AlertKind.CounterUnattended);

        using var supervisor = await _host.SignInAsync("giamsat");
        var dashboard = (await supervisor.GetFromJsonAsync<DashboardDto>("/api/supervision/dashboard"))!;
        Assert.Null(dashboard.Counters.Single(c => c.Number == 1).SomeonePresent);
        Assert.Null(dashboard.HallPeople);
        // The watched time stays counted for the day: 11 min watched, nobody there.
        Assert.Equal(0, dashboard.Counters.Single(c => c.Number == 1).PresentSecondsToday);
    }

    [Fact]
    public async Task Dashboard_CarriesHallEstimate_PresenceNow_AndPresenceTimeToday()
    {
        // 10:00 in Vietnam, so every figure below falls on the same local day.
        _host.Time.Set(FakeTimeProvider.Vietnam(2026, 12, 4, 10, 0));
        Seat(1, present: true, TimeSpan.FromMinutes(5));
        Seat(1, present: false, TimeSpan.FromMinutes(2));
        Board.RecordHall("sanh", 7, _host.Time.GetUtcNow());
        Board.RecordSeat(2, present: true, _host.Time.GetUtcNow());

        using var supervisor = await _host.SignInAsync("giamsat");
        var dashboard = (await supervisor.GetFromJsonAsync<DashboardDto>("/api/supervision/dashboard"))!;

        Assert.Equal(7, dashboard.HallPeople);
        var one = dashboard.Counters.Single(c => c.Number == 1);
        Assert.False(one.SomeonePresent);
        // Present for the 5 minutes of frames; the 2 minutes after count as watched only.
        Assert.Equal(300, one.PresentSecondsToday);
        var two = dashboard.Counters.Single(c => c.Number == 2);
        Assert.True(two.SomeonePresent);
        Assert.Null(dashboard.Counters.Single(c => c.Number == 3).SomeonePresent);

        var presence = (await supervisor.GetFromJsonAsync<List<CounterPresenceDto>>("/api/supervision/presence?day=2026-12-04"))!;
        var row = presence.Single(p => p.CounterNumber == 1);
        Assert.Equal(one.PresentSecondsToday, row.PresentSeconds);
        Assert.Equal(420, row.ObservedSeconds);
        Assert.Empty((await supervisor.GetFromJsonAsync<List<CounterPresenceDto>>("/api/supervision/presence?day=2026-12-03"))!);
    }

    [Theory]
    [InlineData("04-12-2026")]
    [InlineData("2026-13-01")]
    public async Task PresenceForABadDay_Is400_NamingDay(string day)
    {
        using var supervisor = await _host.SignInAsync("giamsat");
        var response = await supervisor.GetAsync($"/api/supervision/presence?day={day}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("day", body.GetProperty("field").GetString());
        Assert.Contains(body.GetProperty("errors").GetProperty("day").EnumerateArray(), m => m.GetString()!.Contains("'day' không hợp lệ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Report_HasPresenceTimePerCounterPerDay_AsFiguresInJsonAndCsv()
    {
        // Counter 1 watched on two local days: 3 min present on the 3rd, 1 min present + 1 min empty on the 4th.
        _host.Time.Set(FakeTimeProvider.Vietnam(2026, 12, 3, 15, 0));
        Seat(1, present: true, TimeSpan.FromMinutes(3));
        _host.Time.Set(FakeTimeProvider.Vietnam(2026, 12, 4, 8, 0));
        Seat(1, present: true, TimeSpan.FromMinutes(1));
        Seat(1, present: false, TimeSpan.FromMinutes(1));

        using var supervisor = await _host.SignInAsync("giamsat");
        var report = (await supervisor.GetFromJsonAsync<ReportDto>("/api/reports?from=2026-12-03&to=2026-12-04"))!;

        var rows = report.PresenceByCounterDay!;
        Assert.Equal(2, rows.Count);
        var name = (await _host.SnapshotAsync()).Counters.Single(c => c.Number == 1).Name;
        Assert.Equal(new ReportPresenceDto(new DateOnly(2026, 12, 3), 1, name, 180, 180), rows[0]);
        Assert.Equal(new ReportPresenceDto(new DateOnly(2026, 12, 4), 1, name, 60, 120), rows[1]);

        var csv = await supervisor.GetStringAsync("/api/reports/csv?from=2026-12-03&to=2026-12-04");
        Assert.Contains("Có mặt tại quầy (giây) / Present at counter (s)", csv, StringComparison.Ordinal);
        var line = csv.Split("\r\n").Single(l => l.Contains("2026-12-04 " + name, StringComparison.Ordinal));
        Assert.StartsWith("Có mặt tại quầy / Presence at counter,", line, StringComparison.Ordinal);
        Assert.EndsWith(",60,120", line, StringComparison.Ordinal);
    }

    [Fact]
    public void Board_DoesNotCountAGapLongerThanAFewSeconds_AndSplitsDaysInTheSiteZone()
    {
        var clock = new FakeTimeProvider(FakeTimeProvider.Vietnam(2026, 12, 4, 23, 59));
        var board = new PresenceBoard(clock);
        var zone = TimeZoneInfo.CreateCustomTimeZone("ICT", TimeSpan.FromHours(7), "ICT", "ICT");
        var start = clock.GetUtcNow();
        // Two minutes across local midnight, one frame per 2 s.
        for (var t = TimeSpan.Zero; t <= TimeSpan.FromMinutes(2); t += FrameEvery)
        {
            board.RecordSeat(5, true, start + t);
        }

        // The camera then drops for a minute: the gap counts neither as present nor as watched.
        board.RecordSeat(5, true, start + TimeSpan.FromMinutes(3));

        var before = Assert.Single(board.Day(new DateOnly(2026, 12, 4), zone));
        var after = Assert.Single(board.Day(new DateOnly(2026, 12, 5), zone));
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)), (before.Present, before.Observed));
        Assert.Equal((TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1)), (after.Present, after.Observed));
        clock.Set(start + TimeSpan.FromMinutes(3));
        var now = board.Current(5)!;
        // The gap broke the run: presence is counted again from the frame after it.
        Assert.Equal(start + TimeSpan.FromMinutes(3), now.Since);
    }
}
