using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.KioskUi.Catalogue;

/// <summary>
/// Everything the kiosk needs to answer lookups without the hub: the site (name, zone, opening
/// hours), fields, procedures, services and which counters serve them. Persisted as JSON.
/// HubSaidOpen is the hub's own verdict when fetched (it may be set to ignore opening hours).
/// </summary>
public sealed record KioskCatalogue(
    SiteDto Site,
    IReadOnlyList<FieldDto> Fields,
    IReadOnlyList<ProcedureDto> Procedures,
    IReadOnlyList<ServiceDto> Services,
    IReadOnlyList<CounterDto> Counters,
    DateTimeOffset FetchedAt,
    bool HubSaidOpen = true)
{
    public ProcedureDto? FindProcedure(Guid id) => Procedures.FirstOrDefault(p => p.Id == id);

    public FieldDto? FindField(Guid id) => Fields.FirstOrDefault(f => f.Id == id);

    public ServiceDto? FindService(Guid id) => Services.FirstOrDefault(s => s.Id == id);

    public IEnumerable<ProcedureDto> ProceduresOf(Guid fieldId) => Procedures.Where(p => p.FieldId == fieldId);

    /// <summary>Counter numbers that serve a service, in order, for "mời đến quầy 1, 2".</summary>
    public IReadOnlyList<int> CounterNumbersFor(Guid serviceId) =>
        [.. Counters.Where(c => c.Services.Any(s => s.ServiceId == serviceId)).Select(c => c.Number).Order()];
}
