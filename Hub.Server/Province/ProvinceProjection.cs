using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.ProvinceLink;

namespace QueueKiosk.HubServer.Province;

/// <summary>
/// Turns a site's new events, in order, into the rows they leave in the province's read tables
/// (tickets, ratings, devices, alerts), which the ingest writes in the same transaction as the
/// events: what the dashboard and the reports read is always exactly what the event table holds.
/// Events of one batch are folded here first (a ticket issued, called and served in one batch is one
/// row); <see cref="Statements"/> says how a folded row merges with the row already stored, by the
/// same rules.
/// </summary>
public static class ProvinceProjection
{
    /// <summary>The rows a batch leaves, each key once.</summary>
    public static ProjectedRows Fold(Guid siteId, IReadOnlyList<ReadEvent> facts)
    {
        var tickets = new Dictionary<Guid, ProvinceTicket>();
        var ratings = new Dictionary<Guid, ProvinceRating>();
        var devices = new Dictionary<Guid, ProvinceDevice>();
        var alerts = new Dictionary<Guid, ProvinceAlert>();
        foreach (var (e, fact) in facts)
        {
            switch (fact)
            {
                case TicketFact { TicketId: { } id, Ticket: { } state } t:
                    Ticket(Row(tickets, id, () => new ProvinceTicket { SiteId = siteId, TicketId = id }), t, state, e.Sequence);
                    break;
                case RatingFact r:
                    // A rating is stored once; its first event is the one kept.
                    ratings.TryAdd(r.RatingId, new ProvinceRating
                    {
                        SiteId = siteId,
                        RatingId = r.RatingId,
                        TicketId = r.TicketId,
                        Score = r.Score,
                        CounterName = r.CounterName,
                        OfficerName = r.OfficerName,
                        At = e.At.UtcDateTime,
                    });
                    break;
                case DeviceFact d:
                    var device = Row(devices, d.DeviceId, () => new ProvinceDevice { SiteId = siteId, DeviceId = d.DeviceId });
                    device.Name = d.Name;
                    device.Kind = d.Kind.ToString();
                    device.Status = d.Status;
                    device.LastSeenAt = d.LastSeenAt;
                    break;
                case AlertFact a:
                    var alert = Row(alerts, a.AlertId, () => new ProvinceAlert { SiteId = siteId, AlertId = a.AlertId });
                    alert.Kind = a.Kind.ToString();
                    alert.Subject = a.Subject;
                    alert.Message = a.Message;
                    alert.RaisedAt = a.RaisedAt;
                    alert.ClearedAt = a.ClearedAt;
                    alert.AcknowledgedAt = a.AcknowledgedAt;
                    break;
            }
        }

        return new ProjectedRows(tickets.Values, ratings.Values, devices.Values, alerts.Values);
    }

    /// <summary>
    /// The first text of these rows longer than its column allows, or null. Checked before storing:
    /// the database would refuse the whole batch, and the site would resend it for ever.
    /// </summary>
    public static (string Property, int Max)? TooLong(IModel model, ProjectedRows rows) =>
        ModelSql.TooLong(model, rows.Tickets) ?? ModelSql.TooLong(model, rows.Ratings) ?? ModelSql.TooLong(model, rows.Devices) ?? ModelSql.TooLong(model, rows.Alerts);

    /// <summary>
    /// The statements that store folded rows. A ticket keeps the counter and officer it had when an
    /// event names none, and stays marked transferred, as <see cref="Ticket"/> does inside a batch;
    /// every other column is the newest event's.
    /// </summary>
    public sealed class Statements(IModel model)
    {
        public BulkRows<ProvinceTicket> Tickets { get; } = BulkRows<ProvinceTicket>.For(model, OnConflict.Update, new Dictionary<string, string>
        {
            [nameof(ProvinceTicket.CounterName)] = "COALESCE(EXCLUDED.{0}, existing.{0})",
            [nameof(ProvinceTicket.OfficerName)] = "COALESCE(EXCLUDED.{0}, existing.{0})",
            [nameof(ProvinceTicket.Transferred)] = "existing.{0} OR EXCLUDED.{0}",
        });

        public BulkRows<ProvinceRating> Ratings { get; } = BulkRows<ProvinceRating>.For(model, OnConflict.Ignore);

        public BulkRows<ProvinceDevice> Devices { get; } = BulkRows<ProvinceDevice>.For(model, OnConflict.Update);

        public BulkRows<ProvinceAlert> Alerts { get; } = BulkRows<ProvinceAlert>.For(model, OnConflict.Update);

        /// <summary>The commands that store these rows (none for an empty kind).</summary>
        public IEnumerable<NpgsqlBatchCommand> Commands(ProjectedRows rows) =>
            new[] { Tickets.Command(rows.Tickets), Ratings.Command(rows.Ratings), Devices.Command(rows.Devices), Alerts.Command(rows.Alerts) }.OfType<NpgsqlBatchCommand>();
    }

    private static void Ticket(ProvinceTicket ticket, TicketFact fact, TicketState state, long sequence)
    {
        ticket.Number = state.Number;
        ticket.Status = state.Status.ToString();
        ticket.ServiceName = state.ServiceName;
        ticket.FieldName = state.FieldName;
        ticket.CounterName = state.CounterName ?? ticket.CounterName;
        ticket.OfficerName = state.OfficerName ?? ticket.OfficerName;
        ticket.IssuedAt = state.IssuedAt;
        ticket.CalledAt = state.CalledAt;
        ticket.StartedAt = state.StartedAt;
        ticket.FinishedAt = state.FinishedAt;
        ticket.WaitTargetMinutes = state.WaitTargetMinutes;
        ticket.Transferred |= fact.Event == TicketEventKind.Transferred;
        ticket.Sequence = sequence;
    }

    private static TRow Row<TRow>(Dictionary<Guid, TRow> rows, Guid id, Func<TRow> create)
    {
        if (!rows.TryGetValue(id, out var row))
        {
            row = create();
            rows[id] = row;
        }

        return row;
    }

    /// <summary>The payload as its kind says; a payload that cannot be read is refused by the caller's validation before this.</summary>
    public static object Read(IngestEvent e) => e.Kind switch
    {
        OutboxKinds.Ticket => ProvinceJson.Read<TicketFact>(e.Payload),
        OutboxKinds.Rating => ProvinceJson.Read<RatingFact>(e.Payload),
        OutboxKinds.Device => ProvinceJson.Read<DeviceFact>(e.Payload),
        OutboxKinds.Alert => ProvinceJson.Read<AlertFact>(e.Payload),
        _ => throw new ArgumentOutOfRangeException(nameof(e), e.Kind, "unknown kind"),
    };
}

/// <summary>An event with its payload read as its kind says (<see cref="ProvinceProjection.Read"/>).</summary>
public sealed record ReadEvent(IngestEvent Event, object Fact);

/// <summary>The read-table rows one batch leaves (<see cref="ProvinceProjection.Fold"/>).</summary>
public sealed record ProjectedRows(
    IReadOnlyCollection<ProvinceTicket> Tickets,
    IReadOnlyCollection<ProvinceRating> Ratings,
    IReadOnlyCollection<ProvinceDevice> Devices,
    IReadOnlyCollection<ProvinceAlert> Alerts);
