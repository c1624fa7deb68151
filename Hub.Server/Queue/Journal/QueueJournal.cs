using System.Threading.Channels;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.ProvinceLink;
using QueueKiosk.HubServer.Realtime;

namespace QueueKiosk.HubServer.Queue.Journal;

/// <summary>What one queue action wrote: its rows, the notifications of its events and the sequence numbers they took.</summary>
public sealed class JournalEntry(Guid siteId, long epoch, IReadOnlyList<RowWrite> rows, IReadOnlyList<IHubEvent> notifications, long firstSequence, int sequenceCount)
{
    private readonly TaskCompletionSource _saved = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Guid SiteId { get; } = siteId;

    /// <summary>The live queue's epoch when the action was decided: a later epoch means its memory was thrown away.</summary>
    public long Epoch { get; } = epoch;

    public IReadOnlyList<RowWrite> Rows { get; } = rows;

    public IReadOnlyList<IHubEvent> Notifications { get; } = notifications;

    public long FirstSequence { get; } = firstSequence;

    public int SequenceCount { get; } = sequenceCount;

    /// <summary>Completes once the rows are committed; faults if they are not.</summary>
    public Task Saved => _saved.Task;

    /// <summary>An entry without rows: saved once every entry before it is settled.</summary>
    public static JournalEntry Marker() => new(Guid.Empty, 0, [], [], 0, 0);

    internal void Succeed() => _saved.TrySetResult();

    internal void Fail(Exception error) => _saved.TrySetException(error);
}

/// <summary>
/// Group commit. Queue actions are decided in memory (LiveQueue) and appended here in the order they
/// were decided; one writer takes everything waiting and commits it in one transaction, then
/// answers each action, publishes its events in sequence order and marks the site's statistics
/// dirty. An action is only answered after its rows are committed, so an acknowledged ticket is
/// never lost; under load one commit (one fsync, two round trips on PostgreSQL) serves dozens of
/// actions instead of one.
/// If a batch fails, its entries are committed again one by one, so only a bad one and those decided
/// after it (they may depend on it) are answered 503; the live queue is then reloaded from the
/// database before the next decision, and the row store reconnects.
/// </summary>
public sealed class QueueJournal(
    RowStoreFactory stores,
    LiveQueue live,
    IQueueNotifier notifier,
    SequenceAllocator sequences,
    ProvinceOutbox outbox,
    OutboxFacts outboxFacts,
    ILogger<QueueJournal> logger) : BackgroundService
{
    /// <summary>Large enough to take all 50 clients' actions at once; small enough to keep one commit short.</summary>
    private const int MaxRowsPerBatch = 2000;

    private readonly Channel<JournalEntry> _entries = Channel.CreateUnbounded<JournalEntry>(new UnboundedChannelOptions { SingleReader = true });
    private IRowStore? _store;

    /// <summary>Called by the engine while it holds the live queue's gate, so entries arrive in decision order.</summary>
    public void Append(JournalEntry entry)
    {
        if (!_entries.Writer.TryWrite(entry))
        {
            // Shutting down: the action was decided in memory but will not be saved.
            live.Discard();
            Settle(entry, NotSaved());
        }
    }

    /// <summary>Waits until every entry appended so far is settled (committed or failed).</summary>
    public Task FlushAsync(CancellationToken ct)
    {
        var marker = JournalEntry.Marker();
        Append(marker);
        return marker.Saved.WaitAsync(ct);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        // Drain what was already accepted: those actions were decided and are waiting for an answer.
        _entries.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var reader = _entries.Reader;
        var batch = new List<JournalEntry>();
        var rows = new List<RowWrite>();
        try
        {
            // Not cancelled by stoppingToken: the loop ends when StopAsync completes the channel and
            // everything in it has been written.
            while (await reader.WaitToReadAsync(CancellationToken.None))
            {
                batch.Clear();
                rows.Clear();
                while (rows.Count < MaxRowsPerBatch && reader.TryRead(out var entry))
                {
                    if (entry.Rows.Count > 0 && entry.Epoch != live.Epoch)
                    {
                        Settle(entry, NotSaved());
                        continue;
                    }

                    batch.Add(entry);
                    rows.AddRange(entry.Rows);
                }

                var saved = rows.Count == 0 ? batch.Count : await WriteAsync(batch, rows);
                for (var i = 0; i < batch.Count; i++)
                {
                    Settle(batch[i], i < saved ? null : NotSaved());
                }
            }
        }
        catch (Exception e)
        {
            logger.LogCritical(e, "The queue journal stopped; queue actions are refused until the server restarts");
            throw;
        }
        finally
        {
            // Whatever ended the loop, nobody may wait forever for an answer that will not come.
            _entries.Writer.TryComplete();
            live.Discard();
            foreach (var entry in batch.Where(e => !e.Saved.IsCompleted))
            {
                Settle(entry, NotSaved());
            }

            while (reader.TryRead(out var left))
            {
                Settle(left, NotSaved());
            }

            await DisposeStoreAsync();
        }
    }

    /// <summary>
    /// Commits the batch in one transaction; returns how many of its entries are saved. If the batch
    /// fails, one bad row (a value the database refuses, a row changed behind the server's back) must
    /// not cost every action in it: the entries are committed again one by one, in order, up to the
    /// first that fails, which is refused with every entry after it (they were decided on top of it).
    /// The live queue is then reloaded from the database.
    /// </summary>
    private async Task<int> WriteAsync(List<JournalEntry> batch, List<RowWrite> rows)
    {
        try
        {
            await CommitAsync(rows);
            return batch.Count;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            logger.LogWarning(e, "A batch of {Actions} queue actions ({Rows} rows) was not saved; saving them one by one", batch.Count, rows.Count);
            await DisposeStoreAsync();
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (batch[i].Rows.Count == 0)
            {
                continue;
            }

            try
            {
                await CommitAsync(batch[i].Rows);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                logger.LogError(e, "A queue action ({Rows} rows) was not saved; it and the {Later} decided after it are refused and the live queue is reloaded from the database",
                    batch[i].Rows.Count, batch.Count - i - 1);
                live.Discard();
                await DisposeStoreAsync();
                return i;
            }
        }

        return batch.Count;
    }

    private async Task CommitAsync(IReadOnlyList<RowWrite> rows)
    {
        _store ??= await stores.OpenAsync(CancellationToken.None);
        // The province's outbox rows ride in the same transaction (docs/province.md); with the link off the lease is free.
        using var lease = await outbox.LeaseAsync(CancellationToken.None);
        await _store.WriteAsync(await outboxFacts.WithOutboxRowsAsync(rows, lease), CancellationToken.None);
        lease.Commit();
    }

    private void Settle(JournalEntry entry, Exception? failure)
    {
        if (entry.SequenceCount > 0)
        {
            sequences.Complete(entry.SiteId, entry.FirstSequence, entry.SequenceCount);
        }

        // A marker only says "everything before me is settled": it never fails.
        if (failure is not null && entry.Rows.Count > 0)
        {
            entry.Fail(failure);
            return;
        }

        foreach (var notification in entry.Notifications)
        {
            notifier.Publish(notification);
        }

        if (entry.Rows.Count > 0)
        {
            notifier.MarkDirty(entry.SiteId);
        }

        entry.Succeed();
    }

    private static DomainException NotSaved() => new(Errors.QueueNotSaved);

    private async Task DisposeStoreAsync()
    {
        if (_store is not { } store)
        {
            return;
        }

        _store = null;
        try
        {
            await store.DisposeAsync();
        }
        catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException or IOException)
        {
            logger.LogDebug(e, "Closing a broken row store connection");
        }
    }
}
