using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Services;
using QueueKiosk.HubServer.Catalogue;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests;

/// <summary>
/// Twenty counters calling at once while kiosks keep issuing: no ticket called twice, none lost,
/// no number issued twice, event sequence gap-free. Run on SQLite and on PostgreSQL.
/// </summary>
public abstract class ConcurrencyTests(ITestOutputHelper output) : HubAppTest(output)
{
    private const int Counters = 20;
    private const int Issuers = 5;
    private const int TicketsPerIssuer = 60;

    [Fact]
    public async Task CallNext_TwentyCountersAtOnce_NeverGetTheSameTicket_AndLoseNone()
    {
        if (App is null)
        {
            return;
        }

        var app = App;
        var a = await app.ServiceIdAsync("A");
        var b = await app.ServiceIdAsync("B");
        using var supervisor = await app.SupervisorAsync();
        var counters = new List<Guid>();
        for (var i = 0; i < Counters; i++)
        {
            var counter = await supervisor.PostOkAsync<CounterDto>(HubRoutes.Admin + "/counters",
                new CreateCounterRequest(100 + i, $"Quầy thử {i}", i % 2 == 0 ? [a, b] : [b, a]));
            counters.Add(counter.Id);
        }

        var issued = new ConcurrentBag<TicketDto>();
        var called = new ConcurrentBag<(Guid Counter, TicketDto Ticket)>();
        var issuing = Task.WhenAll(Enumerable.Range(0, Issuers).Select(i => Task.Run(async () =>
        {
            using var kiosk = app.Kiosk();
            for (var n = 0; n < TicketsPerIssuer; n++)
            {
                issued.Add(await app.IssueAsync(kiosk, n % 3 == 0 ? b : a, n % 10 == 0 ? PriorityCategory.Elderly : PriorityCategory.None));
            }
        })));
        var deadline = Stopwatch.StartNew();
        var calling = Task.WhenAll(counters.Select(counterId => Task.Run(async () =>
        {
            for (var round = 0; round < 2000 && deadline.Elapsed < TimeSpan.FromSeconds(120); round++)
            {
                var issuingDone = issuing.IsCompleted;
                var ticket = await supervisor.CallNextAsync(counterId);
                if (ticket is not null)
                {
                    called.Add((counterId, ticket));
                }
                else if (issuingDone)
                {
                    return;
                }
            }
        })));
        await issuing;
        await calling;

        const int total = Issuers * TicketsPerIssuer;
        Assert.Equal(total, issued.Count);
        Assert.Equal(total, issued.Select(t => (t.ServiceId, t.Number)).Distinct().Count());
        var calledIds = called.Select(c => c.Ticket.Id).ToList();
        Assert.Equal(calledIds.Count, calledIds.Distinct().Count());
        Assert.Equal(issued.Select(t => t.Id).Order(), calledIds.Order());

        var (statuses, sequences, calledEvents) = app.Db(db => (
            db.Tickets.GroupBy(t => t.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionary(x => x.Key, x => x.Count),
            db.TicketEvents.Where(e => e.SiteId == app.SiteId).OrderBy(e => e.Sequence).Select(e => e.Sequence).ToList(),
            db.TicketEvents.Count(e => e.Kind == TicketEventKind.Called)));
        Assert.Equal(total, calledEvents);
        Assert.False(statuses.ContainsKey(TicketStatus.Waiting));
        // Each counter's last call stays "Called"; every earlier one was finished by the next call.
        Assert.Equal(total, statuses.GetValueOrDefault(TicketStatus.Served) + statuses.GetValueOrDefault(TicketStatus.Called));
        Assert.True(statuses.GetValueOrDefault(TicketStatus.Called) <= Counters);
        Assert.Equal(Enumerable.Range(1, sequences.Count).Select(i => (long)i), sequences);
        var snapshot = await app.SnapshotAsync();
        Assert.Equal(sequences[^1], snapshot.LastSequence);
        Output.WriteLine($"{total} tickets issued and called by {Counters} counters in {deadline.Elapsed.TotalSeconds:0.0} s; {sequences.Count} events");
    }

    [Fact]
    public async Task Issue_ManyKiosksAtOnce_NumbersAreGapFreeAndUnique()
    {
        if (App is null)
        {
            return;
        }

        var app = App;
        var a = await app.ServiceIdAsync("A");
        var tickets = new ConcurrentBag<TicketDto>();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(async () =>
        {
            using var kiosk = app.Kiosk();
            for (var n = 0; n < 20; n++)
            {
                tickets.Add(await app.IssueAsync(kiosk, a));
            }
        })));

        Assert.Equal(Enumerable.Range(1, 200), tickets.Select(t => t.NumberValue).Order());
        Assert.Equal(200, tickets.Select(t => t.Number).Distinct().Count());
        var dbCount = app.Db(db => db.Tickets.Count());
        Assert.Equal(200, dbCount);
    }

    [Fact]
    public async Task TicketChangedBehindTheServersBack_TheBatchIsRefused_TheQueueReloads_NothingAcceptedIsLost()
    {
        if (App is null)
        {
            return;
        }

        var app = App;
        var a = await app.ServiceIdAsync("A");
        var counter = await app.CounterIdAsync(1);
        using var kiosk = app.Kiosk();
        using var supervisor = await app.SupervisorAsync();
        var first = await app.IssueAsync(kiosk, a);
        Assert.Equal(first.Id, (await supervisor.CallNextAsync(counter))!.Id);

        // Another writer (a second server, a hand-made fix in the database) cancels the called ticket.
        app.Db(db => db.Tickets.Where(t => t.Id == first.Id).ExecuteUpdate(u => u.SetProperty(t => t.Status, TicketStatus.Cancelled)));

        var refused = await supervisor.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Start), null);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal("queue.not_saved", problem.GetProperty("code").GetString());

        // Reloaded from the database: the counter's ticket is no longer open, and the queue goes on.
        var again = await supervisor.PostAsync(HubRoutes.CounterAction(counter, CounterActions.Start), null);
        Assert.Equal(System.Net.HttpStatusCode.Conflict, again.StatusCode);
        var second = await app.IssueAsync(kiosk, a);
        Assert.Equal(second.Id, (await supervisor.CallNextAsync(counter))!.Id);

        var (firstStatus, firstEvents) = app.Db(db => (
            db.Tickets.Where(t => t.Id == first.Id).Select(t => t.Status).Single(),
            db.TicketEvents.Where(e => e.TicketId == first.Id).OrderBy(e => e.Sequence).Select(e => e.Kind).ToList()));
        Assert.Equal(TicketStatus.Cancelled, firstStatus);
        Assert.Equal([TicketEventKind.Issued, TicketEventKind.Called], firstEvents);
        Assert.Equal(TicketStatus.Called, app.Db(db => db.Tickets.Where(t => t.Id == second.Id).Select(t => t.Status).Single()));
    }
}

public sealed class SqliteConcurrencyTests(ITestOutputHelper output) : ConcurrencyTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresConcurrencyTests(ITestOutputHelper output) : ConcurrencyTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}
