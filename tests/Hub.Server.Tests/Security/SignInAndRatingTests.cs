using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Security;

/// <summary>Sign-in limits (issue 15, item 3) and who may rate what (item 6), on SQLite and PostgreSQL.</summary>
public abstract class SignInAndRatingTests(ITestOutputHelper output) : HubAppTest(output)
{
    [Fact]
    public async Task FortyParallelWrongPasswords_GetExactlyFiveTries_ThenTheAccountAnswersLocked()
    {
        if (App is null)
        {
            return;
        }

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(async _ =>
        {
            using var client = App.CreateClient();
            using var answer = await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("giamsat", "wrong-password"));
            return answer.StatusCode;
        }));

        Assert.Equal(5, answers.Count(s => s == HttpStatusCode.Unauthorized));
        Assert.Equal(35, answers.Count(s => s == (HttpStatusCode)423));
    }

    [Fact]
    public async Task AnUnknownUserName_AnswersExactlyLikeAWrongPassword_AndCostsAPasswordHash()
    {
        if (App is null)
        {
            return;
        }

        var hasher = new CountingHasher();
        using var app = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<Officer>>(hasher)));
        using var client = app.CreateClient();
        var known = new List<(HttpStatusCode, string?)>();
        var unknown = new List<(HttpStatusCode, string?)>();
        for (var i = 0; i < 6; i++)
        {
            known.Add(await AnswerAsync(client, "giamsat"));
            unknown.Add(await AnswerAsync(client, "khong-co-ai"));
        }

        Assert.Equal(known, unknown);
        Assert.Equal([.. Enumerable.Repeat((HttpStatusCode.Unauthorized, (string?)"auth.bad_credentials"), 5), ((HttpStatusCode)423, "auth.locked")], known);
        // Five wrong passwords for each name, each one hashed: the unknown name cost the same work.
        Assert.Equal(10, hasher.Verifications);
    }

    [Fact]
    public async Task OneAddress_FailingOnManyNames_IsRefused_EvenForARightPassword_AndSigningInLiftsNothing()
    {
        if (App is null)
        {
            return;
        }

        using var officer = await App.SignInAsync("canbo1", await App.CounterIdAsync(1));
        for (var i = 0; i < 20; i++)
        {
            using var wrong = await officer.PostAsJsonAsync(HubRoutes.Login, new LoginRequest($"ten-{i}", "wrong-password"));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        using var kiosk = App.Kiosk();
        using var refused = await kiosk.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("quantri", HubApp.Password));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("auth.too_many_attempts", problem.GetProperty("code").GetString());
        Assert.Contains("Quá nhiều lần đăng nhập sai", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);

        App.Time.Advance(TimeSpan.FromMinutes(16));
        using var later = await kiosk.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("quantri", HubApp.Password));
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
    }

    [Fact]
    public async Task OnlyARatingTablet_RatesAServedTicket_OnceOnly()
    {
        if (App is null)
        {
            return;
        }

        var counter = await App.CounterIdAsync(1);
        var tablet = App.Device(App.AddDevice(DeviceKind.RatingTablet, "Máy đánh giá quầy 1", counter));
        using var kiosk = App.Kiosk();
        var ticket = await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        var rating = $"{HubRoutes.Ticket(ticket.Id)}/rating";

        // Not finished yet: the citizen has not been served.
        await AssertRefusedAsync(await tablet.PostAsJsonAsync(rating, new RatingRequest(4, null)), HttpStatusCode.Conflict, "rating.not_finished");

        using var officer = await App.SignInAsync("canbo1", counter);
        Assert.Equal(ticket.Id, (await officer.CallNextAsync(counter))!.Id);
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Start));
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Finish));

        using var display = App.Display();
        using var supervisor = await App.SupervisorAsync();
        foreach (var notACitizen in new[] { kiosk, display, officer, supervisor })
        {
            await AssertRefusedAsync(await notACitizen.PostAsJsonAsync(rating, new RatingRequest(4, null)), HttpStatusCode.Forbidden, "rating.channel_only");
        }

        var rated = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
        {
            using var answer = await tablet.PostAsJsonAsync(rating, new RatingRequest(1 + i, "Phục vụ tốt"));
            return answer.StatusCode;
        }));
        Assert.Equal(1, rated.Count(s => s == HttpStatusCode.NoContent));
        Assert.Equal(3, rated.Count(s => s == HttpStatusCode.Conflict));
        Assert.Single(App.Db(db => db.Ratings.Where(r => r.TicketId == ticket.Id).ToList()));
        tablet.Dispose();
    }

    private static async Task<(HttpStatusCode, string?)> AnswerAsync(HttpClient client, string userName)
    {
        using var answer = await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest(userName, "wrong-password"));
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        return (answer.StatusCode, problem.GetProperty("code").GetString());
    }

    private static async Task AssertRefusedAsync(HttpResponseMessage answer, HttpStatusCode status, string code)
    {
        using (answer)
        {
            Assert.Equal(status, answer.StatusCode);
            var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }
    }

    /// <summary>The real hasher, counting how often a password is checked.</summary>
    private sealed class CountingHasher : IPasswordHasher<Officer>
    {
        private readonly PasswordHasher<Officer> _inner = new();
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public string HashPassword(Officer user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(Officer user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _verifications);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}

public sealed class SqliteSignInAndRatingTests(ITestOutputHelper output) : SignInAndRatingTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresSignInAndRatingTests(ITestOutputHelper output) : SignInAndRatingTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}
