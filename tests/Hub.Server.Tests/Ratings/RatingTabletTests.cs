using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Ratings;

/// <summary>
/// The rating tablet's API (docs/ratings.md) on SQLite and PostgreSQL: a tablet bound to a counter
/// rates the tickets finished there, once each; a low rating raises an alert and every rating shows
/// in the report; bad input is refused in Vietnamese naming the field.
/// </summary>
public abstract class RatingTabletTests(ITestOutputHelper output) : HubAppTest(output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task ALowRatingWithReasons_IsKeptAsGiven_RaisesAnAlert_AndShowsInTheReport()
    {
        if (App is null)
        {
            return;
        }

        var counter = await App.CounterIdAsync(1);
        using var tablet = App.Device(App.AddDevice(DeviceKind.RatingTablet, "Máy đánh giá quầy 1", counter));
        var me = await tablet.GetFromJsonAsync<RatingTabletDto>(HubRoutes.RatingTablet, Json);
        Assert.Equal((counter, 1, RatingLimits.DefaultTimeoutSeconds, false), (me!.CounterId, me.CounterNumber, me.TimeoutSeconds, me.IndicesEnabled));
        Assert.Contains(RatingReasons.LongWait, me.Reasons.Keys);

        var ticket = await ServeAsync(1);
        // Typed decomposed (NFD) on purpose: the hub keeps it composed (NFC).
        var words = "Chờ lâu quá".Normalize(NormalizationForm.FormD);
        var request = new RatingRequest((int)SatisfactionLevel.Unhappy, words, Reasons: [RatingReasons.LongWait, RatingReasons.Attitude],
            Indices: new RatingIndicesDto(1, 0, null, 0));
        using (var answer = await tablet.PostAsJsonAsync(Rating(ticket.Id), request, Json))
        {
            Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        }

        var stored = App.Db(db => db.Ratings.Single(r => r.TicketId == ticket.Id));
        var officer = App.Db(db => db.Officers.Single(o => o.UserName == "canbo1").Id);
        Assert.Equal((1, "Chờ lâu quá".Normalize(NormalizationForm.FormC), "long-wait,attitude", 1, 0, (int?)null, 0),
            (stored.Score, stored.Reason, stored.Reasons, stored.Index1, stored.Index3, stored.Index4, stored.Index7));
        Assert.Equal((counter, officer), (stored.CounterId!.Value, stored.OfficerId!.Value));

        using var supervisor = await App.SupervisorAsync();
        var alerts = await supervisor.GetFromJsonAsync<List<AlertDto>>(HubRoutes.Supervision + "/alerts", Json);
        var alert = Assert.Single(alerts!, a => a.Kind == AlertKind.LowRating);
        Assert.Contains(ticket.Number, alert.Subject, StringComparison.Ordinal);
        Assert.Contains("Quầy 1", alert.Subject, StringComparison.Ordinal);
        Assert.Contains("Chờ lâu", alert.Message, StringComparison.Ordinal);

        var report = await supervisor.GetFromJsonAsync<ReportDto>(HubRoutes.Reports, Json);
        var byCounter = Assert.Single(report!.Ratings!.ByCounter);
        Assert.Equal((1, 0, 1, 1.0), (byCounter.Unhappy, byCounter.VerySatisfied, byCounter.WithIndices, byCounter.MeanPoints!.Value));
        Assert.Equal(Circular01Band.Under70, byCounter.Band);
        Assert.Equal(1, Assert.Single(report.Ratings.ByOfficer).Unhappy);
        Assert.Equal(1, Assert.Single(report.Ratings.ByService).Unhappy);
        Assert.Equal(1, Assert.Single(report.Ratings.ByDay).Unhappy);

        var csv = await supervisor.GetStringAsync(HubRoutes.Reports + "/csv");
        Assert.Contains("Không hài lòng / Unhappy", csv, StringComparison.Ordinal);
        // Counter 1: one "unhappy" (100 % of the rated), one ticket with indices at 1 point (x100) graded 70 * 1 / 3.5 = 20 %.
        Assert.Contains(csv.Split("\r\n"), line => line.StartsWith("Quầy / Counter,", StringComparison.Ordinal)
            && line.EndsWith(",0,0,0,1,0,0,0,0,100,1,100,20", StringComparison.Ordinal));
        var xlsx = await supervisor.GetByteArrayAsync(HubRoutes.Reports + "/xlsx");
        Assert.True(xlsx.Length > 0);
    }

    [Fact]
    public async Task NotRated_IsRecordedWithoutALevel_AndIsTheTicketsOneRating()
    {
        if (App is null)
        {
            return;
        }

        var counter = await App.CounterIdAsync(1);
        using var tablet = App.Device(App.AddDevice(DeviceKind.RatingTablet, "Máy đánh giá quầy 1", counter));
        var ticket = await ServeAsync(1);
        using (var answer = await tablet.PostAsJsonAsync(Rating(ticket.Id), new RatingRequest(null, NotRated: true), Json))
        {
            Assert.Equal(HttpStatusCode.NoContent, answer.StatusCode);
        }

        Assert.Null(App.Db(db => db.Ratings.Single(r => r.TicketId == ticket.Id)).Score);
        await AssertRefusedAsync(await tablet.PostAsJsonAsync(Rating(ticket.Id), new RatingRequest(4), Json), HttpStatusCode.Conflict, "rating.already_rated", "ticketId");

        using var supervisor = await App.SupervisorAsync();
        var report = await supervisor.GetFromJsonAsync<ReportDto>(HubRoutes.Reports, Json);
        Assert.Equal((1, 0), (report!.Ratings!.Total.NotRated, report.Ratings.Total.Rated));
        Assert.DoesNotContain((await supervisor.GetFromJsonAsync<List<AlertDto>>(HubRoutes.Supervision + "/alerts", Json))!, a => a.Kind == AlertKind.LowRating);
    }

    [Fact]
    public async Task BadRatings_AreRefused_InVietnamese_NamingTheField()
    {
        if (App is null)
        {
            return;
        }

        var counter = await App.CounterIdAsync(1);
        using var tablet = App.Device(App.AddDevice(DeviceKind.RatingTablet, "Máy đánh giá quầy 1", counter));
        using var kiosk = App.Kiosk();
        var waiting = await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        await AssertRefusedAsync(await tablet.PostAsJsonAsync(Rating(Guid.NewGuid()), new RatingRequest(4), Json), HttpStatusCode.NotFound, "rating.unknown_ticket", "ticketId");
        await AssertRefusedAsync(await tablet.PostAsJsonAsync(Rating(waiting.Id), new RatingRequest(4), Json), HttpStatusCode.Conflict, "rating.not_finished", "ticketId");

        var elsewhere = await ServeAsync(2);
        await AssertRefusedAsync(await tablet.PostAsJsonAsync(Rating(elsewhere.Id), new RatingRequest(4), Json), HttpStatusCode.Forbidden, "rating.other_counter", "ticketId");

        var served = await ServeAsync(1);
        var url = Rating(served.Id);
        await AssertRefusedAsync(await tablet.PostAsJsonAsync(url, new RatingRequest(5), Json), HttpStatusCode.BadRequest, "rating.score_range", "score");
        await AssertRefusedAsync(await tablet.PostAsJsonAsync(url, new RatingRequest(0), Json), HttpStatusCode.BadRequest, "rating.score_range", "score");
        await AssertRefusedAsync(await tablet.PostAsJsonAsync(url, new RatingRequest(null), Json), HttpStatusCode.BadRequest, "rating.score_range", "score");
        await AssertRefusedAsync(await tablet.PostAsJsonAsync(url, new RatingRequest(2, NotRated: true), Json), HttpStatusCode.BadRequest, "rating.not_rated_with_answers", "notRated");
        await AssertRefusedAsync(await tablet.PostAsJsonAsync(url, new RatingRequest(1, Reasons: ["hối lộ"]), Json), HttpStatusCode.BadRequest, "rating.unknown_reason", "reasons");
        await AssertRefusedAsync(await tablet.PostAsJsonAsync(url, new RatingRequest(1, Reasons: [RatingReasons.LongWait, RatingReasons.LongWait]), Json),
            HttpStatusCode.BadRequest, "rating.too_many_reasons", "reasons");
        await AssertRefusedAsync(await tablet.PostAsJsonAsync(url, new RatingRequest(1, new string('x', RatingLimits.MaxReasonLength + 1)), Json),
            HttpStatusCode.BadRequest, "validation.too_long", "reason");
        await AssertRefusedAsync(await tablet.PostAsJsonAsync(url, new RatingRequest(3, Indices: new RatingIndicesDto(3, null, null, null)), Json),
            HttpStatusCode.BadRequest, "rating.index_range", "indices.index1");
        await AssertRefusedAsync(await tablet.PostAsJsonAsync(url, new RatingRequest(3, Indices: new RatingIndicesDto(null, null, null, -1)), Json),
            HttpStatusCode.BadRequest, "rating.index_range", "indices.index7");

        using var unbound = App.Device(App.AddDevice(DeviceKind.RatingTablet, "Máy đánh giá chưa gắn quầy"));
        await AssertRefusedAsync(await unbound.PostAsJsonAsync(url, new RatingRequest(4), Json), HttpStatusCode.Forbidden, "rating.tablet_unbound", "counterId");
        await AssertRefusedAsync(await unbound.GetAsync(HubRoutes.RatingTablet), HttpStatusCode.Forbidden, "rating.tablet_unbound", "counterId");

        // Nothing refused was stored; the ticket still takes its one rating.
        Assert.Equal(0, App.Db(db => db.Ratings.Count()));
        using var ok = await tablet.PostAsJsonAsync(url, new RatingRequest(4), Json);
        Assert.Equal(HttpStatusCode.NoContent, ok.StatusCode);
    }

    [Fact]
    public async Task ARatingTablet_IsCreatedForOneCounter_AndItsQrOpensTheTabletPage()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await App.SignInAsync("quantri");
        await AssertRefusedAsync(await admin.PostAsJsonAsync(HubRoutes.AdminDevices, new CreateDeviceRequest(DeviceKind.RatingTablet, "Máy đánh giá"), Json),
            HttpStatusCode.BadRequest, "device.counter_required", "counterId");
        await AssertRefusedAsync(await admin.PostAsJsonAsync(HubRoutes.AdminDevices, new CreateDeviceRequest(DeviceKind.RatingTablet, "Máy đánh giá", Guid.NewGuid()), Json),
            HttpStatusCode.BadRequest, "device.counter_required", "counterId");
        var counter = await App.CounterIdAsync(2);
        await AssertRefusedAsync(await admin.PostAsJsonAsync(HubRoutes.AdminDevices, new CreateDeviceRequest(DeviceKind.Kiosk, "Kiosk", counter), Json),
            HttpStatusCode.BadRequest, "device.counter_not_allowed", "counterId");

        using var created = await admin.PostAsJsonAsync(HubRoutes.AdminDevices, new CreateDeviceRequest(DeviceKind.RatingTablet, "Máy đánh giá quầy 2", counter), Json);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var device = (await created.Content.ReadFromJsonAsync<CreatedDeviceDto>(Json))!;
        Assert.EndsWith($"{HubRoutes.RatingTabletPage}#key={Uri.EscapeDataString(device.Key)}", device.Pairing, StringComparison.Ordinal);
        using var tablet = App.Device(device.Key);
        Assert.Equal(2, (await tablet.GetFromJsonAsync<RatingTabletDto>(HubRoutes.RatingTablet, Json))!.CounterNumber);
    }

    [Fact]
    public async Task TheRatingTimeoutAndIndices_AreSiteSettings_WithinBounds()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await App.SignInAsync("quantri");
        var site = (await admin.GetFromJsonAsync<JsonElement>(HubRoutes.AdminSite, Json))!;
        var update = new Dictionary<string, object?>
        {
            ["name"] = site.GetProperty("name").GetString(),
            ["timeZone"] = site.GetProperty("timeZone").GetString(),
            ["kioskIdleSeconds"] = 60,
            ["ratingTimeoutSeconds"] = 5,
        };
        await AssertRefusedAsync(await admin.PutAsJsonAsync(HubRoutes.AdminSite, update, Json), HttpStatusCode.BadRequest, "site.rating_timeout_range", "ratingTimeoutSeconds");

        update["ratingTimeoutSeconds"] = 45;
        update["ratingIndicesEnabled"] = true;
        using (var saved = await admin.PutAsJsonAsync(HubRoutes.AdminSite, update, Json))
        {
            Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        }

        using var tablet = App.Device(App.AddDevice(DeviceKind.RatingTablet, "Máy đánh giá quầy 1", await App.CounterIdAsync(1)));
        var me = (await tablet.GetFromJsonAsync<RatingTabletDto>(HubRoutes.RatingTablet, Json))!;
        Assert.Equal((45, true), (me.TimeoutSeconds, me.IndicesEnabled));
    }

    private static string Rating(Guid ticketId) => HubRoutes.TicketRating.Replace("{ticketId:guid}", ticketId.ToString(), StringComparison.Ordinal);

    /// <summary>A ticket issued at the kiosk, called, started and finished by the officer of counter <paramref name="number"/>.</summary>
    private async Task<TicketDto> ServeAsync(int number)
    {
        using var kiosk = App!.Kiosk();
        var ticket = await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        var counter = await App.CounterIdAsync(number);
        using var officer = await App.SignInAsync($"canbo{number}", counter);
        // This very ticket, not the next in line: a test may leave others waiting.
        var called = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Call), new CallTicketRequest(ticket.Id));
        Assert.Equal(ticket.Id, called.Id);
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Start));
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Finish));
        return ticket;
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage answer, HttpStatusCode status, string code, string field)
    {
        using (answer)
        {
            var text = await answer.Content.ReadAsStringAsync();
            Assert.True(status == answer.StatusCode, $"{(int)answer.StatusCode}: {text}");
            var problem = JsonSerializer.Deserialize<JsonElement>(text);
            Assert.Equal(code, problem.GetProperty("code").GetString());
            Assert.Equal(field, problem.GetProperty("field").GetString());
            // Vietnamese by default, naming the field.
            Assert.Contains($"'{field}'", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Contains("Trường", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }
}

public sealed class SqliteRatingTabletTests(ITestOutputHelper output) : RatingTabletTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresRatingTabletTests(ITestOutputHelper output) : RatingTabletTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}
