using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Reports;
using QueueKiosk.HubServer.Tests.Infrastructure;
using QueueKiosk.HubServer.Tests.Supervision;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Reports;

/// <summary>
/// A fixed day of six tickets with known times (Monday 23 Nov 2026, Vietnam time), inserted
/// straight into the database; every figure below was worked out by hand from this table:
///
///   ticket  service issued  called  started finished  outcome           counter officer
///   A001    A       08:00   08:04   08:05   08:10     served            1       canbo1   wait 240 s, service 300 s (procedure 1.001193)
///   A002    A       08:01   08:13   -       08:20     served            1       canbo1   wait 720 s, service 420 s (finished from called)
///   A003    A       08:02   08:08   -       08:10     no-show           1       canbo1   wait 360 s
///   A004    A       08:03   08:33   08:33   08:35     served            2       canbo2   wait 1800 s, service 120 s
///   A005    A       09:10   -       -       09:20     cancelled         -       -
///   B001    B       09:00   09:02   -       09:12     served, transferred once   2  canbo2  wait 120 s, service 600 s
///
/// Targets: A and B 10 min (600 s).
/// </summary>
public sealed class ReportFixtureTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task ReportFigures_EqualTheHandComputedOnes(string provider)
    {
        await using var database = await DatabaseAsync(provider);
        if (database is null)
        {
            return;
        }

        await using var host = new SupervisionHost(database);
        using var supervisor = await host.SignInAsync("giamsat");
        await InsertFixtureAsync(host);

        var report = (await supervisor.GetFromJsonAsync<ReportDto>("/api/reports?from=2026-11-23&to=2026-11-23"))!;

        var total = report.Total;
        Assert.Equal((6, 4, 1, 1, 1, 0), (total.Issued, total.Served, total.NoShow, total.Transferred, total.Cancelled, total.Expired));
        // Waits 240, 720, 360, 1800, 120: mean 3240/5 = 648; sorted middle 360; p90 = ceil(4.5) = 5th = 1800.
        Assert.Equal(new DurationStatsDto(5, 648, 360, 1800), total.Wait);
        // Service 300, 420, 120, 600: mean 1440/4 = 360; median (300+420)/2 = 360; p90 = ceil(3.6) = 4th = 600.
        Assert.Equal(new DurationStatsDto(4, 360, 360, 600), total.Service);
        // Within 600 s: 240, 360, 120 = 3 of 5.
        Assert.Equal(0.6, total.WithinTargetShare!.Value, 10);

        var a = report.ByService.Single(r => r.Key == "A");
        Assert.Equal("A - Tư pháp - Hộ tịch", a.Label);
        Assert.Equal((5, 3, 1, 0, 1), (a.Issued, a.Served, a.NoShow, a.Transferred, a.Cancelled));
        // Waits 240, 720, 360, 1800: mean 780; median (360+720)/2 = 540; p90 = ceil(3.6) = 4th = 1800.
        Assert.Equal(new DurationStatsDto(4, 780, 540, 1800), a.Wait);
        // Service 300, 420, 120: mean 280; median 300; p90 = ceil(2.7) = 3rd = 420.
        Assert.Equal(new DurationStatsDto(3, 280, 300, 420), a.Service);
        Assert.Equal(0.5, a.WithinTargetShare!.Value, 10);

        var b = report.ByService.Single(r => r.Key == "B");
        Assert.Equal((1, 1, 1), (b.Issued, b.Served, b.Transferred));
        Assert.Equal(new DurationStatsDto(1, 120, 120, 120), b.Wait);
        Assert.Equal(new DurationStatsDto(1, 600, 600, 600), b.Service);

        Assert.Equal([("08", 4), ("09", 2)], report.ByHour.Select(r => (r.Key, r.Issued)));
        Assert.Equal(
            [("Cán bộ quầy 1 (mẫu)", 3), ("Cán bộ quầy 2 (mẫu)", 2), ("(chưa phục vụ)", 1)],
            report.ByOfficer.Select(r => (r.Label, r.Issued)).OrderByDescending(x => x.Issued));
        Assert.Equal([("1", 3), ("2", 2), ("-", 1)], report.ByCounter.Select(r => (r.Key, r.Issued)).OrderByDescending(x => x.Issued));
        var birth = report.ByProcedure.Single(r => r.Key == "1.001193");
        Assert.Equal(("1.001193 - Đăng ký khai sinh", 1, 240.0), (birth.Label, birth.Issued, birth.Wait.MeanSeconds!.Value));

        // The dashboard reads the same day (the test clock is 09:00 that Monday): A's four calls
        // waited 780 s on average, and the counters show the officer of their latest event.
        var dashboard = (await supervisor.GetFromJsonAsync<DashboardDto>("/api/supervision/dashboard"))!;
        var boardA = dashboard.Services.Single(s => s.Code == "A");
        Assert.Equal((4, 780), (boardA.CalledToday, boardA.AverageWaitTodaySeconds));
        Assert.Equal("Cán bộ quầy 1 (mẫu)", dashboard.Counters.Single(c => c.Number == 1).OfficerName);
        Assert.Equal("Cán bộ quầy 2 (mẫu)", dashboard.Counters.Single(c => c.Number == 2).OfficerName);
        Assert.Null(dashboard.Counters.Single(c => c.Number == 3).OfficerName);

        // Another day has nothing.
        var empty = (await supervisor.GetFromJsonAsync<ReportDto>("/api/reports?from=2026-11-24&to=2026-11-24"))!;
        Assert.Equal(0, empty.Total.Issued);
        Assert.Null(empty.Total.Wait.MeanSeconds);
    }

    [Fact]
    public async Task Csv_StartsWithBom_AndVietnameseRoundTrips_WithTheFixtureFigures()
    {
        await using var database = new SqliteTestDatabase();
        await using var host = new SupervisionHost(database);
        using var supervisor = await host.SignInAsync("giamsat");
        await InsertFixtureAsync(host);

        var response = await supervisor.GetAsync("/api/reports/csv?from=2026-11-23&to=2026-11-23");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bao-cao-20261123-20261123.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);

        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[3..]);
        Assert.True(text.IsNormalized(NormalizationForm.FormC));
        var lines = text.Split("\r\n");
        Assert.Equal("Báo cáo / Report,UBND phường Bến Thành (dữ liệu mẫu),2026-11-23,2026-11-23", lines[0]);
        Assert.StartsWith("Nhóm / Group,Mục / Item,Số phát / Issued,Đã phục vụ / Served,Vắng mặt / No-show", lines[1], StringComparison.Ordinal);
        Assert.Contains("Tổng / Total,Tổng cộng / Total,6,4,1,1,1,0,648,360,1800,360,360,600,60,,", lines);
        Assert.Contains("Dịch vụ / Service,A - Tư pháp - Hộ tịch,5,3,1,0,1,0,780,540,1800,280,300,420,50,,", lines);
        Assert.Contains("Cán bộ / Officer,Cán bộ quầy 1 (mẫu),3,2,1,0,0,0,440,360,720,360,360,420,67,,", lines);
    }

    [Fact]
    public async Task SemicolonCsvAndXlsx_HoldTheSameFiguresAsTheCommaCsv()
    {
        await using var database = new SqliteTestDatabase();
        await using var host = new SupervisionHost(database);
        using var supervisor = await host.SignInAsync("giamsat");
        await InsertFixtureAsync(host);

        var semicolon = await supervisor.GetAsync("/api/reports/csv?from=2026-11-23&to=2026-11-23&separator=semicolon");
        var bytes = await semicolon.Content.ReadAsByteArrayAsync();
        Assert.Equal([0xEF, 0xBB, 0xBF], bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n");
        Assert.Contains("Tổng / Total;Tổng cộng / Total;6;4;1;1;1;0;648;360;1800;360;360;600;60;;", lines);
        Assert.Contains("Dịch vụ / Service;A - Tư pháp - Hộ tịch;5;3;1;0;1;0;780;540;1800;280;300;420;50;;", lines);

        var xlsx = await supervisor.GetAsync("/api/reports/xlsx?from=2026-11-23&to=2026-11-23");
        Assert.Equal(HttpStatusCode.OK, xlsx.StatusCode);
        Assert.Equal(ReportXlsx.ContentType, xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("bao-cao-20261123-20261123.xlsx", xlsx.Content.Headers.ContentDisposition?.FileNameStar ?? xlsx.Content.Headers.ContentDisposition?.FileName);
        // Read back with the same reader the catalogue import uses: numbers as numbers, Vietnamese intact.
        var table = HubServer.Administration.Import.XlsxTableReader.TryRead(await xlsx.Content.ReadAsByteArrayAsync());
        var rows = Assert.IsType<List<HubServer.Administration.Import.RawRow>>(table).Select(r => string.Join(";", r.Cells)).ToList();
        Assert.Contains("Tổng / Total;Tổng cộng / Total;6;4;1;1;1;0;648;360;1800;360;360;600;60;;", rows);
        Assert.Contains("Cán bộ / Officer;Cán bộ quầy 1 (mẫu);3;2;1;0;0;0;440;360;720;360;360;420;67;;", rows);

        var bad = await supervisor.GetAsync("/api/reports/csv?from=2026-11-23&separator=tab");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("\"separator\"", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task TicketList_FiltersAndPages_TheFixtureDay(string provider)
    {
        await using var database = await DatabaseAsync(provider);
        if (database is null)
        {
            return;
        }

        await using var host = new SupervisionHost(database);
        using var supervisor = await host.SignInAsync("giamsat");
        await InsertFixtureAsync(host);
        async Task<TicketListPageDto> ListAsync(string query) =>
            (await supervisor.GetFromJsonAsync<TicketListPageDto>($"{HubRoutes.TicketList}?from=2026-11-23&to=2026-11-23{query}"))!;

        var all = await ListAsync("");
        Assert.Equal(6, all.Total);
        Assert.Equal(["A005", "B001", "A004", "A003", "A002", "A001"], all.Items.Select(i => i.Number));
        var serviceB = all.Services.Single(s => s.Label.StartsWith("B ", StringComparison.Ordinal)).Value;
        Assert.Equal(["B001"], (await ListAsync($"&serviceId={serviceB}")).Items.Select(i => i.Number));
        var canbo1 = all.Officers.Single(o => o.Label == "Cán bộ quầy 1 (mẫu)").Value;
        Assert.Equal(["A003", "A002", "A001"], (await ListAsync($"&officerId={canbo1}")).Items.Select(i => i.Number));
        Assert.Equal(["A003"], (await ListAsync("&status=NoShow")).Items.Select(i => i.Number));
        // Waited past the 10-minute target: A002 (12 min) and A004 (30 min); the cancelled A005 is not judged.
        Assert.Equal(["A004", "A002"], (await ListAsync("&pastTarget=true")).Items.Select(i => i.Number));

        var page2 = await ListAsync("&page=2&pageSize=4");
        Assert.Equal((6, 2, 4), (page2.Total, page2.Page, page2.PageSize));
        Assert.Equal(["A002", "A001"], page2.Items.Select(i => i.Number));

        foreach (var (query, field) in new[] { ("&status=Lost", "status"), ("&pageSize=1000", "pageSize"), ("&to=2026-12-31", "to") })
        {
            var response = await supervisor.GetAsync($"{HubRoutes.TicketList}?from=2026-11-23{query}");
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReportRange_EndBeforeStart_Is400_NamingTo()
    {
        await using var database = new SqliteTestDatabase();
        await using var host = new SupervisionHost(database);
        using var supervisor = await host.SignInAsync("giamsat");
        var response = await supervisor.GetAsync("/api/reports?from=2026-11-23&to=2026-11-01");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"to\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<TestDatabase?> DatabaseAsync(string provider)
    {
        if (provider == "Sqlite")
        {
            return new SqliteTestDatabase();
        }

        var (database, skip) = await PostgresTestDatabase.TryCreateAsync();
        if (database is null)
        {
            output.WriteLine(skip);
        }

        return database;
    }

    private static async Task InsertFixtureAsync(SupervisionHost host)
    {
        var day = new DateOnly(2026, 11, 23);
        static DateTime At(int hour, int minute) => FakeTimeProvider.Vietnam(2026, 11, 23, hour, minute).UtcDateTime;

        await host.DbAsync(async db =>
        {
            var services = await db.Services.ToDictionaryAsync(s => s.Code);
            var counters = await db.Counters.ToDictionaryAsync(c => c.Number);
            var officers = await db.Officers.ToDictionaryAsync(o => o.UserName);
            var birth = await db.Procedures.SingleAsync(p => p.Code == "1.001193");
            var siteId = services["A"].SiteId;
            var sequence = 0L;
            var events = new List<TicketEvent>();
            void Event(Ticket t, TicketEventKind kind, DateTime at, Counter? counter = null, Officer? officer = null) =>
                events.Add(new TicketEvent { SiteId = siteId, Sequence = ++sequence, TicketId = t.Id, Kind = kind, At = at, CounterId = counter?.Id, OfficerId = officer?.Id });

            Ticket Issue(string service, int number, DateTime at, Guid? procedure = null)
            {
                var t = Ticket.Issue(siteId, services[service], procedure, day, number, PriorityCategory.None, TicketChannel.Kiosk, at);
                Event(t, TicketEventKind.Issued, at);
                db.Tickets.Add(t);
                return t;
            }

            var c1 = counters[1];
            var c2 = counters[2];
            var o1 = officers["canbo1"];
            var o2 = officers["canbo2"];

            var a1 = Issue("A", 1, At(8, 0), birth.Id);
            a1.Call(c1.Id, At(8, 4));
            a1.Start(At(8, 5));
            a1.Finish(At(8, 10));
            Event(a1, TicketEventKind.Called, At(8, 4), c1, o1);
            Event(a1, TicketEventKind.Served, At(8, 10), c1, o1);

            var a2 = Issue("A", 2, At(8, 1));
            a2.Call(c1.Id, At(8, 13));
            a2.Finish(At(8, 20));
            Event(a2, TicketEventKind.Called, At(8, 13), c1, o1);
            Event(a2, TicketEventKind.Served, At(8, 20), c1, o1);

            var a3 = Issue("A", 3, At(8, 2));
            a3.Call(c1.Id, At(8, 8));
            a3.MarkNoShow(At(8, 10));
            Event(a3, TicketEventKind.Called, At(8, 8), c1, o1);
            Event(a3, TicketEventKind.NoShow, At(8, 10), c1, o1);

            var a4 = Issue("A", 4, At(8, 3));
            a4.Call(c2.Id, At(8, 33));
            a4.Start(At(8, 33));
            a4.Finish(At(8, 35));
            Event(a4, TicketEventKind.Called, At(8, 33), c2, o2);
            Event(a4, TicketEventKind.Served, At(8, 35), c2, o2);

            var a5 = Issue("A", 5, At(9, 10));
            a5.Cancel(At(9, 20));
            Event(a5, TicketEventKind.Cancelled, At(9, 20));

            // B001 was first sent to the wrong desk and transferred: the transfer is an event, its times are the final visit's.
            var b1 = Issue("B", 1, At(9, 0));
            Event(b1, TicketEventKind.Transferred, At(9, 1), c1, o1);
            b1.Call(c2.Id, At(9, 2));
            b1.Finish(At(9, 12));
            Event(b1, TicketEventKind.Called, At(9, 2), c2, o2);
            Event(b1, TicketEventKind.Served, At(9, 12), c2, o2);

            db.TicketEvents.AddRange(events);
            await db.SaveChangesAsync();
            await db.Sites.Where(s => s.Id == siteId).ExecuteUpdateAsync(s => s.SetProperty(x => x.LastSequence, sequence));
            return 0;
        });
    }
}
