using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Tracking;

/// <summary>
/// The citizen's tracking page and the hall page (docs/ticket-tracking.md): the link printed in
/// the QR code, what a phone may see with it (its ticket and counts only), unknown and other days'
/// tokens, live updates, and the rate limit. On SQLite and PostgreSQL.
/// </summary>
public abstract class TicketTrackingTests(ITestOutputHelper output) : HubAppTest(output)
{
    private const string PublicBase = "https://motcua.example.gov.vn/";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    protected override HubApp CreateApp(TestDatabase database) => new(database, settings: new Dictionary<string, string?>
    {
        ["Tracking:PublicBaseUrl"] = PublicBase,
        ["Tracking:RequestsPerMinute"] = "10000",
    });

    private static string TokenOf(TicketDto ticket) => ticket.TrackingUrl!.Split("/t/")[1];

    private async Task<(TicketDto Ticket, string Token)> IssueAsync(string service = "A")
    {
        using var kiosk = App!.Kiosk();
        var ticket = await App.IssueAsync(kiosk, await App.ServiceIdAsync(service));
        return (ticket, TokenOf(ticket));
    }

    [Fact]
    public async Task IssuedTicket_CarriesALinkWithARandomToken_OnlyInTheIssuersAnswer()
    {
        if (App is null)
        {
            return;
        }

        var (ticket, token) = await IssueAsync();
        Assert.StartsWith("https://motcua.example.gov.vn/t/", ticket.TrackingUrl, StringComparison.Ordinal);
        Assert.Equal(22, token.Length);
        Assert.DoesNotContain(ticket.Number, token, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(ticket.Id.ToString("N")[..8], token, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(token, App.Db(db => db.Tickets.Single(t => t.Id == ticket.Id).TrackingToken));
        var (other, otherToken) = await IssueAsync();
        Assert.NotEqual(token, otherToken);

        // The displays and consoles see the ticket, never its link.
        var snapshot = await App.SnapshotAsync();
        Assert.All(snapshot.Waiting, t => Assert.Null(t.TrackingUrl));
        using var display = App.Display();
        var read = await display.GetFromJsonAsync<TicketDto>(HubRoutes.Ticket(other.Id));
        Assert.Null(read!.TrackingUrl);
    }

    [Fact]
    public async Task TrackingPage_ShowsItsTicket_AndTheApiTellsNothingOfOthers()
    {
        if (App is null)
        {
            return;
        }

        var (first, _) = await IssueAsync();
        var (second, token) = await IssueAsync();
        using var phone = App.CreateClient();

        var page = await phone.GetAsync(HubRoutes.TrackPage(token));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType!.MediaType);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(second.Number, html, StringComparison.Ordinal);
        Assert.Contains("/public/track.js", html, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Number, html, StringComparison.Ordinal);

        var raw = await phone.GetStringAsync(HubRoutes.TrackedTicket(token));
        var view = JsonSerializer.Deserialize<TrackedTicketDto>(raw, Json)!;
        Assert.Equal(second.Number, view.Number);
        Assert.Equal(TicketStatus.Waiting, view.Status);
        Assert.Equal(1, view.PeopleAhead);
        Assert.False(view.Expired);
        // Only this ticket: no other number, no id, no token.
        Assert.DoesNotContain(first.Number, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(second.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token, raw, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownOrGuessedTokens_GetTheFriendlyPage_AndNoTicket()
    {
        if (App is null)
        {
            return;
        }

        var (ticket, token) = await IssueAsync();
        using var phone = App.CreateClient();
        // A random token, the number, the id, a token one character off, and something that is not a token.
        var changed = (token[0] == 'A' ? 'B' : 'A') + token[1..];
        string[] guesses = ["AAAAAAAAAAAAAAAAAAAAAA", ticket.Number, ticket.Id.ToString(), ticket.Id.ToString("N"), changed, "..%2F..", "x"];
        foreach (var guess in guesses)
        {
            var page = await phone.GetAsync(HubRoutes.TrackPage(guess));
            Assert.Equal(HttpStatusCode.NotFound, page.StatusCode);
            var html = await page.Content.ReadAsStringAsync();
            Assert.Contains("Không tìm thấy số thứ tự", html, StringComparison.Ordinal);
            Assert.DoesNotContain(ticket.Number, html, StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(HubRoutes.TrackedTicket(guess))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await phone.GetAsync(HubRoutes.TrackedTicketEvents(guess))).StatusCode);
        }
    }

    [Fact]
    public async Task ATicketOfAnEarlierDay_SaysTrackingEnded_AndTellsNothingElse()
    {
        if (App is null)
        {
            return;
        }

        var (ticket, token) = await IssueAsync();
        App.Time.Advance(TimeSpan.FromDays(1));
        using var phone = App.CreateClient();
        var page = await phone.GetAsync(HubRoutes.TrackPage(token));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Số thứ tự này của ngày 23/11/2026", html, StringComparison.Ordinal);
        Assert.Contains("chỉ dùng được trong ngày lấy số", html, StringComparison.Ordinal);
        Assert.DoesNotContain("track.js", html, StringComparison.Ordinal);

        var view = await phone.GetFromJsonAsync<TrackedTicketDto>(HubRoutes.TrackedTicket(token));
        Assert.True(view!.Expired);
        Assert.True(view.IsFinal);
        Assert.Equal(ticket.Number, view.Number);
        Assert.Equal(0, view.PeopleAhead);
        Assert.Null(view.CounterNumber);
    }

    [Fact]
    public async Task TheStream_SendsThePositionFallingAndTheCall()
    {
        if (App is null)
        {
            return;
        }

        var counter = await App.CounterIdAsync(1);
        var serviceCode = (await App.SnapshotAsync()).Counters.Single(c => c.Number == 1).Services.OrderBy(s => s.Order).First().ServiceCode;
        var (_, _) = await IssueAsync(serviceCode);
        var (mine, token) = await IssueAsync(serviceCode);
        using var officer = await App.SignInAsync("canbo1", counter);
        using var phone = App.CreateClient();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var response = await phone.GetAsync(HubRoutes.TrackedTicketEvents(token), HttpCompletionOption.ResponseHeadersRead, stop.Token);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));

        var waiting = await NextViewAsync(reader, stop.Token);
        Assert.Equal(TicketStatus.Waiting, waiting.Status);
        Assert.Equal(1, waiting.PeopleAhead);

        await officer.CallNextAsync(counter);
        var ahead0 = await NextViewAsync(reader, stop.Token);
        Assert.Equal(TicketStatus.Waiting, ahead0.Status);
        Assert.Equal(0, ahead0.PeopleAhead);

        var called = await officer.CallNextAsync(counter);
        Assert.Equal(mine.Id, called!.Id);
        var view = await NextViewAsync(reader, stop.Token);
        Assert.Equal(TicketStatus.Called, view.Status);
        Assert.Equal(1, view.CounterNumber);
        Assert.Equal(mine.Number, view.Number);
    }

    [Fact]
    public async Task HallApi_ShowsCallsAndWaitingCounts_WithoutTokens()
    {
        if (App is null)
        {
            return;
        }

        var counter = await App.CounterIdAsync(1);
        var serviceCode = (await App.SnapshotAsync()).Counters.Single(c => c.Number == 1).Services.OrderBy(s => s.Order).First().ServiceCode;
        var (first, token) = await IssueAsync(serviceCode);
        await IssueAsync(serviceCode);
        using var officer = await App.SignInAsync("canbo1", counter);
        await officer.CallNextAsync(counter);
        using var phone = App.CreateClient();

        // The hall is refreshed in the background after each change: wait (bounded) until it has the call.
        var raw = "";
        PublicHallDto hall = null!;
        for (var i = 0; i < 100 && (hall is null || hall.Calls.Count == 0); i++)
        {
            await Task.Delay(i == 0 ? 0 : 100);
            raw = await phone.GetStringAsync(HubRoutes.PublicHall);
            hall = JsonSerializer.Deserialize<PublicHallDto>(raw, Json)!;
        }

        var call = Assert.Single(hall.Calls);
        Assert.Equal(first.Number, call.Number);
        Assert.Equal(1, call.CounterNumber);
        Assert.Equal(1, hall.Waiting.Single(w => w.ServiceCode == serviceCode).Waiting);
        Assert.DoesNotContain(token, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(first.Id.ToString(), raw, StringComparison.OrdinalIgnoreCase);

        var page = await phone.GetStringAsync(HubRoutes.HallPage);
        Assert.Contains("/public/hall.js", page, StringComparison.Ordinal);
    }

    private static async Task<TrackedTicketDto> NextViewAsync(StreamReader reader, CancellationToken ct)
    {
        while (await reader.ReadLineAsync(ct) is { } line)
        {
            if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return JsonSerializer.Deserialize<TrackedTicketDto>(line["data: ".Length..], Json)!;
            }
        }

        throw new InvalidOperationException("the stream ended");
    }
}

public sealed class SqliteTicketTrackingTests(ITestOutputHelper output) : TicketTrackingTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresTicketTrackingTests(ITestOutputHelper output) : TicketTrackingTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}
