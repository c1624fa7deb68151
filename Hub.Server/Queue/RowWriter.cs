using System.Data.Common;
using System.Text;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Queue;

/// <summary>
/// Writes the rows one queue action changed as explicit INSERT/UPDATE statements in one command,
/// instead of EF change tracking: the queue's hot path then costs a few statements and no
/// tracking graph. Values are bound the way the EF model stores them (on SQLite: Guid as upper-case
/// text, DateTime as "yyyy-MM-dd HH:mm:ss.FFFFFFF", DateOnly as "yyyy-MM-dd"), so EF reads them back.
/// </summary>
internal sealed class RowWriter(DbCommand command, bool sqlite)
{
    private readonly StringBuilder _sql = new();

    public bool IsEmpty => _sql.Length == 0;

    public void InsertTicket(Ticket t) => Append(
        """INSERT INTO "Tickets" ("Id", "SiteId", "ServiceId", "NumberServiceId", "ProcedureId", "LocalDay", "NumberValue", "Number", "Status", "Priority", "Channel", "CounterId", "TargetCounterId", "IssuedAt", "IssuedMs", "CalledAt", "ServiceStartedAt", "FinishedAt", "RecallCount") VALUES """,
        t.Id, t.SiteId, t.ServiceId, t.NumberServiceId, t.ProcedureId, t.LocalDay, t.NumberValue, t.Number, (int)t.Status, (int)t.Priority, (int)t.Channel,
        t.CounterId, t.TargetCounterId, t.IssuedAt, t.IssuedMs, t.CalledAt, t.ServiceStartedAt, t.FinishedAt, t.RecallCount);

    public void UpdateTicket(Ticket t)
    {
        var p = Params(t.ServiceId, (int)t.Status, t.CounterId, t.TargetCounterId, t.CalledAt, t.ServiceStartedAt, t.FinishedAt, t.RecallCount, t.Id);
        _sql.Append(
            $"""UPDATE "Tickets" SET "ServiceId" = {p[0]}, "Status" = {p[1]}, "CounterId" = {p[2]}, "TargetCounterId" = {p[3]}, "CalledAt" = {p[4]}, "ServiceStartedAt" = {p[5]}, "FinishedAt" = {p[6]}, "RecallCount" = {p[7]} WHERE "Id" = {p[8]};""");
    }

    public void UpdateCounter(Counter c)
    {
        var p = Params((int)c.State, c.PauseReason, c.CurrentTicketId, c.StateChangedAt, c.OfficerId, c.Id);
        _sql.Append(
            $"""UPDATE "Counters" SET "State" = {p[0]}, "PauseReason" = {p[1]}, "CurrentTicketId" = {p[2]}, "StateChangedAt" = {p[3]}, "OfficerId" = {p[4]} WHERE "Id" = {p[5]};""");
    }

    public void SetCurrentTicket(Guid counterId, Guid? ticketId)
    {
        var p = Params(ticketId, counterId);
        _sql.Append($"""UPDATE "Counters" SET "CurrentTicketId" = {p[0]} WHERE "Id" = {p[1]};""");
    }

    public void InsertEvent(TicketEvent e) => Append(
        """INSERT INTO "TicketEvents" ("SiteId", "Sequence", "TicketId", "CounterId", "OfficerId", "Kind", "At", "Detail") VALUES """,
        e.SiteId, e.Sequence, e.TicketId, e.CounterId, e.OfficerId, (int)e.Kind, e.At, e.Detail);

    /// <summary>A statement without parameters in front of the rows (BEGIN).</summary>
    public void PrependStatement(string statement) => _sql.Insert(0, statement);

    /// <summary>A statement without parameters after the rows (COMMIT).</summary>
    public void AppendStatement(string statement) => _sql.Append(statement);

    public async Task ExecuteAsync(CancellationToken ct)
    {
        if (IsEmpty)
        {
            return;
        }

        command.CommandText = _sql.ToString();
        await command.ExecuteNonQueryAsync(ct);
    }

    private void Append(string head, params object?[] values)
    {
        var names = Params(values);
        _sql.Append(head).Append('(').AppendJoin(", ", names).Append(");");
    }

    private string[] Params(params object?[] values)
    {
        var names = new string[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = (sqlite ? "@p" : "@p") + command.Parameters.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            parameter.Value = Convert(values[i]);
            command.Parameters.Add(parameter);
            names[i] = parameter.ParameterName;
        }

        return names;
    }

    private object Convert(object? value) => value switch
    {
        null => DBNull.Value,
        Guid g when sqlite => g.ToString().ToUpperInvariant(),
        DateTime d => DateTime.SpecifyKind(d, DateTimeKind.Utc),
        DateOnly d when sqlite => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        _ => value,
    };
}
