using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Queue;

internal static class DtoMapping
{
    public static TicketDto ToDto(this Ticket t, CatalogueData catalogue, int peopleAhead = 0, int estimatedWaitMinutes = 0)
    {
        var service = catalogue.Services.GetValueOrDefault(t.ServiceId);
        var procedure = t.ProcedureId is { } p ? catalogue.Procedures.GetValueOrDefault(p) : null;
        var counter = t.CounterId is { } c ? catalogue.Counters.GetValueOrDefault(c) : null;
        return new TicketDto(
            t.Id, t.SiteId, t.Number, t.NumberValue, t.ServiceId, service?.Code ?? "", service?.Name ?? "",
            t.ProcedureId, procedure?.Name, t.Status, t.Priority, t.Channel, t.CounterId, counter?.Number,
            Utc(t.IssuedAt), t.CalledAt is { } called ? Utc(called) : null,
            t.ServiceStartedAt is { } started ? Utc(started) : null,
            t.FinishedAt is { } finished ? Utc(finished) : null,
            peopleAhead, estimatedWaitMinutes, t.LocalDay, t.RecallCount, t.TargetCounterId);
    }

    public static CounterDto ToDto(this Counter c, CatalogueData catalogue, string? currentNumber, string? officerName = null) =>
        new(c.Id, c.Number, c.Name, c.State, c.PauseReason, c.CurrentTicketId, currentNumber,
            [.. c.Services.OrderBy(s => s.Order).Select(s => new CounterServiceDto(s.ServiceId, catalogue.Services.GetValueOrDefault(s.ServiceId)?.Code ?? "", s.Order, s.Weight))],
            c.LedAddress, c.CameraId, officerName);

    public static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
