using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.OfficerConsole;

/// <summary>
/// The officer console's actions (issue 10 items 1-3) through the API on a real database: undo of
/// finish, no-show, cancel and transfer as queue actions with their own event, a late no-show put back, a
/// ticket issued at the counter, closing the counter, one officer per counter, signing out pauses.
/// </summary>
public abstract class OfficerConsoleActionsTests(ITestOutputHelper output) : HubAppTest(output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Finish_ThenUndo_IsServingAgainAtTheCounter_AndTheUndoIsAnEvent()
    {
        if (App is null)
        {
            return;
        }

        var (officer, counter, ticket) = await CalledTicketAsync();
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Start));
        var finished = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Finish));
        Assert.Equal(TicketStatus.Served, finished.Status);

        var undone = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Undo), new UndoTicketRequest(ticket.Id));
        Assert.Equal(TicketStatus.Serving, undone.Status);
        Assert.Null(undone.FinishedAt);
        var snapshot = await App.SnapshotAsync();
        Assert.Equal(ticket.Id, snapshot.Counters.Single(c => c.Id == counter).CurrentTicketId);
        Assert.Contains(snapshot.Active, t => t.Id == ticket.Id && t.Status == TicketStatus.Serving);

        var undoEvent = App.Db(db => db.TicketEvents.Single(e => e.TicketId == ticket.Id && e.Kind == TicketEventKind.Undone));
        Assert.Equal("Served", undoEvent.Detail);
        Assert.Equal(counter, undoEvent.CounterId);
        Assert.NotNull(undoEvent.OfficerId);

        // Finishing again after the undo works as before.
        var again = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Finish));
        Assert.Equal(TicketStatus.Served, again.Status);
    }

    [Fact]
    public async Task NoShow_ThenUndo_IsCalledAgain_AndCancel_ThenUndo_GoesBackWhereItWas()
    {
        if (App is null)
        {
            return;
        }

        var (officer, counter, ticket) = await CalledTicketAsync();
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.NoShow));
        var called = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Undo), new UndoTicketRequest(ticket.Id));
        Assert.Equal(TicketStatus.Called, called.Status);
        Assert.Equal(counter, called.CounterId);

        // Cancelling the called ticket and undoing it: called at the counter again.
        var cancelled = await officer.PostOkAsync<TicketDto>(HubRoutes.WithId(HubRoutes.TicketCancel, ticket.Id), new CancelTicketRequest("Nhầm số"));
        Assert.Equal(TicketStatus.Cancelled, cancelled.Status);
        Assert.Null((await App.SnapshotAsync()).Counters.Single(c => c.Id == counter).CurrentTicketId);
        var back = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Undo), new UndoTicketRequest(ticket.Id));
        Assert.Equal(TicketStatus.Called, back.Status);
        Assert.Equal(ticket.Id, (await App.SnapshotAsync()).Counters.Single(c => c.Id == counter).CurrentTicketId);

        // A waiting ticket cancelled from the list goes back to waiting.
        using var kiosk = App.Kiosk();
        var waiting = await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        await officer.PostOkAsync<TicketDto>(HubRoutes.WithId(HubRoutes.TicketCancel, waiting.Id), new CancelTicketRequest(null));
        var waitingAgain = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Undo), new UndoTicketRequest(waiting.Id));
        Assert.Equal(TicketStatus.Waiting, waitingAgain.Status);
        Assert.Contains((await App.SnapshotAsync()).Waiting, t => t.Id == waiting.Id);

        Assert.Equal(3, App.Db(db => db.TicketEvents.Count(e => e.Kind == TicketEventKind.Undone)));
    }

    [Fact]
    public async Task Transfer_ThenUndo_IsBackAtTheCounterAsItWas_ForItsOwnService_AndTheUndoIsAnEvent()
    {
        if (App is null)
        {
            return;
        }

        var (officer, counter, ticket) = await CalledTicketAsync();
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Start));
        var serviceB = await App.ServiceIdAsync("B");
        var transferred = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Transfer),
            new TransferTicketRequest(serviceB, null, "Sai dịch vụ"));
        Assert.Equal(TicketStatus.Waiting, transferred.Status);
        Assert.Null((await App.SnapshotAsync()).Counters.Single(c => c.Id == counter).CurrentTicketId);

        var undone = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Undo), new UndoTicketRequest(ticket.Id));

        // Being served again at this counter, for the service it had, its start time kept.
        Assert.Equal((TicketStatus.Serving, counter, ticket.ServiceId), (undone.Status, undone.CounterId, undone.ServiceId));
        Assert.NotNull(undone.ServiceStartedAt);
        var snapshot = await App.SnapshotAsync();
        Assert.Equal(ticket.Id, snapshot.Counters.Single(c => c.Id == counter).CurrentTicketId);
        Assert.DoesNotContain(snapshot.Waiting, t => t.Id == ticket.Id);
        var stored = App.Db(db => db.Tickets.Single(t => t.Id == ticket.Id));
        Assert.Equal((TicketStatus.Serving, counter, ticket.ServiceId, (Guid?)null), (stored.Status, stored.CounterId, stored.ServiceId, stored.TargetCounterId));
        var undoEvent = App.Db(db => db.TicketEvents.Single(e => e.TicketId == ticket.Id && e.Kind == TicketEventKind.Undone));
        Assert.Equal(("Transferred", (Guid?)counter), (undoEvent.Detail, undoEvent.CounterId));
        Assert.NotNull(undoEvent.OfficerId);

        // Undone once: a second undo has nothing left to take back.
        AssertProblem(await SendAsync(officer, HubRoutes.CounterAction(counter, CounterActions.Undo), new UndoTicketRequest(ticket.Id)),
            HttpStatusCode.Conflict, "ticketId", "không thể thực hiện thao tác này");
    }

    [Fact]
    public async Task TransferUndo_IsRefused_AfterTenSeconds_AtAnotherCounter_AndOnceTheTargetCalledIt()
    {
        if (App is null)
        {
            return;
        }

        var (officer, counter, ticket) = await CalledTicketAsync();
        var counter2 = await App.CounterIdAsync(2);
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Transfer), new TransferTicketRequest(null, counter2));

        // Another officer at another counter cannot undo what counter 1 did.
        using var other = await App.SignInAsync("canbo2", counter2);
        AssertProblem(await SendAsync(other, HubRoutes.CounterAction(counter2, CounterActions.Undo), new UndoTicketRequest(ticket.Id)),
            HttpStatusCode.Conflict, "ticketId", $"không còn hoàn tác được thao tác cuối của số {ticket.Number}");

        // After the 10 s the transfer stands.
        App.Time.Advance(QueueEngine.UndoWindow + TimeSpan.FromSeconds(1));
        AssertProblem(await SendAsync(officer, HubRoutes.CounterAction(counter, CounterActions.Undo), new UndoTicketRequest(ticket.Id)),
            HttpStatusCode.Conflict, "ticketId", $"không còn hoàn tác được thao tác cuối của số {ticket.Number}");

        // Transferred again and called at once by the counter it was sent to: the undo no longer applies.
        using var kiosk = App.Kiosk();
        var second = await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Call), new CallTicketRequest(second.Id));
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Transfer), new TransferTicketRequest(null, counter2));
        await other.PostOkAsync<CounterDto>(HubRoutes.CounterAction(counter2, CounterActions.Open));
        await other.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter2, CounterActions.Call), new CallTicketRequest(second.Id));
        AssertProblem(await SendAsync(officer, HubRoutes.CounterAction(counter, CounterActions.Undo), new UndoTicketRequest(second.Id)),
            HttpStatusCode.Conflict, "ticketId", "không thể thực hiện thao tác này");
        Assert.Equal(0, App.Db(db => db.TicketEvents.Count(e => e.Kind == TicketEventKind.Undone)));
    }

    [Fact]
    public async Task Undo_IsRefused_ForAnOpenTicket_ABusyCounter_AndAnotherCountersAction_NamingTicketId()
    {
        if (App is null)
        {
            return;
        }

        var (officer, counter, ticket) = await CalledTicketAsync();

        // Still called: nothing to undo.
        AssertProblem(await SendAsync(officer, HubRoutes.CounterAction(counter, CounterActions.Undo), new UndoTicketRequest(ticket.Id)),
            HttpStatusCode.Conflict, "ticketId", "không thể thực hiện thao tác này");

        // Finished, then the counter calls the next one: the finished ticket cannot come back over it.
        using var kiosk = App.Kiosk();
        var next = await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Finish));
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Call), new CallTicketRequest(next.Id));
        AssertProblem(await SendAsync(officer, HubRoutes.CounterAction(counter, CounterActions.Undo), new UndoTicketRequest(ticket.Id)),
            HttpStatusCode.Conflict, "ticketId", $"quầy đang phục vụ số {next.Number}");

        // Another officer at another counter cannot undo what counter 1 did.
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Finish));
        var counter2 = await App.CounterIdAsync(2);
        using var other = await App.SignInAsync("canbo2", counter2);
        AssertProblem(await SendAsync(other, HubRoutes.CounterAction(counter2, CounterActions.Undo), new UndoTicketRequest(next.Id)),
            HttpStatusCode.Conflict, "ticketId", $"không còn hoàn tác được thao tác cuối của số {next.Number}");

        AssertProblem(await SendAsync(officer, HubRoutes.CounterAction(counter, CounterActions.Undo), new UndoTicketRequest(Guid.NewGuid())),
            HttpStatusCode.NotFound, "ticketId", "Không tìm thấy số thứ tự");
    }

    [Fact]
    public async Task LateNoShow_IsPutBackForThisCounter_ByTheNumberOnThePaper_AndCalledAgain()
    {
        if (App is null)
        {
            return;
        }

        var (officer, counter, ticket) = await CalledTicketAsync();
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.NoShow));

        var requeued = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Requeue), new RequeueTicketRequest(ticket.Number.ToLowerInvariant()));
        Assert.Equal(TicketStatus.Waiting, requeued.Status);
        Assert.Equal(counter, requeued.TargetCounterId);
        Assert.Equal(ticket.Number, requeued.Number);
        Assert.Equal(ticket.IssuedAt, requeued.IssuedAt);

        var called = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Call), new CallTicketRequest(ticket.Id));
        Assert.Equal(TicketStatus.Called, called.Status);
        Assert.Equal(1, App.Db(db => db.TicketEvents.Count(e => e.TicketId == ticket.Id && e.Kind == TicketEventKind.Requeued && e.CounterId == counter)));

        // Only no-shows come back, and the number is required.
        AssertProblem(await SendAsync(officer, HubRoutes.CounterAction(counter, CounterActions.Requeue), new RequeueTicketRequest(ticket.Number)),
            HttpStatusCode.NotFound, "number", $"hôm nay không có số {ticket.Number} vắng mặt");
        AssertProblem(await SendAsync(officer, HubRoutes.CounterAction(counter, CounterActions.Requeue), new RequeueTicketRequest(" ")),
            HttpStatusCode.BadRequest, "number", "number");
    }

    [Fact]
    public async Task Officer_IssuesATicketAtTheCounter_WithServiceAndPriority_AndClosesTheCounter()
    {
        if (App is null)
        {
            return;
        }

        var counter = await App.CounterIdAsync(1);
        using var officer = await App.SignInAsync("canbo1", counter);
        var service = await App.ServiceIdAsync("A");
        var response = await officer.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(service, null, PriorityCategory.Elderly, TicketChannel.Officer), Json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var issued = (await response.Content.ReadFromJsonAsync<TicketDto>(Json))!;
        Assert.Equal(TicketChannel.Officer, issued.Channel);
        Assert.Equal(PriorityCategory.Elderly, issued.Priority);
        Assert.Equal(TicketStatus.Waiting, issued.Status);

        var closed = await officer.PostOkAsync<CounterDto>(HubRoutes.CounterAction(counter, CounterActions.Close));
        Assert.Equal(CounterState.Closed, closed.State);
        var refused = await SendAsync(officer, HubRoutes.CounterAction(counter, CounterActions.CallNext), null);
        Assert.Equal(HttpStatusCode.Conflict, refused.Status);
        Assert.Contains("Quầy đang đóng", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondOfficer_IsRefusedNamingWhoIsThere_ThenTakesOverOnConfirmation_EndingTheFirstSession()
    {
        if (App is null)
        {
            return;
        }

        var counter = await App.CounterIdAsync(1);
        using var first = await App.SignInAsync("canbo1", counter);

        using var second = App.CreateClient();
        var refused = await SendAsync(second, HubRoutes.Login, new LoginRequest("canbo2", HubApp.Password, counter));
        AssertProblem(refused, HttpStatusCode.Conflict, "counterId", "quầy 1 đang có cán bộ Cán bộ quầy 1 (mẫu) làm việc");
        Assert.Equal("auth.counter_occupied", refused.Body.GetProperty("code").GetString());
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync(HubRoutes.Me)).StatusCode);

        var taken = await SendAsync(second, HubRoutes.Login, new LoginRequest("canbo2", HubApp.Password, counter, TakeOver: true));
        Assert.Equal(HttpStatusCode.OK, taken.Status);
        Assert.Equal("Cán bộ quầy 2 (mẫu)", (await App.SnapshotAsync()).Counters.Single(c => c.Id == counter).OfficerName);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.GetAsync(HubRoutes.Me)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await first.PostAsync(HubRoutes.CounterAction(counter, CounterActions.CallNext), null)).StatusCode);

        // The same officer signing in again at their own counter is not a take-over.
        using var again = await App.SignInAsync("canbo2", counter);
    }

    [Fact]
    public async Task SigningOut_PausesTheOpenCounter_AndOnlyStaffedOpenCountersCountForTheEstimate()
    {
        if (App is null)
        {
            return;
        }

        var counter = await App.CounterIdAsync(1);
        var service = await App.ServiceIdAsync("A");
        var estimator = App.Services.GetRequiredService<WaitEstimator>();
        using var officer = await App.SignInAsync("canbo1", counter);
        await officer.PostOkAsync<CounterDto>(HubRoutes.CounterAction(counter, CounterActions.Open));
        var staffed = estimator.OpenCounters(service);
        Assert.True(staffed >= 1);

        (await officer.PostAsync(HubRoutes.Logout, null)).EnsureSuccessStatusCode();
        var after = (await App.SnapshotAsync()).Counters.Single(c => c.Id == counter);
        Assert.Equal(CounterState.Paused, after.State);
        Assert.Equal("Cán bộ đã đăng xuất", after.PauseReason);
        Assert.Null(after.OfficerName);
        Assert.Equal(staffed - 1, estimator.OpenCounters(service));
    }

    private async Task<(HttpClient Officer, Guid Counter, TicketDto Ticket)> CalledTicketAsync()
    {
        var counter = await App!.CounterIdAsync(1);
        using var kiosk = App.Kiosk();
        var issued = await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        var officer = await App.SignInAsync("canbo1", counter);
        await officer.PostOkAsync<CounterDto>(HubRoutes.CounterAction(counter, CounterActions.Open));
        var called = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Call), new CallTicketRequest(issued.Id));
        Assert.Equal(TicketStatus.Called, called.Status);
        return (officer, counter, issued);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, string url, object? body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(body ?? new { }, options: Json),
        };
        request.Headers.AcceptLanguage.ParseAdd("vi");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text));
    }

    private static void AssertProblem((HttpStatusCode Status, JsonElement Body) problem, HttpStatusCode status, string field, string text)
    {
        Assert.True(status == problem.Status, $"expected {status}, got {problem.Status}: {problem.Body}");
        Assert.Equal(field, problem.Body.GetProperty("field").GetString());
        var messages = problem.Body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(text, StringComparison.Ordinal));
    }
}

public sealed class SqliteOfficerConsoleActionsTests(ITestOutputHelper output) : OfficerConsoleActionsTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresOfficerConsoleActionsTests(ITestOutputHelper output) : OfficerConsoleActionsTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}
