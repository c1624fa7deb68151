using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests;

/// <summary>Opening hours enforced (the demo site: Mon-Fri 07:30-11:30, 13:00-17:00; Sat 07:30-11:30).</summary>
public sealed class OpeningHoursTests : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();
    private HubApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new HubApp(_database, ignoreOpeningHours: false);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Issue_OutsideOpeningHours_IsRefused_SayingWhenTheOfficeOpens()
    {
        using var kiosk = _app.Kiosk();
        var a = await _app.ServiceIdAsync("A");
        // Saturday 12:00: closed until Monday 07:30.
        _app.Time.Set(FakeTimeProvider.Vietnam(2026, 11, 28, 12, 0));

        var response = await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(a));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("site.closed", problem.GetProperty("code").GetString());
        Assert.Equal("07:30 30/11/2026", problem.GetProperty("opensAtLocal").GetString());
        Assert.Contains("07:30 30/11/2026", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(FakeTimeProvider.Vietnam(2026, 11, 30, 7, 30), problem.GetProperty("opensAt").GetDateTimeOffset());
    }

    [Fact]
    public async Task AtClosingTime_WaitingTicketsExpire_ButServedOnesStay()
    {
        using var kiosk = _app.Kiosk();
        var a = await _app.ServiceIdAsync("A");
        _app.Time.Set(FakeTimeProvider.Vietnam(2026, 11, 23, 16, 50));
        var served = await _app.IssueAsync(kiosk, a);
        var waiting = await _app.IssueAsync(kiosk, a);
        using var officer = await _app.SupervisorAsync();
        await officer.CallNextAsync(await _app.CounterIdAsync(1));
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(await _app.CounterIdAsync(1), CounterActions.Finish));
        var closing = _app.Services.GetRequiredService<ClosingService>();

        _app.Time.Set(FakeTimeProvider.Vietnam(2026, 11, 23, 16, 59));
        await closing.RunOnceAsync(default);
        Assert.Single((await _app.SnapshotAsync()).Waiting);

        _app.Time.Set(FakeTimeProvider.Vietnam(2026, 11, 23, 17, 0, 30));
        await closing.RunOnceAsync(default);

        using var display = _app.Display();
        var expired = await display.GetFromJsonAsync<TicketDto>(HubRoutes.Ticket(waiting.Id));
        var stillServed = await display.GetFromJsonAsync<TicketDto>(HubRoutes.Ticket(served.Id));
        Assert.Equal(TicketStatus.Expired, expired!.Status);
        Assert.Equal(TicketStatus.Served, stillServed!.Status);
        Assert.Empty((await _app.SnapshotAsync()).Waiting);
    }
}
