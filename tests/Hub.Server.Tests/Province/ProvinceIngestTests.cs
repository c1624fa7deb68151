using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Province;
using QueueKiosk.HubServer.ProvinceLink;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Province;

/// <summary>
/// The province tier (Hub:Role=Province) on a real PostgreSQL database: a site's batch is stored
/// once, and each bad batch (gap, duplicate, future time, another site's id, revoked key) is refused
/// or ignored as docs/province.md says, naming the field in Vietnamese.
/// </summary>
public sealed class ProvinceIngestTests(ITestOutputHelper output) : HubAppTest(output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();

    protected override HubApp CreateApp(TestDatabase database) =>
        new(database, settings: new Dictionary<string, string?> { ["Hub:Role"] = "Province" });

    [Fact]
    public async Task GoodBatch_IsStoredOnce_AndDuplicatesAreIgnored()
    {
        if (App is null)
        {
            return;
        }

        var (site, key) = await RegisterAsync("Xã Một");
        var first = await SendAsync(key, site, Events(1, 3));
        Assert.Equal(HttpStatusCode.OK, first.Status);
        Assert.Equal(3, first.Body.GetProperty("lastSequence").GetInt64());
        Assert.Equal(3, first.Body.GetProperty("stored").GetInt32());

        // The same batch again (a lost answer): nothing new.
        var again = await SendAsync(key, site, Events(1, 3));
        Assert.Equal(HttpStatusCode.OK, again.Status);
        Assert.Equal(0, again.Body.GetProperty("stored").GetInt32());
        Assert.Equal(3, again.Body.GetProperty("duplicates").GetInt32());

        // Overlapping: 2 and 3 are ignored, 4 is stored.
        var overlap = await SendAsync(key, site, Events(2, 4));
        Assert.Equal(4, overlap.Body.GetProperty("lastSequence").GetInt64());
        Assert.Equal(1, overlap.Body.GetProperty("stored").GetInt32());

        Assert.Equal([1L, 2, 3, 4], await ProvinceAsync(db => db.Events.Where(e => e.SiteId == site).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToListAsync()));
        var ticket = await ProvinceAsync(db => db.Tickets.SingleAsync(t => t.SiteId == site));
        Assert.Equal("A001", ticket.Number);
        Assert.Equal("Lĩnh vực Hộ tịch", ticket.FieldName);
    }

    [Fact]
    public async Task Gap_IsRefused_WithTheLastSequence_AndNothingIsStored()
    {
        if (App is null)
        {
            return;
        }

        var (site, key) = await RegisterAsync("Xã Hai");
        await SendAsync(key, site, Events(1, 2));
        var gap = await SendAsync(key, site, Events(5, 6));
        AssertProblem(gap, HttpStatusCode.Conflict, "events[0].sequence", "cấp tỉnh đang chờ số thứ tự 3");
        Assert.Equal(2, gap.Body.GetProperty("lastSequence").GetInt64());
        Assert.Equal(2, await ProvinceAsync(db => db.Events.CountAsync(e => e.SiteId == site)));

        var holes = await SendAsync(key, site, [.. Events(3, 3), .. Events(5, 5)]);
        AssertProblem(holes, HttpStatusCode.BadRequest, "events[1].sequence", "số thứ tự phải tăng dần liên tiếp");
    }

    [Fact]
    public async Task FutureTime_IsRefused()
    {
        if (App is null)
        {
            return;
        }

        var (site, key) = await RegisterAsync("Xã Ba");
        var future = await SendAsync(key, site, Events(1, 2, at: App.Time.GetUtcNow().AddHours(2)));
        AssertProblem(future, HttpStatusCode.BadRequest, "events[0].at", "thời điểm nằm ở tương lai");
        Assert.Equal(0, await ProvinceAsync(db => db.Events.CountAsync(e => e.SiteId == site)));
    }

    [Fact]
    public async Task AnotherSitesId_IsRefused()
    {
        if (App is null)
        {
            return;
        }

        var (site, key) = await RegisterAsync("Xã Bốn");
        var (other, _) = await RegisterAsync("Xã Năm");
        var forged = await SendAsync(key, other, Events(1, 1));
        AssertProblem(forged, HttpStatusCode.Forbidden, "siteId", "chỉ được gửi dữ liệu của chính đơn vị mình");
        Assert.Equal(0, await ProvinceAsync(db => db.Events.CountAsync(e => e.SiteId == other || e.SiteId == site)));
    }

    [Fact]
    public async Task RevokedOrRotatedKey_IsRefused_AndTheNewKeyWorks()
    {
        if (App is null)
        {
            return;
        }

        var (site, key) = await RegisterAsync("Xã Sáu");
        using var admin = await App.SignInAsync("quantri");
        var rotated = await admin.PostOkAsync<ProvinceSiteKeyDto>(HubRoutes.ProvinceSiteKeyOf(site));
        AssertProblem(await SendAsync(key, site, Events(1, 1)), HttpStatusCode.Unauthorized, HubRoutes.SiteKeyHeader, "không đúng hoặc đã bị thu hồi");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(rotated.Key, site, Events(1, 1))).Status);

        Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync(HubRoutes.ProvinceSiteKeyOf(site))).StatusCode);
        AssertProblem(await SendAsync(rotated.Key, site, Events(2, 2)), HttpStatusCode.Unauthorized, HubRoutes.SiteKeyHeader, "không đúng hoặc đã bị thu hồi");
        AssertProblem(await SendAsync(null, site, Events(2, 2)), HttpStatusCode.Unauthorized, HubRoutes.SiteKeyHeader, "Thiếu khoá của đơn vị");
        Assert.Equal(1, await ProvinceAsync(db => db.Events.CountAsync(e => e.SiteId == site)));

        // A supervisor may not manage keys.
        using var supervisor = await App.SupervisorAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync(HubRoutes.ProvinceSiteKeyOf(site), null)).StatusCode);
    }

    [Fact]
    public async Task ProvinceUser_WithASiteList_SeesOnlyThoseSites_InTheDashboardAndTheReport()
    {
        if (App is null)
        {
            return;
        }

        var (one, oneKey) = await RegisterAsync("Xã Bảy");
        var (two, twoKey) = await RegisterAsync("Xã Tám");
        await SendAsync(oneKey, one, Events(1, 3));
        await SendAsync(twoKey, two, Events(1, 3));
        var supervisorId = App.Db(db => db.Officers.Single(o => o.UserName == "giamsat").Id);
        using var admin = await App.SignInAsync("quantri");
        Assert.Equal(HttpStatusCode.NoContent,
            (await admin.PutAsJsonAsync(HubRoutes.ProvinceUserSitesOf(supervisorId), new ProvinceUserSitesRequest([two]))).StatusCode);

        using var supervisor = await App.SupervisorAsync();
        var sites = await supervisor.GetFromJsonAsync<List<ProvinceSiteSummary>>(HubRoutes.ProvinceSites, Json);
        var seen = Assert.Single(sites!);
        Assert.Equal("Xã Tám", seen.Name);
        Assert.Equal(0, seen.Waiting);
        Assert.Equal("A001", Assert.Single(seen.Counters).Number);

        var all = await admin.GetFromJsonAsync<List<ProvinceSiteSummary>>(HubRoutes.ProvinceSites, Json);
        Assert.Contains(all!, s => s.Name == "Xã Bảy");

        var csv = await supervisor.GetStringAsync(HubRoutes.ProvinceReports + "?from=2026-11-23&to=2026-11-23&format=csv");
        Assert.Contains("Xã Tám", csv, StringComparison.Ordinal);
        Assert.DoesNotContain("Xã Bảy", csv, StringComparison.Ordinal);
        Assert.Contains("Lĩnh vực Hộ tịch", csv, StringComparison.Ordinal);
        var xlsx = await supervisor.GetAsync(HubRoutes.ProvinceReports + "?from=2026-11-23&to=2026-11-23&format=xlsx");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal("PK", System.Text.Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));
        var report = await supervisor.GetFromJsonAsync<JsonElement>(HubRoutes.ProvinceReports + "?from=2026-11-23&to=2026-11-23", Json);
        Assert.Equal(1, report.GetProperty("total").GetProperty("issued").GetInt32());
    }

    [Fact]
    public async Task Dashboard_ReceivesTheSitesSummary_WithItsLastBatch_AfterABurstOfBatches()
    {
        if (App is null)
        {
            return;
        }

        var (site, key) = await RegisterAsync("Xã Mười");
        var cookie = await SignInCookieAsync("quantri");
        var last = new TaskCompletionSource<ProvinceSiteSummary>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var dashboard = new HubConnectionBuilder()
            .WithUrl(new Uri(App.Server.BaseAddress, HubRoutes.ProvinceHub), o =>
            {
                o.HttpMessageHandlerFactory = _ => App.Server.CreateHandler();
                o.Transports = HttpTransportType.LongPolling;
                o.Headers["Cookie"] = cookie;
            })
            .Build();
        dashboard.On<ProvinceSiteSummary>(HubEvents.ProvinceSiteChanged, summary =>
        {
            if (summary.SiteId == site && summary.LastSequence == 5)
            {
                last.TrySetResult(summary);
            }
        });
        using var bounded = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await dashboard.StartAsync(bounded.Token);
        Assert.True(await dashboard.InvokeAsync<int>(HubMethods.JoinProvince, bounded.Token) >= 1);

        // Pushes are summarised apart from the ingest requests (ProvinceFeed): however the batches
        // fall together, the dashboard ends with the summary that holds the last one.
        foreach (var (from, to) in new[] { (1L, 3L), (4L, 4L), (5L, 5L) })
        {
            Assert.Equal(HttpStatusCode.OK, (await SendAsync(key, site, Events(from, to))).Status);
        }

        var summary = await last.Task.WaitAsync(bounded.Token);
        Assert.Equal("Xã Mười", summary.Name);
        Assert.Equal("A001", Assert.Single(summary.Counters).Number);
    }

    [Fact]
    public async Task ReadTables_TakeEachBatch_AsIfItsEventsCameOneByOne()
    {
        if (App is null)
        {
            return;
        }

        var (site, key) = await RegisterAsync("Xã Mười");
        var at = App.Time.GetUtcNow().AddMinutes(-30);
        var (ticket, device, alert, rating) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        TicketState State(TicketStatus status, string? counter, string? officer) => new("B002", status, PriorityCategory.None, "Hộ tịch", "Lĩnh vực Hộ tịch",
            counter, officer, at.UtcDateTime, at.UtcDateTime.AddMinutes(5), null, status == TicketStatus.Served ? at.UtcDateTime.AddMinutes(20) : null, 15);
        IngestEvent Event(long sequence, string kind, object fact) => new(sequence, kind, at.AddSeconds(sequence), ProvinceJson.Write(fact));

        // One batch: another ticket still waiting (its times null, first in the batch), then issued,
        // called at Quầy 2, transferred (naming no counter), a device, an alert and a rating.
        var waiting = new TicketState("B001", TicketStatus.Waiting, PriorityCategory.None, "Hộ tịch", null, null, null, at.UtcDateTime, null, null, null, 15);
        var first = await SendAsync(key, site,
        [
            Event(1, OutboxKinds.Ticket, new TicketFact(TicketEventKind.Issued, Guid.NewGuid(), null, null, null, waiting)),
            Event(2, OutboxKinds.Ticket, new TicketFact(TicketEventKind.Issued, ticket, null, null, null, State(TicketStatus.Waiting, null, null))),
            Event(3, OutboxKinds.Ticket, new TicketFact(TicketEventKind.Called, ticket, null, null, null, State(TicketStatus.Called, "Quầy 2", "Trần Thị B"))),
            Event(4, OutboxKinds.Ticket, new TicketFact(TicketEventKind.Transferred, ticket, null, null, null, State(TicketStatus.Waiting, null, null))),
            Event(5, OutboxKinds.Device, new DeviceFact(device, "Máy in kiosk", DeviceKind.Kiosk, "Online", at.UtcDateTime)),
            Event(6, OutboxKinds.Alert, new AlertFact(alert, AlertKind.DeviceOffline, "Máy in", "Hết giấy", at.UtcDateTime, null, null)),
            Event(7, OutboxKinds.Rating, new RatingFact(rating, ticket, 4, "Quầy 2", "Trần Thị B")),
        ]);
        Assert.Equal(HttpStatusCode.OK, first.Status);

        // The next: served (naming no counter or officer), the device offline, the alert cleared, and
        // the same rating again under a new number (a site restored from a backup).
        var second = await SendAsync(key, site,
        [
            Event(8, OutboxKinds.Ticket, new TicketFact(TicketEventKind.Served, ticket, null, null, null, State(TicketStatus.Served, null, null))),
            Event(9, OutboxKinds.Device, new DeviceFact(device, "Máy in kiosk", DeviceKind.Kiosk, "Offline", at.UtcDateTime.AddMinutes(1))),
            Event(10, OutboxKinds.Alert, new AlertFact(alert, AlertKind.DeviceOffline, "Máy in", "Hết giấy", at.UtcDateTime, at.UtcDateTime.AddMinutes(2), null)),
            Event(11, OutboxKinds.Rating, new RatingFact(rating, ticket, 1, "Quầy 2", "Trần Thị B")),
        ]);
        Assert.Equal(HttpStatusCode.OK, second.Status);
        Assert.Equal(11, second.Body.GetProperty("lastSequence").GetInt64());

        var stored = await ProvinceAsync(db => db.Tickets.SingleAsync(t => t.SiteId == site && t.TicketId == ticket));
        Assert.Equal(("Served", "Quầy 2", "Trần Thị B", true, 8L), (stored.Status, stored.CounterName, stored.OfficerName, stored.Transferred, stored.Sequence));
        Assert.Equal(at.UtcDateTime.AddMinutes(20), stored.FinishedAt);
        var storedDevice = await ProvinceAsync(db => db.Devices.SingleAsync(d => d.SiteId == site));
        Assert.Equal(("Offline", "Kiosk"), (storedDevice.Status, storedDevice.Kind));
        Assert.Equal(at.UtcDateTime.AddMinutes(2), (await ProvinceAsync(db => db.Alerts.SingleAsync(a => a.SiteId == site))).ClearedAt);
        Assert.Equal([4], await ProvinceAsync(db => db.Ratings.Where(r => r.SiteId == site).Select(r => r.Score).ToListAsync()));
    }

    [Fact]
    public async Task TextLongerThanItsColumn_IsRefused_NamingTheEventsField_AndNothingIsStored()
    {
        if (App is null)
        {
            return;
        }

        var (site, key) = await RegisterAsync("Xã Mười Một");
        var at = App.Time.GetUtcNow().AddMinutes(-30);
        var alert = new AlertFact(Guid.NewGuid(), AlertKind.DeviceOffline, "Máy in", new string('x', 1001), at.UtcDateTime, null, null);
        var refused = await SendAsync(key, site, [.. Events(1, 2), new IngestEvent(3, OutboxKinds.Alert, at, ProvinceJson.Write(alert))]);
        AssertProblem(refused, HttpStatusCode.BadRequest, "events[2].payload.message", "dài quá 1000 ký tự");
        Assert.Equal(0, await ProvinceAsync(db => db.Events.CountAsync(e => e.SiteId == site)));
    }

    [Fact]
    public async Task RegisteringASite_ChecksItsFields()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await App.SignInAsync("quantri");
        AssertProblem(await ReadAsync(await admin.PostAsJsonAsync(HubRoutes.ProvinceSites, new ProvinceSiteRequest(Guid.NewGuid(), "", null))),
            HttpStatusCode.BadRequest, "name", "Trường 'name' là bắt buộc");
        AssertProblem(await ReadAsync(await admin.PostAsJsonAsync(HubRoutes.ProvinceSites, new ProvinceSiteRequest(Guid.NewGuid(), "Xã", "ftp://x"))),
            HttpStatusCode.BadRequest, "dashboardUrl", "'dashboardUrl' không hợp lệ");
        var (site, _) = await RegisterAsync("Xã Chín");
        AssertProblem(await ReadAsync(await admin.PostAsJsonAsync(HubRoutes.ProvinceSites, new ProvinceSiteRequest(site, "Xã Chín", null))),
            HttpStatusCode.Conflict, "id", "đã được dùng");
    }

    private async Task<(Guid Site, string Key)> RegisterAsync(string name)
    {
        using var admin = await App!.SignInAsync("quantri");
        var dto = await admin.PostOkAsync<ProvinceSiteKeyDto>(HubRoutes.ProvinceSites,
            new ProvinceSiteRequest(Guid.NewGuid(), name, "http://127.0.0.1:5000/supervisor"));
        return (dto.SiteId, dto.Key);
    }

    /// <summary>The sign-in cookie of <paramref name="user"/>, for a SignalR client's Cookie header.</summary>
    private async Task<string> SignInCookieAsync(string user)
    {
        using var client = App!.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        using var response = await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest(user, HubApp.Password));
        response.EnsureSuccessStatusCode();
        return string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
    }

    /// <summary>Ticket A001's life (issued, called, served, ...) as outbox rows <paramref name="from"/>..<paramref name="to"/>.</summary>
    private IReadOnlyList<IngestEvent> Events(long from, long to, DateTimeOffset? at = null)
    {
        var when = at ?? App!.Time.GetUtcNow().AddMinutes(-30);
        var ticket = Guid.Parse("0193a000-0000-7000-8000-000000000001");
        return [.. Enumerable.Range((int)from, (int)(to - from + 1)).Select(i =>
        {
            var called = i >= 2 ? when.UtcDateTime.AddMinutes(i) : (DateTime?)null;
            var state = new TicketState("A001", i >= 2 ? TicketStatus.Called : TicketStatus.Waiting, PriorityCategory.None, "Hộ tịch", "Lĩnh vực Hộ tịch",
                i >= 2 ? "Quầy 1" : null, i >= 2 ? "Nguyễn Văn A" : null, when.UtcDateTime, called, null, null, 15);
            var fact = new TicketFact(i == 1 ? TicketEventKind.Issued : TicketEventKind.Called, ticket, null, null, null, state);
            return new IngestEvent(i, OutboxKinds.Ticket, when.AddSeconds(i), ProvinceJson.Write(fact));
        })];
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(string? key, Guid site, IReadOnlyList<IngestEvent> events)
    {
        using var client = App!.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, HubRoutes.ProvinceIngest)
        {
            Content = JsonContent.Create(new IngestBatch(site, events), options: ProvinceJson.Options),
        };
        if (key is not null)
        {
            request.Headers.Add(HubRoutes.SiteKeyHeader, key);
        }

        return await ReadAsync(await client.SendAsync(request));
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    private async Task<T> ProvinceAsync<T>(Func<ProvinceDbContext, Task<T>> query)
    {
        using var scope = App!.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ProvinceDbContext>());
    }

    private static void AssertProblem((HttpStatusCode Status, JsonElement Body) problem, HttpStatusCode status, string field, string text)
    {
        Assert.True(status == problem.Status, $"expected {status}, got {problem.Status}: {problem.Body}");
        Assert.Equal(field, problem.Body.GetProperty("field").GetString());
        Assert.Contains(text, problem.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }
}
