using System.Globalization;
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
}

/// <summary>
/// One row a queue action writes, as an explicit INSERT or UPDATE rather than EF change tracking:
/// the hot path costs one prepared statement per row and no tracking graph. Every write must touch
/// exactly one row. A ticket update names the status the engine saw (the guard): if the row is no
/// longer in that status, something outside this process changed it, and the whole batch is
/// refused instead of overwriting it.
/// </summary>
public readonly record struct RowWrite(RowKind Kind, object?[] Values)
{
    public static RowWrite Insert(Ticket t) => new(RowKind.InsertTicket,
    [
        t.Id, t.SiteId, t.ServiceId, t.NumberServiceId, t.ProcedureId, t.LocalDay, t.NumberValue, t.Number, (int)t.Status, (int)t.Priority, (int)t.Channel,
        t.CounterId, t.TargetCounterId, t.IssuedAt, t.IssuedMs, t.CalledAt, t.ServiceStartedAt, t.FinishedAt, t.RecallCount,
    ]);

    public static RowWrite Update(Ticket t, TicketStatus expectedStatus) => new(RowKind.UpdateTicket,
        [t.ServiceId, (int)t.Status, t.CounterId, t.TargetCounterId, t.CalledAt, t.ServiceStartedAt, t.FinishedAt, t.RecallCount, t.Id, (int)expectedStatus]);

    public static RowWrite Update(Counter c) => new(RowKind.UpdateCounter,
        [(int)c.State, c.PauseReason, c.CurrentTicketId, c.StateChangedAt, c.OfficerId, c.Id]);

    public static RowWrite Insert(TicketEvent e) => new(RowKind.InsertEvent,
        [e.SiteId, e.Sequence, e.TicketId, e.CounterId, e.OfficerId, (int)e.Kind, e.At, e.Detail]);

    public static RowWrite Insert(Rating r) => new(RowKind.InsertRating,
        [r.Id, r.SiteId, r.TicketId, r.CounterId, r.OfficerId, r.Score, r.Reason, r.At]);

    public static readonly IReadOnlyList<RowKind> AllKinds = Enum.GetValues<RowKind>();

    /// <summary>The statement of a kind, with its parameters written by <paramref name="placeholder"/> (0-based index).</summary>
    public static string Sql(RowKind kind, Func<int, string> placeholder)
    {
        string P(int i) => placeholder(i);
        string Values(int count) => string.Join(", ", Enumerable.Range(0, count).Select(P));
        return kind switch
        {
            RowKind.InsertTicket =>
                $"""INSERT INTO "Tickets" ("Id", "SiteId", "ServiceId", "NumberServiceId", "ProcedureId", "LocalDay", "NumberValue", "Number", "Status", "Priority", "Channel", "CounterId", "TargetCounterId", "IssuedAt", "IssuedMs", "CalledAt", "ServiceStartedAt", "FinishedAt", "RecallCount") VALUES ({Values(19)})""",
            RowKind.UpdateTicket =>
                $"""UPDATE "Tickets" SET "ServiceId" = {P(0)}, "Status" = {P(1)}, "CounterId" = {P(2)}, "TargetCounterId" = {P(3)}, "CalledAt" = {P(4)}, "ServiceStartedAt" = {P(5)}, "FinishedAt" = {P(6)}, "RecallCount" = {P(7)} WHERE "Id" = {P(8)} AND "Status" = {P(9)}""",
            RowKind.UpdateCounter =>
                $"""UPDATE "Counters" SET "State" = {P(0)}, "PauseReason" = {P(1)}, "CurrentTicketId" = {P(2)}, "StateChangedAt" = {P(3)}, "OfficerId" = {P(4)} WHERE "Id" = {P(5)}""",
            RowKind.InsertEvent =>
                $"""INSERT INTO "TicketEvents" ("SiteId", "Sequence", "TicketId", "CounterId", "OfficerId", "Kind", "At", "Detail") VALUES ({Values(8)})""",
            RowKind.InsertRating =>
                $"""INSERT INTO "Ratings" ("Id", "SiteId", "TicketId", "CounterId", "OfficerId", "Score", "Reason", "At") VALUES ({Values(8)})""",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    /// <summary>For logs: the kind and the key of the row.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Kind} {Values[Kind switch
    {
        RowKind.UpdateTicket => 8,
        RowKind.UpdateCounter => 5,
        RowKind.InsertEvent => 1,
        _ => 0,
    }]}");
}
