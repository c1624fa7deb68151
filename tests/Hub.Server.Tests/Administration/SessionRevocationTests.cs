using System.Net;
using System.Net.Http.Json;
using QueueKiosk.HubClient.Contracts;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Administration;

/// <summary>
/// Issue 15, item 4: a session ends when the account's security stamp changes (password reset, own
/// password change, role or counters change, sign-out): the old cookie stops working at once, even
/// replayed by hand.
/// </summary>
public abstract class SessionRevocationTests(ITestOutputHelper output) : StaffTestBase(output)
{
    [Fact]
    public async Task CookieReplayedAfterSignOut_IsRefused()
    {
        if (App is null)
        {
            return;
        }

        var counter1 = await App.CounterIdAsync(1);
        var cookie = await SignInRawAsync("canbo1", counter1);
        using var replay = Replaying(cookie);
        Assert.Equal(HttpStatusCode.OK, (await replay.GetAsync(HubRoutes.Relative(HubRoutes.Me))).StatusCode);

        using var logout = new HttpRequestMessage(HttpMethod.Post, HubRoutes.Relative(HubRoutes.Logout));
        Assert.Equal(HttpStatusCode.NoContent, (await replay.SendAsync(logout)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await replay.GetAsync(HubRoutes.Relative(HubRoutes.Me))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized,
            (await replay.PostAsync(HubRoutes.Relative(HubRoutes.CounterAction(counter1, CounterActions.CallNext)), null)).StatusCode);
    }

    [Fact]
    public async Task OfficerSigningInAtAnotherCounter_EndsTheSessionAtTheFirst()
    {
        if (App is null)
        {
            return;
        }

        var counter1 = await App.CounterIdAsync(1);
        var counter6 = await App.CounterIdAsync(6);
        using var first = await App.SignInAsync("canbo1", counter1);
        Assert.Equal(HttpStatusCode.NoContent, (await first.PostAsync(HubRoutes.CounterAction(counter1, CounterActions.CallNext), null)).StatusCode);

        using var second = await App.SignInAsync("canbo1", counter6);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.PostAsync(HubRoutes.CounterAction(counter1, CounterActions.CallNext), null)).StatusCode);
        Assert.Equal(6, (await second.GetFromJsonAsync<MeDto>(HubRoutes.Me))!.CounterNumber);
    }

    [Fact]
    public async Task PasswordResetByAnAdmin_EndsTheSession_AndTheNextSignInMustChangeIt()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var counter1 = await App.CounterIdAsync(1);
        using var officer = await App.SignInAsync("canbo1", counter1);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(HubRoutes.OwnSnapshot)).StatusCode);
        var canbo1 = (await admin.GetFromJsonAsync<List<StaffDto>>(HubRoutes.AdminStaff))!.Single(s => s.UserName == "canbo1");

        var reset = await PostAsync(admin, HubRoutes.WithId(HubRoutes.AdminStaffPassword, canbo1.Id), new ResetPasswordRequest(NewPassword));
        Assert.Equal(HttpStatusCode.OK, reset.Status);
        Assert.True(reset.Body.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.Unauthorized, (await officer.GetAsync(HubRoutes.OwnSnapshot)).StatusCode);

        var (again, status, body) = await TrySignInAsync("canbo1", NewPassword, counter1);
        using var _ = again;
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.True(body.GetProperty("mustChangePassword").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync(HubRoutes.OwnSnapshot)).StatusCode);

        var row = Assert.Single(await ChangesAsync(admin, "staff"), c => c.Action == "password");
        Assert.Contains("\"mustChangePassword\":true", row.After, StringComparison.Ordinal);
        Assert.DoesNotContain("hash", row.After, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OwnPasswordChange_EndsOtherSessions_ButKeepsThisOne()
    {
        if (App is null)
        {
            return;
        }

        using var here = await App.SupervisorAsync();
        using var elsewhere = await App.SupervisorAsync();
        var changed = await PostAsync(here, HubRoutes.OwnPassword, new ChangeOwnPasswordRequest(Infrastructure.HubApp.Password, "GiamSat2026"));
        Assert.Equal(HttpStatusCode.OK, changed.Status);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync(HubRoutes.OwnSnapshot)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await elsewhere.GetAsync(HubRoutes.OwnSnapshot)).StatusCode);
    }

    [Fact]
    public async Task RoleOrCounterChange_EndsTheSession_ANameChangeDoesNot()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var counter1 = await App.CounterIdAsync(1);
        var counter2 = await App.CounterIdAsync(2);
        var created = await CreateStaffAsync(admin, "canbo12", OfficerRole.Officer);
        using var session = await SignInChangedAsync("canbo12", counter1);
        var item = HubRoutes.WithId(HubRoutes.AdminStaffItem, created.Id);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(admin, HttpMethod.Put, item, new UpdateStaffRequest("canbo12", "Tên mới", OfficerRole.Officer))).Status);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync(HubRoutes.Me)).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(admin, HttpMethod.Put, item, new UpdateStaffRequest("canbo12", "Tên mới", OfficerRole.Officer, [counter2]))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await session.GetAsync(HubRoutes.Me)).StatusCode);
        // Its counters are now only counter 2: counter 1 is refused at sign-in.
        Assert.Equal(HttpStatusCode.Forbidden, (await TrySignInAsync("canbo12", NewPassword + "x", counter1)).Status);

        using var second = App.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await second.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("canbo12", NewPassword + "x", counter2))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(admin, HttpMethod.Put, item, new UpdateStaffRequest("canbo12", "Tên mới", OfficerRole.Supervisor, [counter2]))).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync(HubRoutes.Me)).StatusCode);
    }

    /// <summary>Signs in over plain HTTP and keeps the Set-Cookie value, to replay it by hand later.</summary>
    private async Task<string> SignInRawAsync(string user, Guid counterId)
    {
        using var client = Replaying(null);
        using var response = await client.PostAsJsonAsync(HubRoutes.Relative(HubRoutes.Login), new LoginRequest(user, Infrastructure.HubApp.Password, counterId));
        response.EnsureSuccessStatusCode();
        var setCookie = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("qk.auth=", StringComparison.Ordinal));
        return setCookie.Split(';')[0];
    }

    /// <summary>A client on the real Kestrel port that sends exactly the given cookie, never one it was given since.</summary>
    private HttpClient Replaying(string? cookie)
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false }) { BaseAddress = App!.ServerAddress };
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return client;
    }
}

public sealed class SqliteSessionRevocationTests(ITestOutputHelper output) : SessionRevocationTests(output)
{
    protected override bool Postgres => false;
}

public sealed class PostgresSessionRevocationTests(ITestOutputHelper output) : SessionRevocationTests(output)
{
    protected override bool Postgres => true;
}
