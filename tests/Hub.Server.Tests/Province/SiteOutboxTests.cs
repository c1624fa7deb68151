using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Province;
using QueueKiosk.HubServer.ProvinceLink;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Province;

/// <summary>
/// The site's side of the upward link with the province out of reach (a closed port): the counters
/// work as ever, and every ticket event has its outbox row, numbered without a gap, waiting on disk.
/// </summary>
public abstract class SiteOutboxTests(ITestOutputHelper output) : HubAppTest(output)
{
    protected override HubApp CreateApp(TestDatabase database) =>
        new(database, settings: new Dictionary<string, string?>
        {
            ["Province:Url"] = "http://127.0.0.1:9",
            ["Province:SiteKey"] = "qkd_not-a-real-key",
            ["Province:MaxBackoffSeconds"] = "1",
        });

    [Fact]
    public async Task EveryTicketEvent_HasItsOutboxRow_NumberedWithoutGaps_WhileTheProvinceIsDown()
    {
        if (App is null)
        {
            return;
        }

        using var kiosk = App.Kiosk();
        var counter = await App.CounterIdAsync(1);
        using var officer = await App.SignInAsync("canbo1", counter);
        for (var i = 0; i < 5; i++)
        {
            await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        }

        for (var i = 0; i < 3; i++)
        {
            var called = await officer.CallNextAsync(counter);
            Assert.NotNull(called);
            (await officer.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Finish), null)).EnsureSuccessStatusCode();
        }

        var events = App.Db(db => db.TicketEvents.Count(e => e.SiteId == App.SiteId));
        var outbox = App.Db(db => db.Set<OutboxMessage>().OrderBy(m => m.Sequence).ToList());
        var tickets = outbox.Where(m => m.Kind == OutboxKinds.Ticket).ToList();
        Assert.Equal(events, tickets.Count);
        Assert.Equal(Enumerable.Range(1, outbox.Count).Select(i => (long)i), outbox.Select(m => m.Sequence));
        var last = ProvinceJson.Read<TicketFact>(tickets[^1].Payload);
        Assert.Equal(TicketEventKind.Served, last.Event);
        Assert.Equal(TicketStatus.Served, last.Ticket!.Status);
        Assert.NotNull(last.Ticket.OfficerName);
        Assert.Equal(App.Db(db => db.Counters.Single(c => c.Id == counter).Name), last.Ticket.CounterName);
    }
}

public sealed class SqliteSiteOutboxTests(ITestOutputHelper output) : SiteOutboxTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresSiteOutboxTests(ITestOutputHelper output) : SiteOutboxTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}
