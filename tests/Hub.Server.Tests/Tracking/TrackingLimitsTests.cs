using System.Net;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Tracking;

/// <summary>The public tracking routes are rate limited per client address (Tracking:RequestsPerMinute).</summary>
public abstract class TrackingRateLimitTests(ITestOutputHelper output) : HubAppTest(output)
{
    protected override HubApp CreateApp(TestDatabase database) => new(database, settings: new Dictionary<string, string?>
    {
        ["Tracking:PublicBaseUrl"] = "https://motcua.example.gov.vn",
        ["Tracking:RequestsPerMinute"] = "5",
    });

    [Fact]
    public async Task ThePublicRoutes_Answer429_OnceTheAddressUsedItsRequests()
    {
        if (App is null)
        {
            return;
        }

        using var kiosk = App.Kiosk();
        var ticket = await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        var token = ticket.TrackingUrl!.Split("/t/")[1];
        using var phone = App.CreateClient();
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 7; i++)
        {
            // Guesses and real look-ups count alike: an attacker cannot try tokens faster.
            var url = i % 2 == 0 ? HubRoutes.TrackedTicket(token) : HubRoutes.TrackPage("AAAAAAAAAAAAAAAAAAAAAA");
            using var answer = await phone.GetAsync(url);
            answers.Add(answer.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK, HttpStatusCode.NotFound, HttpStatusCode.OK], answers.Take(5));
        Assert.All(answers.Skip(5), a => Assert.Equal(HttpStatusCode.TooManyRequests, a));
        using var hall = await phone.GetAsync(HubRoutes.PublicHall);
        Assert.Equal(HttpStatusCode.TooManyRequests, hall.StatusCode);

        // Staff routes are not touched by it.
        using var display = App.Display();
        Assert.Equal(HttpStatusCode.OK, (await display.GetAsync(HubRoutes.OwnSnapshot)).StatusCode);
    }
}

public sealed class SqliteTrackingRateLimitTests(ITestOutputHelper output) : TrackingRateLimitTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresTrackingRateLimitTests(ITestOutputHelper output) : TrackingRateLimitTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}

/// <summary>A bad public address stops start-up with a message naming the key.</summary>
public sealed class TrackingSettingsTests
{
    [Theory]
    [InlineData("motcua.example.gov.vn")]
    [InlineData("ftp://motcua.example.gov.vn")]
    [InlineData("https://motcua.example.gov.vn/?so=1")]
    public async Task BadPublicBaseUrl_StopsStartUp_NamingTheKey(string value)
    {
        await using var database = new SqliteTestDatabase();
        await using var app = new HubApp(database, settings: new Dictionary<string, string?> { ["Tracking:PublicBaseUrl"] = value });
        var failure = Assert.ThrowsAny<Exception>(() => app.CreateClient());
        Assert.Contains("Tracking:PublicBaseUrl", failure.ToString(), StringComparison.Ordinal);
    }
}
