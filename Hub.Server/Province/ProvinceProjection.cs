using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.ProvinceLink;

namespace QueueKiosk.HubServer.Province;

/// <summary>
/// Applies a site's new events, in order, to the province's read tables (tickets, ratings, devices,
/// alerts), inside the ingest's transaction: what the dashboard and the reports read is always
/// exactly what the event table holds.
/// </summary>
public sealed class ProvinceProjection(ProvinceDbContext db, Guid siteId)
{
    public async Task ApplyAsync(IReadOnlyList<ReadEvent> facts, CancellationToken ct)
    {
        var ticketIds = facts.Select(f => f.Fact).OfType<TicketFact>().Where(t => t.Ticket is not null && t.TicketId is not null).Select(t => t.TicketId!.Value).Distinct().ToList();
        var deviceIds = facts.Select(f => f.Fact).OfType<DeviceFact>().Select(d => d.DeviceId).Distinct().ToList();
        var alertIds = facts.Select(f => f.Fact).OfType<AlertFact>().Select(a => a.AlertId).Distinct().ToList();
        // Only the kinds the batch holds are read: each read is a round trip inside the site's lock.
        var tickets = ticketIds.Count == 0 ? [] : await db.Tickets.AsTracking().Where(t => t.SiteId == siteId && ticketIds.Contains(t.TicketId)).ToDictionaryAsync(t => t.TicketId, ct);
        var devices = deviceIds.Count == 0 ? [] : await db.Devices.AsTracking().Where(d => d.SiteId == siteId && deviceIds.Contains(d.DeviceId)).ToDictionaryAsync(d => d.DeviceId, ct);
        var alerts = alertIds.Count == 0 ? [] : await db.Alerts.AsTracking().Where(a => a.SiteId == siteId && alertIds.Contains(a.AlertId)).ToDictionaryAsync(a => a.AlertId, ct);
        foreach (var (e, fact) in facts)
        {
            switch (fact)
            {
                case TicketFact { TicketId: { } id, Ticket: { } state } t:
                    Ticket(tickets, id, t, state, e.Sequence);
                    break;
                case RatingFact r:
                    db.Ratings.Add(new ProvinceRating
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
                    var device = Upsert(devices, d.DeviceId, () => db.Devices.Add(new ProvinceDevice { SiteId = siteId, DeviceId = d.DeviceId }).Entity);
                    device.Name = d.Name;
                    device.Kind = d.Kind.ToString();
                    device.Status = d.Status;
                    device.LastSeenAt = d.LastSeenAt;
                    break;
                case AlertFact a:
                    var alert = Upsert(alerts, a.AlertId, () => db.Alerts.Add(new ProvinceAlert { SiteId = siteId, AlertId = a.AlertId }).Entity);
                    alert.Kind = a.Kind.ToString();
                    alert.Subject = a.Subject;
                    alert.Message = a.Message;
                    alert.RaisedAt = a.RaisedAt;
                    alert.ClearedAt = a.ClearedAt;
                    alert.AcknowledgedAt = a.AcknowledgedAt;
                    break;
            }
        }
    }

    private void Ticket(Dictionary<Guid, ProvinceTicket> tickets, Guid id, TicketFact fact, TicketState state, long sequence)
    {
        var ticket = Upsert(tickets, id, () => db.Tickets.Add(new ProvinceTicket { SiteId = siteId, TicketId = id }).Entity);
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

    private static T Upsert<T>(Dictionary<Guid, T> known, Guid id, Func<T> add)
    {
        if (!known.TryGetValue(id, out var row))
        {
            row = add();
            known[id] = row;
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
