using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Supervision;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests.Supervision;

/// <summary>
/// Camera URLs, ticket history and the recording audit, on a camera whose recording folder holds
/// two fixture segments (its ffmpeg is /bin/false, so no process burns CPU; the folder is what is served).
/// Demo counter 1 watches cam1.
/// </summary>
public sealed class CamerasHistoryAndAccessTests : IAsyncLifetime
{
    private static readonly byte[] FirstSegment = [.. "fixture segment one: not a real mp4"u8];
    private static readonly byte[] SecondSegment = [.. "fixture segment two"u8];

    private readonly SqliteTestDatabase _database = new();
    private readonly string _recordings = Directory.CreateTempSubdirectory("qk-recordings-").FullName;
    private SupervisionHost _host = null!;

    public Task InitializeAsync()
    {
        // Segments start at 02:00:00 and 02:01:00 UTC (09:00 and 09:01 in Vietnam, the test clock's start);
        // the second, still "being written", ends at its last write time.
        File.WriteAllBytes(Path.Combine(_recordings, "cam1-20261123-020000.mp4"), FirstSegment);
        var second = Path.Combine(_recordings, "cam1-20261123-020100.mp4");
        File.WriteAllBytes(second, SecondSegment);
        File.SetLastWriteTimeUtc(second, new DateTime(2026, 11, 23, 2, 2, 0, DateTimeKind.Utc));
        _host = new SupervisionHost(_database, new Dictionary<string, string>
        {
            ["Cameras:0:Id"] = "cam1",
            ["Cameras:0:Name"] = "Quầy 1",
            ["Cameras:0:Source"] = "Synthetic",
            ["Cameras:0:FfmpegPath"] = "/bin/false",
            ["Cameras:0:RecordingFolder"] = _recordings,
            ["Cameras:0:RetentionDays"] = "0",
            ["Cameras:0:MinRestartDelaySeconds"] = "30",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_recordings, recursive: true);
    }

    [Fact]
    public async Task TicketHistory_ShowsTimeline_AndTheCounterCameraSegmentsFromCallToFinish()
    {
        var number = await ServeOneTicketAtCounter1Async();
        using var supervisor = await _host.SignInAsync("giamsat");

        var found = (await supervisor.GetFromJsonAsync<List<TicketHistoryDto>>($"/api/supervision/tickets?number={number.ToLowerInvariant()}&day=2026-11-23"))!;
        var history = Assert.Single(found);
        Assert.Equal(number, history.Ticket.Number);
        Assert.Equal([TicketEventKind.Issued, TicketEventKind.Called, TicketEventKind.Served], history.Timeline.Select(e => e.Kind));
        Assert.Equal("Cán bộ quầy 1 (mẫu)", history.Timeline[2].OfficerName);

        var clip = Assert.Single(history.Clips);
        Assert.Equal(1, clip.CounterNumber);
        Assert.Equal("cam1", clip.CameraId);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 2, 0, 30, TimeSpan.Zero), clip.From);
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 2, 1, 10, TimeSpan.Zero), clip.To);
        Assert.Collection(clip.Parts,
            p =>
            {
                Assert.Equal("cam1-20261123-020000.mp4", p.FileName);
                Assert.Equal(30, p.OffsetSeconds);
                Assert.Equal(30, p.DurationSeconds);
                Assert.True(p.Complete);
                Assert.Equal("/api/cameras/cam1/recordings/cam1-20261123-020000.mp4", p.Url);
            },
            p =>
            {
                Assert.Equal("cam1-20261123-020100.mp4", p.FileName);
                Assert.Equal(0, p.OffsetSeconds);
                Assert.Equal(10, p.DurationSeconds);
                Assert.False(p.Complete);
            });

        Assert.Empty((await supervisor.GetFromJsonAsync<List<TicketHistoryDto>>($"/api/supervision/tickets?number={number}&day=2026-11-22"))!);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync($"/api/supervision/tickets?number={number}&day=23-11-2026")).StatusCode);
    }

    [Fact]
    public async Task OpeningARecording_WritesOneAuditRow_ItsRangeRequestsAreTheSameView_AndAdminsListThem()
    {
        using var supervisor = await _host.SignInAsync("giamsat");
        const string url = "/api/cameras/cam1/recordings/cam1-20261123-020000.mp4";
        var whole = await supervisor.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal("video/mp4", whole.Content.Headers.ContentType?.MediaType);
        Assert.Equal(FirstSegment, await whole.Content.ReadAsByteArrayAsync());

        using var ranged = new HttpRequestMessage(HttpMethod.Get, url);
        ranged.Headers.Range = new RangeHeaderValue(2, 5);
        var part = await supervisor.SendAsync(ranged);
        Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
        Assert.Equal(FirstSegment[2..6], await part.Content.ReadAsByteArrayAsync());

        var rows = _host.Db(db => db.Set<RecordingView>().ToList());
        var row = Assert.Single(rows);
        Assert.Equal("giamsat", row.UserName);
        Assert.Equal("cam1", row.CameraId);
        Assert.Equal("cam1-20261123-020000.mp4", row.FileName);
        Assert.Equal(_host.Time.GetUtcNow().UtcDateTime, row.ViewedAt);
        Assert.Equal(new DateTime(2026, 11, 23, 2, 0, 0, DateTimeKind.Utc), row.SegmentStart);

        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync("/api/supervision/recording-views")).StatusCode);
        using var admin = await _host.SignInAsync("quantri");
        var listed = Assert.Single((await admin.GetFromJsonAsync<List<RecordingViewDto>>("/api/supervision/recording-views"))!);
        Assert.Equal(row.Id, listed.Id);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/supervisor/audit")).StatusCode);
    }

    /// <summary>Issue 15, item 2: these Range spellings once served the whole file with no audit row.</summary>
    [Theory]
    [InlineData("bytes=00-")]
    [InlineData("Bytes=0-")]
    [InlineData("bytes=-100000000")]
    [InlineData("bytes=2-5")]
    public async Task EveryReadOfARecording_IsAudited_WhateverTheRangeHeaderSays(string range)
    {
        using var supervisor = await _host.SignInAsync("giamsat");
        const string url = "/api/cameras/cam1/recordings/cam1-20261123-020000.mp4";
        using (var request = new HttpRequestMessage(HttpMethod.Get, url))
        {
            Assert.True(request.Headers.TryAddWithoutValidation("Range", range));
            using var answer = await supervisor.SendAsync(request);
            Assert.True(answer.IsSuccessStatusCode, $"{range}: {(int)answer.StatusCode}");
            Assert.NotEmpty(await answer.Content.ReadAsByteArrayAsync());
        }

        var row = Assert.Single(_host.Db(db => db.Set<RecordingView>().ToList()));
        Assert.Equal("giamsat", row.UserName);
        Assert.Equal("cam1-20261123-020000.mp4", row.FileName);

        // The player's further range requests within the view window are the same view; a read after it is a new one.
        using (var again = new HttpRequestMessage(HttpMethod.Get, url))
        {
            Assert.True(again.Headers.TryAddWithoutValidation("Range", range));
            using var answer = await supervisor.SendAsync(again);
            Assert.True(answer.IsSuccessStatusCode);
        }

        Assert.Single(_host.Db(db => db.Set<RecordingView>().ToList()));
        _host.Time.Advance(RecordingViewWindow.Length);
        using (var later = new HttpRequestMessage(HttpMethod.Get, url))
        {
            Assert.True(later.Headers.TryAddWithoutValidation("Range", range));
            using var answer = await supervisor.SendAsync(later);
            Assert.True(answer.IsSuccessStatusCode);
        }

        Assert.Equal(2, _host.Db(db => db.Set<RecordingView>().Count()));
    }

    [Fact]
    public async Task Officer_Gets403_OnEveryCameraUrl_TheDashboard_History_AndReports_AndNothingIsAudited()
    {
        var counter = await _host.CounterIdAsync(1);
        using var officer = await _host.SignInAsync("canbo1", counter);
        string[] urls =
        [
            "/api/cameras", "/api/cameras/cam1", "/api/cameras/cam1/live.mjpg", "/api/cameras/cam1/snapshot.jpg",
            "/api/cameras/cam1/recordings", "/api/cameras/cam1/recordings/cam1-20261123-020000.mp4",
            "/api/supervision/dashboard", "/api/supervision/alerts", "/api/supervision/tickets?number=A001",
            "/api/supervision/recording-views", "/api/reports?from=2026-11-23&to=2026-11-23", "/api/reports/csv",
            "/supervisor", "/supervisor/history", "/supervisor/reports", "/supervisor/audit",
        ];
        foreach (var url in urls)
        {
            Assert.True((await officer.GetAsync(url)).StatusCode == HttpStatusCode.Forbidden, $"{url} should be 403 for an officer");
        }

        Assert.Empty(_host.Db(db => db.Set<RecordingView>().ToList()));
    }

    [Fact]
    public async Task Anonymous_IsSentToSignIn_ForPages_And401_ForApis()
    {
        using var anonymous = _host.Anonymous();
        var page = await anonymous.GetAsync("/supervisor");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/supervisor/login", page.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/supervisor/login")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/cameras/cam1/snapshot.jpg")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/api/supervision/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Supervisor_SeesTheDashboardPage_AndTheCameraTile()
    {
        using var supervisor = await _host.SignInAsync("giamsat");
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/supervisor")).StatusCode);
        var dashboard = (await supervisor.GetFromJsonAsync<DashboardDto>("/api/supervision/dashboard"))!;
        var tile = Assert.Single(dashboard.Cameras);
        Assert.Equal("/api/cameras/cam1/live.mjpg", tile.LiveUrl);
        Assert.Equal([1, 3, 5], tile.CounterNumbers);
        Assert.Contains(dashboard.Devices, d => d.Kind == "Camera" && d.Id == "cam1" && !d.Online);
        Assert.Equal(6, dashboard.Counters.Count);
    }

    [Fact]
    public async Task CameraWithoutPicture_RaisesCameraDownAlert_AfterTheGraceTime()
    {
        // Its ffmpeg (/bin/false) never delivers a frame.
        await _host.CheckAlertsAsync();
        Assert.DoesNotContain(_host.Pushes.Alerts(SupervisionEvents.AlertRaised), a => a.Kind == AlertKind.CameraDown);

        _host.Time.Advance(TimeSpan.FromSeconds(31));
        await _host.CheckAlertsAsync();
        var alert = Assert.Single(_host.Pushes.Alerts(SupervisionEvents.AlertRaised), a => a.Kind == AlertKind.CameraDown);
        Assert.Equal("Quầy 1", alert.Subject);
        // The state in the reader's language; the camera's own error line (ffmpeg's) may follow in both.
        Assert.StartsWith("Camera không có hình (", alert.MessageVi, StringComparison.Ordinal);
        Assert.StartsWith("Camera has no picture (", alert.MessageEn, StringComparison.Ordinal);
        Assert.DoesNotContain("picture", alert.MessageVi, StringComparison.Ordinal);
    }

    private async Task<string> ServeOneTicketAtCounter1Async()
    {
        var serviceA = await _host.ServiceIdAsync("A");
        using var kiosk = _host.Device(HubApp.KioskKey);
        var ticket = (await (await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(serviceA))).Content.ReadFromJsonAsync<TicketDto>())!;
        var counter = await _host.CounterIdAsync(1);
        using var officer = await _host.SignInAsync("canbo1", counter);
        _host.Time.Advance(TimeSpan.FromSeconds(30));
        (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.CallNext), null)).EnsureSuccessStatusCode();
        _host.Time.Advance(TimeSpan.FromSeconds(40));
        (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Finish), null)).EnsureSuccessStatusCode();
        return ticket.Number;
    }
}
