using System.Text.Json;
using System.Text.Json.Serialization;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Province;

// What a site sends to the province and what it answers (docs/province.md, "Ingest"). Both sides are
// this one server, so the records live here once.

/// <summary>An ordered batch of one site's outbox rows, oldest first, sequence numbers contiguous.</summary>
public sealed record IngestBatch(Guid SiteId, IReadOnlyList<IngestEvent> Events);

/// <param name="Payload">The fact as JSON: a <see cref="TicketFact"/>, <see cref="RatingFact"/>, <see cref="DeviceFact"/> or <see cref="AlertFact"/> by <paramref name="Kind"/>.</param>
public sealed record IngestEvent(long Sequence, string Kind, DateTimeOffset At, string Payload);

/// <summary>The province's last stored sequence of the site: after a refusal the site resends from the next one.</summary>
public sealed record IngestAnswer(long LastSequence, int Stored, int Duplicates);

/// <summary>A ticket event, with the ticket as it stood after it (null when the action did not change the ticket).</summary>
public sealed record TicketFact(TicketEventKind Event, Guid? TicketId, Guid? CounterId, Guid? OfficerId, string? Detail, TicketState? Ticket);

public sealed record TicketState(
    string Number,
    TicketStatus Status,
    PriorityCategory Priority,
    string ServiceName,
    string? FieldName,
    string? CounterName,
    string? OfficerName,
    DateTime IssuedAt,
    DateTime? CalledAt,
    DateTime? StartedAt,
    DateTime? FinishedAt,
    int WaitTargetMinutes);

public sealed record RatingFact(Guid RatingId, Guid TicketId, int? Score, string? CounterName, string? OfficerName);

public sealed record DeviceFact(Guid DeviceId, string Name, DeviceKind Kind, string? Status, DateTime? LastSeenAt);

public sealed record AlertFact(Guid AlertId, AlertKind Kind, string Subject, string Message, DateTime RaisedAt, DateTime? ClearedAt, DateTime? AcknowledgedAt);

public static class ProvinceJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Write<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Options)
        ?? throw new JsonException("empty payload");
}
