using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Queue.Journal;
using QueueKiosk.HubServer.Realtime;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests;

/// <summary>
/// The group-commit journal on a real database: three actions land in one batch and the middle one
/// holds a row the database refuses. The one decided before it is saved; it and the one decided
/// after it (which may build on it) are refused, and the live queue is marked for reloading.
/// </summary>
public abstract class QueueJournalTests(ITestOutputHelper output) : HubAppTest(output)
{
    [Fact]
    public async Task OneRefusedActionInABatch_RefusesOnlyItAndThoseDecidedAfterIt()
    {
        if (App is null)
        {
            return;
        }

        await App.SnapshotAsync(); // starts the server: schema and demo data in place

        var services = App.Services;
        var live = new LiveQueue();
        var journal = new QueueJournal(services.GetRequiredService<RowStoreFactory>(), live, new NoNotifier(),
            services.GetRequiredService<SequenceAllocator>(),
            services.GetRequiredService<ProvinceLink.ProvinceOutbox>(), services.GetRequiredService<ProvinceLink.OutboxFacts>(), NullLogger<QueueJournal>.Instance);
        var site = App.SiteId;
        JournalEntry Entry(params RowWrite[] rows) => new(site, live.Epoch, rows, [], 0, 0);
        RowWrite Event(long sequence) => RowWrite.Insert(new TicketEvent { SiteId = site, Sequence = sequence, Kind = TicketEventKind.CounterChanged, At = DateTime.UtcNow, Detail = "journal test" });

        // Appended before the journal runs, so the three arrive as one batch.
        var before = Entry(Event(1_000_001));
        var refused = Entry(Event(1_000_002), RowWrite.Update(new Counter { Id = Guid.NewGuid() })); // no such counter: 0 rows
        var after = Entry(Event(1_000_003));
        journal.Append(before);
        journal.Append(refused);
        journal.Append(after);
        var epoch = live.Epoch;
        await journal.StartAsync(CancellationToken.None);
        try
        {
            await before.Saved;
            var refusal = await Assert.ThrowsAsync<DomainException>(() => refused.Saved);
            Assert.Same(Errors.QueueNotSaved, refusal.Error.Entry);
            Assert.Equal(ErrorKind.Unavailable, refusal.Kind);
            await Assert.ThrowsAsync<DomainException>(() => after.Saved);
            Assert.NotEqual(epoch, live.Epoch);

            var stored = App.Db(db => db.TicketEvents.Where(e => e.Sequence > 1_000_000).Select(e => e.Sequence).ToList());
            Assert.Equal([1_000_001L], stored);

            // The journal goes on: a later action is saved.
            var later = new JournalEntry(site, live.Epoch, [Event(1_000_004)], [], 0, 0);
            journal.Append(later);
            await later.Saved;
            Assert.Equal(2, App.Db(db => db.TicketEvents.Count(e => e.Sequence > 1_000_000)));
        }
        finally
        {
            await journal.StopAsync(CancellationToken.None);
        }
    }

    private sealed class NoNotifier : IQueueNotifier
    {
        public void Publish(IHubEvent hubEvent)
        {
        }

        public void MarkDirty(Guid siteId)
        {
        }
    }
}

public sealed class SqliteQueueJournalTests(ITestOutputHelper output) : QueueJournalTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresQueueJournalTests(ITestOutputHelper output) : QueueJournalTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}
