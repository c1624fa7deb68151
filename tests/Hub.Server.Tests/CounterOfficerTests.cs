using System.Net.Http.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests;

/// <summary>Signing in at a counter records the officer there, so the snapshot and dashboards show who works at which counter.</summary>
public sealed class CounterOfficerTests : SqliteHubAppTest
{
    [Fact]
    public async Task SignIn_AtCounter_ShowsOfficerName_UntilSignOutOrAnotherOfficer()
    {
        var counter1 = await App.CounterIdAsync(1);
        var counter2 = await App.CounterIdAsync(2);
        Assert.Null(await OfficerAtAsync(counter1));

        using var first = await App.SignInAsync("canbo1", counter1);
        Assert.Equal("Cán bộ quầy 1 (mẫu)", await OfficerAtAsync(counter1));

        // The same officer moves to counter 2: counter 1 is left empty.
        using var moved = await App.SignInAsync("canbo1", counter2);
        Assert.Null(await OfficerAtAsync(counter1));
        Assert.Equal("Cán bộ quầy 1 (mẫu)", await OfficerAtAsync(counter2));

        // Another officer takes counter 2 over (confirmed: a plain sign-in there is refused, see
        // OfficerConsoleActionsTests); the earlier officer's session ended, and signing out leaves counter 2 alone.
        using var second = App.CreateClient();
        (await second.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("canbo2", HubApp.Password, counter2, TakeOver: true))).EnsureSuccessStatusCode();
        Assert.Equal("Cán bộ quầy 2 (mẫu)", await OfficerAtAsync(counter2));
        await moved.PostAsync(HubRoutes.Logout, null);
        Assert.Equal("Cán bộ quầy 2 (mẫu)", await OfficerAtAsync(counter2));

        (await second.PostAsync(HubRoutes.Logout, null)).EnsureSuccessStatusCode();
        Assert.Null(await OfficerAtAsync(counter2));
    }

    private async Task<string?> OfficerAtAsync(Guid counterId)
    {
        using var supervisor = await App.SupervisorAsync();
        var snapshot = await supervisor.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.SiteSnapshot(App.SiteId));
        return snapshot!.Counters.Single(c => c.Id == counterId).OfficerName;
    }
}
