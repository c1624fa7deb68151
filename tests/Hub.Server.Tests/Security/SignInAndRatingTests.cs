using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Supervision;
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
    public async Task AGuessedAccount_WaitsLongerAfterEachFailure_OnlyAtTheGuessingAddress_AlertsTheSupervisors_AndAnAdminUnlockLiftsIt()
    {
        if (App is null)
        {
            return;
        }

        using var app = App.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IStartupFilter, AddressFromHeader>()));
        using var attacker = ClientAt(app, "10.0.0.66");
        for (var i = 0; i < 5; i++)
        {
            await AssertRefusedAsync(await attacker.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("canbo1", "wrong-password")), HttpStatusCode.Unauthorized, "auth.bad_credentials");
        }

        await AssertRefusedAsync(await attacker.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("canbo1", HubApp.Password)), (HttpStatusCode)423, "auth.locked");

        // Not a denial of service: the officer at their own computer still signs in.
        using var officerPc = ClientAt(app, "10.0.0.7");
        using (var signedIn = await officerPc.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("canbo1", HubApp.Password, await App.CounterIdAsync(1))))
        {
            Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        }

        // The supervisors were told, once, naming the account.
        var alerts = App.Db(db => db.Set<Alert>().Where(a => a.Kind == AlertKind.SignInAttack).ToList());
        var alert = Assert.Single(alerts);
        Assert.Equal("signin:canbo1", alert.SubjectKey);
        Assert.Contains("canbo1", alert.Message, StringComparison.Ordinal);

        // The guessing address waits 1 minute, then 2 after its next failure (the hub's clock, not the wall's).
        App.Time.Advance(TimeSpan.FromSeconds(61));
        await AssertRefusedAsync(await attacker.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("canbo1", "wrong-again")), HttpStatusCode.Unauthorized, "auth.bad_credentials");
        await AssertRefusedAsync(await attacker.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("canbo1", "wrong-again")), (HttpStatusCode)423, "auth.locked");
        App.Time.Advance(TimeSpan.FromSeconds(61));
        await AssertRefusedAsync(await attacker.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("canbo1", "wrong-again")), (HttpStatusCode)423, "auth.locked");
        App.Time.Advance(TimeSpan.FromSeconds(60));
        await AssertRefusedAsync(await attacker.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("canbo1", "wrong-again")), HttpStatusCode.Unauthorized, "auth.bad_credentials");
        await AssertRefusedAsync(await attacker.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("canbo1", HubApp.Password)), (HttpStatusCode)423, "auth.locked");

        // The admin's unlock (signed in through the same host as the attacker, so its cookie is
        // that host's, from an address of its own) lifts the waits at once, without the clock moving.
        using var admin = ClientAt(app, "10.0.0.2");
        (await admin.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("quantri", HubApp.Password))).EnsureSuccessStatusCode();
        var canbo1 = App.Db(db => db.Officers.Single(o => o.UserName == "canbo1")).Id;
        using (var unlocked = await admin.PostAsync(HubRoutes.WithId(HubRoutes.AdminStaffUnlock, canbo1), null))
        {
            Assert.True(unlocked.StatusCode == HttpStatusCode.OK, await unlocked.Content.ReadAsStringAsync());
        }

        // An officer names the counter when signing in (without it the answer is 400 auth.counter_required).
        using (var signedIn = await attacker.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("canbo1", HubApp.Password, await App.CounterIdAsync(1))))
        {
            Assert.True(signedIn.StatusCode == HttpStatusCode.OK, await signedIn.Content.ReadAsStringAsync());
        }

        // The unlock is audited like every admin change.
        Assert.Contains(App.Db(db => db.AdminChanges.Where(c => c.EntityId == canbo1.ToString()).Select(c => c.Action).ToList()), a => a == "unlock");
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

    private static HttpClient ClientAt(WebApplicationFactory<Program> app, string address)
    {
        var client = app.CreateClient();
        client.DefaultRequestHeaders.Add(AddressFromHeader.Header, address);
        return client;
    }

    /// <summary>The in-process server has no client address: this test-only filter takes it from a header, first in the pipeline.</summary>
    private sealed class AddressFromHeader : IStartupFilter
    {
        public const string Header = "X-Test-Client-Address";

        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[Header].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
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
