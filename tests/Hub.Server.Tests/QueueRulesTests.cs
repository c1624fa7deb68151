using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Services;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests;

/// <summary>The queue rules through the HTTP API, on a real SQLite file.</summary>
public sealed class QueueRulesTests : SqliteHubAppTest
{
    [Fact]
    public async Task Issue_NumbersFollowPrefixAndDigits_AndReportPeopleAhead()
    {
        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        var first = await App.IssueAsync(kiosk, a);
        var second = await App.IssueAsync(kiosk, a);

        Assert.Equal("A001", first.Number);
        Assert.Equal("A002", second.Number);
        Assert.Equal(0, first.PeopleAhead);
        Assert.Equal(1, second.PeopleAhead);
        Assert.True(second.EstimatedWaitMinutes > 0);
        Assert.Equal(TicketChannel.Kiosk, second.Channel);
        Assert.Equal(new DateOnly(2026, 11, 23), second.LocalDay);
    }

    [Fact]
    public async Task Issue_PriorityTicket_PeopleAheadCountsOnlyWhomTheRulesCallFirst()
    {
        // Issue 10 item 9: an elderly citizen's ticket said 1 ahead and was called first.
        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        var ordinary = await App.IssueAsync(kiosk, a);
        App.Time.Advance(TimeSpan.FromSeconds(10));
        var elderly = await App.IssueAsync(kiosk, a, PriorityCategory.Elderly);

        Assert.Equal(0, elderly.PeopleAhead);
        Assert.Equal(0, elderly.EstimatedWaitMinutes);
        var waiting = (await App.SnapshotAsync()).Waiting.ToDictionary(t => t.Number);
        Assert.Equal(0, waiting[elderly.Number].PeopleAhead);
        Assert.Equal(1, waiting[ordinary.Number].PeopleAhead);
        Assert.True(waiting[ordinary.Number].EstimatedWaitMinutes > 0);

        using var officer = await App.SignInAsync("canbo1", await App.CounterIdAsync(1));
        var first = await officer.CallNextAsync(await App.CounterIdAsync(1));
        Assert.Equal(elderly.Number, first!.Number);
    }

    [Fact]
    public async Task Issue_ForProcedure_UsesTheProcedureService()
    {
        using var kiosk = App.Kiosk();
        var procedures = await kiosk.GetFromJsonAsync<List<ProcedureDto>>(HubRoutes.Procedures);
        var certification = procedures!.Single(p => p.Code == "2.000815");

        var ticket = await kiosk.PostOkAsync<TicketDto>(HubRoutes.Tickets, new IssueTicketRequest(ProcedureId: certification.Id));

        Assert.Equal("B", ticket.ServiceCode);
        Assert.Equal("B001", ticket.Number);
        Assert.Equal(certification.Name, ticket.ProcedureName);
    }

    [Fact]
    public async Task CallNext_PriorityFirst_ThenCounterServiceOrder_ThenOldest()
    {
        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        var b = await App.ServiceIdAsync("B");
        // Counter 2 serves A first, then B.
        var counter2 = await App.CounterIdAsync(2);
        var b1 = await App.IssueAsync(kiosk, b);
        var a1 = await App.IssueAsync(kiosk, a);
        var a2 = await App.IssueAsync(kiosk, a);
        var bPriority = await App.IssueAsync(kiosk, b, PriorityCategory.Elderly);
        using var officer = await App.SignInAsync("canbo2", counter2);

        var order = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            App.Time.Advance(TimeSpan.FromSeconds(30));
            if (await officer.CallNextAsync(counter2) is { } t)
            {
                order.Add(t.Number);
            }
        }

