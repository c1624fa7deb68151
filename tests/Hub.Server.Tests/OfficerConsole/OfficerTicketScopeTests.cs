using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.OfficerConsole;

/// <summary>
/// Issue 15 item 5: an officer calls and cancels only tickets of their counter's services or sent
/// to their counter, never one called at another counter; a supervisor may cancel any. The demo
/// counters: 1 serves A only, 4 serves C only.
/// </summary>
public abstract class OfficerTicketScopeTests(ITestOutputHelper output) : HubAppTest(output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Officer_CannotCallOrCancel_ATicketOfAServiceTheCounterDoesNotServe_NamingTicketAndCounter()
    {
        if (App is null)
        {
            return;
        }

        var counter1 = await App.CounterIdAsync(1);
        using var officer = await App.SignInAsync("canbo1", counter1);
        using var kiosk = App.Kiosk();
        var other = await App.IssueAsync(kiosk, await App.ServiceIdAsync("C"));

        var call = await SendAsync(officer, HubRoutes.CounterAction(counter1, CounterActions.Call), new CallTicketRequest(other.Id));
        AssertProblem(call, HttpStatusCode.Forbidden, "ticketId", $"Số {other.Number} không thuộc dịch vụ của quầy 1");
        var cancel = await SendAsync(officer, HubRoutes.WithId(HubRoutes.TicketCancel, other.Id), new CancelTicketRequest("thử"));
        AssertProblem(cancel, HttpStatusCode.Forbidden, "ticketId", $"Số {other.Number} không thuộc dịch vụ của quầy 1");
        var english = await SendAsync(officer, HubRoutes.WithId(HubRoutes.TicketCancel, other.Id), new CancelTicketRequest(null), "en");
        AssertProblem(english, HttpStatusCode.Forbidden, "ticketId", $"Ticket {other.Number} is not of a service of counter 1");

        // Refused actions changed nothing: the ticket still waits.
        Assert.Contains((await App.SnapshotAsync()).Waiting, t => t.Id == other.Id && t.Status == TicketStatus.Waiting);

        // The counter's own service stays callable.
        var own = await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        var called = await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter1, CounterActions.Call), new CallTicketRequest(own.Id));
        Assert.Equal(TicketStatus.Called, called.Status);
    }

    [Fact]
    public async Task ATicketTransferredToTheCounter_IsCallable_AndOnceCalledThere_NoOtherOfficerCancelsIt_ButASupervisorMay()
    {
        if (App is null)
        {
            return;
        }

        var counter1 = await App.CounterIdAsync(1);
        var counter4 = await App.CounterIdAsync(4);
        using var kiosk = App.Kiosk();
        var land = await App.IssueAsync(kiosk, await App.ServiceIdAsync("C"));
        using var officer4 = await App.SignInAsync("canbo4", counter4);
        await officer4.PostOkAsync<CounterDto>(HubRoutes.CounterAction(counter4, CounterActions.Open));
        await officer4.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter4, CounterActions.Call), new CallTicketRequest(land.Id));
        var sent = await officer4.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter4, CounterActions.Transfer), new TransferTicketRequest(CounterId: counter1));
        Assert.Equal(counter1, sent.TargetCounterId);

        // Sent to counter 1: counter 4, which serves its service, no longer calls it; counter 1 does.
        AssertProblem(await SendAsync(officer4, HubRoutes.CounterAction(counter4, CounterActions.Call), new CallTicketRequest(land.Id)),
            HttpStatusCode.Forbidden, "ticketId", $"không thuộc dịch vụ của quầy 4");
        using var officer1 = await App.SignInAsync("canbo1", counter1);
        await officer1.PostOkAsync<CounterDto>(HubRoutes.CounterAction(counter1, CounterActions.Open));
        var called = await officer1.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter1, CounterActions.Call), new CallTicketRequest(land.Id));
        Assert.Equal(counter1, called.CounterId);

        // Called at counter 1: counter 4's officer may not cancel it, though it is of their service.
        AssertProblem(await SendAsync(officer4, HubRoutes.WithId(HubRoutes.TicketCancel, land.Id), new CancelTicketRequest(null)),
            HttpStatusCode.Forbidden, "ticketId", $"Số {land.Number} không thuộc dịch vụ của quầy 4");
        Assert.Equal(land.Id, (await App.SnapshotAsync()).Counters.Single(c => c.Id == counter1).CurrentTicketId);

        // The supervisor cancels any ticket of the site.
        var waiting = await App.IssueAsync(kiosk, await App.ServiceIdAsync("E"));
        using var supervisor = await App.SupervisorAsync();
        var cancelled = await supervisor.PostOkAsync<TicketDto>(HubRoutes.WithId(HubRoutes.TicketCancel, waiting.Id), new CancelTicketRequest("Khách bỏ về"));
        Assert.Equal(TicketStatus.Cancelled, cancelled.Status);
    }

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, string url, object? body, string language = "vi")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url)
        {
            Content = JsonContent.Create(body ?? new { }, options: Json),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
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

public sealed class SqliteOfficerTicketScopeTests(ITestOutputHelper output) : OfficerTicketScopeTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresOfficerTicketScopeTests(ITestOutputHelper output) : OfficerTicketScopeTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}
