using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Queue.Journal;

public enum RowKind
{
    InsertTicket,
    UpdateTicket,
    UpdateCounter,
    InsertEvent,
    InsertRating,
    InsertOutbox,
}

/// <summary>
/// One row a queue action writes, as an explicit INSERT or UPDATE rather than EF change tracking:
/// the hot path costs one prepared statement per row and no tracking graph. The statements, their
/// columns and how each value is stored come from the EF model (<see cref="RowStatements"/>); this
/// only holds the entity. Every write must touch exactly one row. A ticket update names the status
/// the engine saw (the guard): if the row is no longer in that status, something outside this
/// process changed it, and the whole batch is refused instead of overwriting it.
/// </summary>
public readonly record struct RowWrite
{
    private RowWrite(RowKind kind, object entity, TicketStatus? expectedStatus = null)
    {
        Kind = kind;
        Entity = entity;
        ExpectedStatus = expectedStatus;
    }

    public RowKind Kind { get; }

    /// <summary>
    /// The entity as it was when the action was decided. Tickets and counters are copied: the live
    /// queue goes on changing its own objects before the journal writes this row.
    /// </summary>
    public object Entity { get; }

    /// <summary>The status a ticket update expects the stored row to still have.</summary>
    public TicketStatus? ExpectedStatus { get; }

    public static RowWrite Insert(Ticket t) => new(RowKind.InsertTicket, t.Copy());

    public static RowWrite Update(Ticket t, TicketStatus expectedStatus) => new(RowKind.UpdateTicket, t.Copy(), expectedStatus);

    public static RowWrite Update(Counter c) => new(RowKind.UpdateCounter, c.Copy());

    public static RowWrite Insert(TicketEvent e) => new(RowKind.InsertEvent, e);

    public static RowWrite Insert(Rating r) => new(RowKind.InsertRating, r);

    public static RowWrite Insert(ProvinceLink.OutboxMessage m) => new(RowKind.InsertOutbox, m);
}
