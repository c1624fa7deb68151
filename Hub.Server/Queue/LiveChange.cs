using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue.Journal;

namespace QueueKiosk.HubServer.Queue;

/// <summary>
/// What one queue action changes in the live queue. Tickets and counters are taken through it
/// before they are changed, so it can put back their earlier state if the action throws, write
/// exactly the rows that changed (a ticket update guarded by the status it had), and drop tickets
/// that left the queue (served, no-show, cancelled, expired) from memory.
/// </summary>
public sealed class LiveChange(LiveQueue live)
{
    private readonly List<Ticket> _issued = [];
    private readonly List<Ticket> _reopened = [];
    private readonly Dictionary<Ticket, Ticket> _tickets = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<Counter, Counter> _counters = new(ReferenceEqualityComparer.Instance);
    private readonly Dictionary<(Guid, DateOnly), int?> _numbers = [];
    private readonly List<(TicketEvent Event, Func<long, IHubEvent>? Notification)> _events = [];
    private readonly List<RowWrite> _otherRows = [];

    public bool IsEmpty => _issued.Count == 0 && _tickets.Count == 0 && _counters.Count == 0 && _events.Count == 0 && _otherRows.Count == 0;

    /// <summary>A live ticket, about to be changed.</summary>
    public Ticket Ticket(Ticket open)
    {
        _tickets.TryAdd(open, open.Copy());
        return open;
    }

    /// <summary>A live counter, about to be changed.</summary>
    /// <summary>A closed ticket read from the database that the action puts back in the live queue.</summary>
    public Ticket Reopen(Ticket closed)
    {
        _reopened.Add(closed);
        _tickets.TryAdd(closed, closed.Copy());
        live.Put(closed);
        return closed;
    }

    public Counter Counter(Guid counterId)
    {
        var counter = live.Counters.GetValueOrDefault(counterId) ?? throw new DomainException(Errors.CounterNotFound, "counterId");
        _counters.TryAdd(counter, counter.Copy());
        return counter;
    }

    public void Add(Ticket issued)
    {
        _issued.Add(issued);
        live.Put(issued);
    }

    public void Add(TicketEvent ticketEvent, Func<long, IHubEvent>? notification) => _events.Add((ticketEvent, notification));

    /// <summary>A row outside the live queue (a rating).</summary>
    public void Add(RowWrite row) => _otherRows.Add(row);

    public void SetLastNumber((Guid ServiceId, DateOnly LocalDay) key, int number)
    {
        _numbers.TryAdd(key, live.LastNumbers.TryGetValue(key, out var before) ? before : null);
        live.SetLastNumber(key, number);
    }

    /// <summary>Puts the live queue back as it was before the action.</summary>
    public void Undo()
    {
        foreach (var ticket in _issued)
        {
            live.Remove(ticket);
        }

        foreach (var original in _tickets.Values)
        {
            live.Put(original);
        }

        foreach (var ticket in _reopened)
        {
            live.Remove(ticket);
        }

        foreach (var original in _counters.Values)
        {
            live.Put(original);
        }

        foreach (var (key, before) in _numbers)
        {
            live.SetLastNumber(key, before);
        }
    }

    /// <summary>
    /// Takes the events' sequence numbers (in decision order, under the gate) and returns the rows
    /// to commit; tickets that left the queue are dropped from memory. Nothing here can fail after
    /// the numbers are taken, so a failed call leaves the sequence allocator as it was.
    /// </summary>
    public async Task<JournalEntry> ToJournalEntryAsync(Guid siteId, long epoch, SequenceAllocator sequences, HubDbContext db, CancellationToken ct)
    {
        var first = _events.Count > 0 ? await sequences.AllocateAsync(db, siteId, _events.Count, ct) : 0;
        var rows = new List<RowWrite>(_issued.Count + _tickets.Count + _counters.Count + _events.Count + _otherRows.Count);
        rows.AddRange(_issued.Select(RowWrite.Insert));
        foreach (var (ticket, original) in _tickets)
        {
            rows.Add(RowWrite.Update(ticket, original.Status));
        }

        foreach (var (counter, original) in _counters)
        {
            if (!counter.SameLiveState(original))
            {
                rows.Add(RowWrite.Update(counter));
            }
        }

        var notifications = new List<IHubEvent>(_events.Count);
        var sequence = first;
        foreach (var (ticketEvent, notification) in _events)
        {
            ticketEvent.Sequence = sequence;
            rows.Add(RowWrite.Insert(ticketEvent));
            if (notification is not null)
            {
                notifications.Add(notification(sequence));
            }

            sequence++;
        }

        rows.AddRange(_otherRows);
        foreach (var ticket in _tickets.Keys.Where(t => !t.IsOpen))
        {
            live.Remove(ticket);
        }

        return new JournalEntry(siteId, epoch, rows, notifications, first, _events.Count);
    }
}