        Assert.Equal([bPriority.Number, a1.Number, a2.Number, b1.Number], order);
    }

    [Fact]
    public async Task CallNext_WeightedServices_WaitingTimeTimesWeightDecides()
    {
        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        var b = await App.ServiceIdAsync("B");
        using var supervisor = await App.SupervisorAsync();
        var counter = await supervisor.PostOkAsync<CounterDto>(HubRoutes.Admin + "/counters",
            new CreateCounterRequest(40, "Quầy trộn A/B", [a, b], Weights: [1, 3]));
        var oldA = await App.IssueAsync(kiosk, a);
        App.Time.Advance(TimeSpan.FromSeconds(60));
        var youngB = await App.IssueAsync(kiosk, b);
        App.Time.Advance(TimeSpan.FromSeconds(60));

        // A waited 120 s x 1, B 60 s x 3: B first; then A.
        Assert.Equal(youngB.Number, (await supervisor.CallNextAsync(counter.Id))!.Number);
        Assert.Equal(oldA.Number, (await supervisor.CallNextAsync(counter.Id))!.Number);

        var bad = await supervisor.PostAsJsonAsync(HubRoutes.Admin + "/counters", new CreateCounterRequest(41, "Sai", [a, b], Weights: [1]));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("weights", await bad.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallNext_TicketWaitingPastTheServiceBound_JumpsAhead()
    {
        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        var b = await App.ServiceIdAsync("B");
        var counter2 = await App.CounterIdAsync(2);
        // Service B's bound in the demo data is 25 minutes; counter 2 prefers A.
        var oldB = await App.IssueAsync(kiosk, b);
        App.Time.Advance(TimeSpan.FromMinutes(20));
        var a1 = await App.IssueAsync(kiosk, a);
        using var officer = await App.SignInAsync("canbo2", counter2);

        var beforeBound = await officer.CallNextAsync(counter2);
        Assert.Equal(a1.Number, beforeBound!.Number);

        var a2 = await App.IssueAsync(kiosk, a);
        App.Time.Advance(TimeSpan.FromMinutes(6));
        var afterBound = await officer.CallNextAsync(counter2);
        Assert.Equal(oldB.Number, afterBound!.Number);
        Assert.Equal(a2.Number, (await officer.CallNextAsync(counter2))!.Number);
    }

    [Fact]
    public async Task Transfer_ToAnotherService_KeepsNumberAndIssueTime_AndIsCalledThere()
    {
        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        var c = await App.ServiceIdAsync("C");
        var counter1 = await App.CounterIdAsync(1);
        var counter4 = await App.CounterIdAsync(4);
        var issued = await App.IssueAsync(kiosk, a);
        using var supervisor = await App.SupervisorAsync();
        await supervisor.CallNextAsync(counter1);

        App.Time.Advance(TimeSpan.FromMinutes(3));
        var moved = await supervisor.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter1, CounterActions.Transfer), new TransferTicketRequest(ServiceId: c, Reason: "hồ sơ đất đai"));
        Assert.Equal(TicketStatus.Waiting, moved.Status);
        Assert.Equal("C", moved.ServiceCode);

        var calledAt4 = await supervisor.CallNextAsync(counter4);
        Assert.Equal(issued.Id, calledAt4!.Id);
        Assert.Equal(issued.Number, calledAt4.Number);
        Assert.Equal(issued.IssuedAt, calledAt4.IssuedAt);
        Assert.Equal(4, calledAt4.CounterNumber);
        Assert.Null(await supervisor.CallNextAsync(counter1));
    }

    [Fact]
    public async Task Transfer_ToACounter_OnlyThatCounterCallsIt()
    {
        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        var counter1 = await App.CounterIdAsync(1);
        var counter2 = await App.CounterIdAsync(2);
        var counter3 = await App.CounterIdAsync(3);
        var issued = await App.IssueAsync(kiosk, a);
        using var supervisor = await App.SupervisorAsync();
        await supervisor.CallNextAsync(counter1);
        var moved = await supervisor.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter1, CounterActions.Transfer), new TransferTicketRequest(CounterId: counter3));

        // Consoles list a waiting ticket only at the counter it was sent to.
        Assert.Equal(counter3, moved.TargetCounterId);
        Assert.Equal(counter3, (await App.SnapshotAsync()).Waiting.Single(t => t.Id == issued.Id).TargetCounterId);
        Assert.Null(await supervisor.CallNextAsync(counter2));
        var atCounter3 = await supervisor.CallNextAsync(counter3);
        Assert.Equal(issued.Number, atCounter3!.Number);
    }

    [Fact]
    public async Task NoShow_EndsTheTicket_AndFreesTheCounter()
    {
        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        var counter1 = await App.CounterIdAsync(1);
        var first = await App.IssueAsync(kiosk, a);
        var second = await App.IssueAsync(kiosk, a);
        using var officer = await App.SignInAsync("canbo1", counter1);
        await officer.CallNextAsync(counter1);
        var recalled = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter1, CounterActions.Recall));
        Assert.Equal(1, recalled.RecallCount);

        var noShow = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter1, CounterActions.NoShow));
        Assert.Equal(TicketStatus.NoShow, noShow.Status);
        Assert.Equal(first.Id, noShow.Id);
        var again = await officer.PostAsync(HubRoutes.CounterAction(counter1, CounterActions.NoShow), null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);

        var next = await officer.CallNextAsync(counter1);
        Assert.Equal(second.Id, next!.Id);
        var started = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter1, CounterActions.Start));
        Assert.Equal(TicketStatus.Serving, started.Status);
        var finished = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter1, CounterActions.Finish));
        Assert.Equal(TicketStatus.Served, finished.Status);
        var kinds = App.Db(db => db.TicketEvents.OrderBy(e => e.Sequence).Select(e => e.Kind).ToList());
        Assert.Contains(TicketEventKind.NoShow, kinds);
        Assert.Contains(TicketEventKind.Recalled, kinds);
    }

    [Fact]
    public async Task PausedCounter_CannotCall_UntilResumed()
    {
        using var kiosk = App.Kiosk();
        await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        var counter1 = await App.CounterIdAsync(1);
        using var officer = await App.SignInAsync("canbo1", counter1);
        var paused = await officer.PostOkAsync<CounterDto>(HubRoutes.CounterAction(counter1, CounterActions.Pause), new PauseCounterRequest("Nghỉ giữa giờ"));
        Assert.Equal(CounterState.Paused, paused.State);
        Assert.Equal("Nghỉ giữa giờ", paused.PauseReason);

        var refused = await officer.PostAsync(HubRoutes.CounterAction(counter1, CounterActions.CallNext), null);
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);

        await officer.PostOkAsync<CounterDto>(HubRoutes.CounterAction(counter1, CounterActions.Resume));
        Assert.NotNull(await officer.CallNextAsync(counter1));
    }

    [Fact]
    public async Task Cancel_WaitingTicket_IsNeverCalled()
    {
        using var kiosk = App.Kiosk();
        var ticket = await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        using var supervisor = await App.SupervisorAsync();
        var cancelled = await supervisor.PostOkAsync<TicketDto>($"{HubRoutes.Ticket(ticket.Id)}/cancel", new CancelTicketRequest("khách về"));
        Assert.Equal(TicketStatus.Cancelled, cancelled.Status);
        Assert.Null(await supervisor.CallNextAsync(await App.CounterIdAsync(1)));
    }

    [Fact]
    public async Task Numbers_ResetAtLocalMidnight_AndYesterdaysWaitingTicketsExpire()
    {
        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        App.Time.Set(FakeTimeProvider.Vietnam(2026, 11, 23, 23, 58));
        await App.IssueAsync(kiosk, a);
        var lateEvening = await App.IssueAsync(kiosk, a);
        Assert.Equal("A002", lateEvening.Number);
        Assert.Equal(new DateOnly(2026, 11, 23), lateEvening.LocalDay);

        // 00:01 in Vietnam is still 17:01 of the previous day in UTC: the day follows the site's zone.
        App.Time.Set(FakeTimeProvider.Vietnam(2026, 11, 24, 0, 1));
        var afterMidnight = await App.IssueAsync(kiosk, a);
        Assert.Equal("A001", afterMidnight.Number);
        Assert.Equal(new DateOnly(2026, 11, 24), afterMidnight.LocalDay);

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var expired = await scope.ServiceProvider.GetRequiredService<QueueEngine>().ExpireWaitingAsync(App.SiteId, default);
            Assert.Equal(2, expired);
        }

        var snapshot = await App.SnapshotAsync();
        Assert.Equal([afterMidnight.Id], snapshot.Waiting.Select(t => t.Id));
    }

    [Fact]
    public async Task Snapshot_CarriesTheLastSequence_OfAllEvents()
    {
        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        await App.IssueAsync(kiosk, a);
        await App.IssueAsync(kiosk, a);
        using var supervisor = await App.SupervisorAsync();
        await supervisor.CallNextAsync(await App.CounterIdAsync(1));

        var snapshot = await App.SnapshotAsync();
        var sequences = App.Db(db => db.TicketEvents.Where(e => e.SiteId == App.SiteId).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToList());
        Assert.Equal(Enumerable.Range(1, 3).Select(i => (long)i), sequences);
        Assert.Equal(3, snapshot.LastSequence);
        Assert.Single(snapshot.Waiting);
        Assert.Single(snapshot.Active);
        Assert.Single(snapshot.RecentCalls);
    }

    [Fact]
    public async Task MigratedSchema_HoldsEveryEntityOfTheModel()
    {
        await App.SnapshotAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubServer.Data.HubDbContext>();
        // Reading each set selects every mapped column: a column missing from the migrations fails here.
        Assert.NotEmpty(await db.Sites.ToListAsync());
        Assert.NotEmpty(await db.Fields.ToListAsync());
        Assert.True(await db.Procedures.CountAsync() >= 25);
        Assert.Equal(5, await db.Services.CountAsync());
        Assert.Equal(6, await db.Counters.Include(c => c.Services).CountAsync());
        Assert.NotEmpty(await db.CounterServices.ToListAsync());
        Assert.Equal(8, await db.Officers.CountAsync());
        Assert.Equal(2, await db.Devices.CountAsync());
        Assert.Equal(7, (await db.Dossiers.ToListAsync()).Select(d => d.State).Distinct().Count());
        Assert.Empty(await db.Tickets.ToListAsync());
        Assert.Empty(await db.TicketEvents.ToListAsync());
        Assert.Empty(await db.Ratings.ToListAsync());
    }
}
