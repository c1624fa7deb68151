using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Province;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Queue.Journal;
using QueueKiosk.HubServer.Supervision;

namespace QueueKiosk.HubServer.ProvinceLink;

/// <summary>
/// Turns what the site writes into the facts the province stores. Names travel with the facts
/// (service, field, counter, officer as they were at the time), so the province's reports need no
/// copy of each site's catalogue.
/// </summary>
public sealed class OutboxFacts(CatalogueCache catalogue, IServiceScopeFactory scopes)
{
    private volatile Names? _names;

    /// <summary>The queue journal's rows plus an outbox row for each ticket event and rating among them.</summary>
    public async Task<IReadOnlyList<RowWrite>> WithOutboxRowsAsync(IReadOnlyList<RowWrite> rows, OutboxLease lease)
    {
        if (!lease.Active || !rows.Any(r => r.Kind is RowKind.InsertEvent or RowKind.InsertRating))
        {
            return rows;
        }

        var data = await catalogue.GetAsync();
        var names = await NamesAsync(rows);
        // The ticket as this batch leaves it: the last insert or update of it.
        var tickets = new Dictionary<Guid, Ticket>();
        foreach (var row in rows)
        {
            if (row.Entity is Ticket t)
            {
                tickets[t.Id] = t;
            }
        }

        var all = new List<RowWrite>(rows.Count * 2);
        all.AddRange(rows);
        foreach (var row in rows)
        {
            switch (row.Entity)
            {
                case TicketEvent e:
                    var state = e.TicketId is { } id && tickets.TryGetValue(id, out var ticket) ? State(ticket, data, names, e.OfficerId) : null;
                    var fact = new TicketFact(e.Kind, e.TicketId, e.CounterId, e.OfficerId, e.Detail, state);
                    all.Add(RowWrite.Insert(lease.Next(e.SiteId, OutboxKinds.Ticket, e.At, ProvinceJson.Write(fact))));
                    break;
                case Rating r:
                    var rating = new RatingFact(r.Id, r.TicketId, r.Score, CounterName(r.CounterId, data), OfficerName(r.OfficerId, names));
                    all.Add(RowWrite.Insert(lease.Next(r.SiteId, OutboxKinds.Rating, r.At, ProvinceJson.Write(rating))));
                    break;
            }
        }

        return all;
    }

    public static string DevicePayload(Device d) => ProvinceJson.Write(new DeviceFact(d.Id, d.Name, d.Kind, d.Status, d.LastSeenAt));

    public static string AlertPayload(Alert a) =>
        ProvinceJson.Write(new AlertFact(a.Id, a.Kind, a.Subject, AlertText.Decode(a.Message).Vi, a.RaisedAt, a.ClearedAt, a.AcknowledgedAt));

    private static TicketState State(Ticket t, CatalogueData data, Names names, Guid? officerId)
    {
        var service = data.Services.GetValueOrDefault(t.ServiceId);
        var field = t.ProcedureId is { } p ? names.FieldOfProcedure.GetValueOrDefault(p) : null;
        return new TicketState(t.Number, t.Status, t.Priority, service?.Name ?? "", field, CounterName(t.CounterId, data), OfficerName(officerId, names),
            t.IssuedAt, t.CalledAt, t.ServiceStartedAt, t.FinishedAt, service?.WaitTargetMinutes ?? 15);
    }

    private static string? CounterName(Guid? counterId, CatalogueData data) =>
        counterId is { } c && data.Counters.TryGetValue(c, out var counter) ? counter.Name : null;

    private static string? OfficerName(Guid? officerId, Names names) =>
        officerId is { } o ? names.Officers.GetValueOrDefault(o) : null;

    /// <summary>Officer and field names, read again when a row names one not yet known (a new account or procedure).</summary>
    private async Task<Names> NamesAsync(IReadOnlyList<RowWrite> rows)
    {
        var names = _names;
        var missing = names is null || rows.Any(r => r.Entity switch
        {
            TicketEvent e => e.OfficerId is { } o && !names.Officers.ContainsKey(o),
            Rating x => x.OfficerId is { } o && !names.Officers.ContainsKey(o),
            Ticket t => t.ProcedureId is { } p && !names.FieldOfProcedure.ContainsKey(p),
            _ => false,
        });
        if (!missing)
        {
            return names!;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var officers = await db.Officers.Select(o => new { o.Id, o.DisplayName }).ToDictionaryAsync(o => o.Id, o => o.DisplayName);
        var fields = await db.Procedures.Join(db.Fields, p => p.FieldId, f => f.Id, (p, f) => new { p.Id, f.Name })
            .ToDictionaryAsync(x => x.Id, x => x.Name);
        return _names = new Names(officers, fields);
    }

    private sealed record Names(IReadOnlyDictionary<Guid, string> Officers, IReadOnlyDictionary<Guid, string> FieldOfProcedure);
}
