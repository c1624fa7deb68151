using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Queue;

/// <summary>
/// The queue as it stands, in memory: every counter, every open ticket (waiting, called or being
/// served) and the last number issued per service and local day. Queue actions are decided here,
/// one at a time under <see cref="Gate"/> (microseconds each, no database round trip), and their
/// rows are committed by the QueueJournal before anyone is answered. Whoever holds the gate is the
/// only writer of these objects.
/// The database stays the record: this is loaded from it at the first action, after the catalogue
/// changes (counters added or re-assigned by an admin), and after a batch failed to commit.
/// One Hub.Server process serves a database (as for the event sequence numbers); a second one
/// writing the same tickets is caught by the guarded updates (the batch is refused and both reload).
/// </summary>
public sealed class LiveQueue
{
    private long _epoch;
    private volatile bool _discarded = true;

    /// <summary>Held while deciding an action and appending its journal entry.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    /// <summary>Changes whenever the in-memory state is thrown away after a failed commit.</summary>
    public long Epoch => Interlocked.Read(ref _epoch);

    private readonly Dictionary<Guid, Counter> _counters = [];
    private readonly Dictionary<Guid, Ticket> _openTickets = [];
    private readonly Dictionary<(Guid ServiceId, DateOnly LocalDay), int> _lastNumbers = [];

    // Transfers that may still be undone (QueueEngine.UndoWindow), by ticket: the ticket's row does not
    // keep where it came from. Kept across reloads (they are about the database's rows, not memory's);
    // the undo checks the stored events before using one, so an entry of an action that did not commit is harmless.
    private readonly Dictionary<Guid, TransferMemo> _transfers = [];

    public IReadOnlyDictionary<Guid, Counter> Counters => _counters;

    public IReadOnlyDictionary<Guid, Ticket> OpenTickets => _openTickets;

    public IReadOnlyDictionary<(Guid ServiceId, DateOnly LocalDay), int> LastNumbers => _lastNumbers;

    /// <summary>The catalogue the counters were loaded with: a newer one means an admin changed them.</summary>
    public CatalogueData? LoadedWith { get; private set; }

    public bool NeedsLoad(CatalogueData catalogue) => _discarded || !ReferenceEquals(LoadedWith, catalogue);

    /// <summary>Called by the journal when a batch did not commit: memory may hold changes the database refused.</summary>
    public void Discard()
    {
        _discarded = true;
        Interlocked.Increment(ref _epoch);
    }

    /// <summary>Replaces the state with what the database holds (the caller holds the gate and has flushed the journal).</summary>
    public void Load(CatalogueData catalogue, IEnumerable<Counter> counters, IEnumerable<Ticket> openTickets)
    {
        _counters.Clear();
        _openTickets.Clear();
        _lastNumbers.Clear();
        foreach (var counter in counters)
        {
            _counters[counter.Id] = counter;
        }

        foreach (var ticket in openTickets)
        {
            _openTickets[ticket.Id] = ticket;
        }

        LoadedWith = catalogue;
        _discarded = false;
    }

    /// <summary>The site's waiting tickets, the ones the call order chooses from.</summary>
    public IEnumerable<Ticket> Waiting(Guid siteId) =>
        _openTickets.Values.Where(t => t.SiteId == siteId && t.Status == TicketStatus.Waiting);

    /// <summary>The last transfer of a ticket, if it is recent enough to be undone.</summary>
    public TransferMemo? TransferOf(Guid ticketId) => _transfers.GetValueOrDefault(ticketId);

    /// <summary>Remembers a transfer for its undo (the caller holds the gate); forgets those too old to undo.</summary>
    public void RememberTransfer(Guid ticketId, TransferMemo memo)
    {
        foreach (var old in _transfers.Where(t => memo.At - t.Value.At > QueueEngine.UndoWindow).Select(t => t.Key).ToList())
        {
            _transfers.Remove(old);
        }

        _transfers[ticketId] = memo;
    }

    // The writers below are for LiveChange, which records what it changes so it can put it back.

    internal void Put(Ticket ticket) => _openTickets[ticket.Id] = ticket;

    internal void Remove(Ticket ticket) => _openTickets.Remove(ticket.Id);

    internal void Put(Counter counter) => _counters[counter.Id] = counter;

    internal void SetLastNumber((Guid ServiceId, DateOnly LocalDay) key, int? number)
    {
        if (number is { } n)
        {
            _lastNumbers[key] = n;
        }
        else
        {
            _lastNumbers.Remove(key);
        }
    }
}

/// <summary>A transfer as its undo needs it: the ticket before it was sent on, the counter and officer who sent it, and when.</summary>
public sealed record TransferMemo(Ticket Before, Guid CounterId, Guid? OfficerId, DateTime At);
