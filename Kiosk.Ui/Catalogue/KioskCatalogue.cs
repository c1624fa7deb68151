using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Rest;
using QueueKiosk.KioskUi.Localization;

namespace QueueKiosk.KioskUi.Catalogue;

/// <summary>
/// Everything the kiosk needs to answer lookups without the hub: the site (name, zone, opening
/// hours), fields, procedures, services and which counters serve them. Persisted as JSON.
/// HubSaidOpen is the hub's own verdict when fetched (it may be set to ignore opening hours).
/// Logo is the site's logo, kept with the rest so a kiosk restarted without the hub still shows it.
/// </summary>
public sealed record KioskCatalogue(
    SiteDto Site,
    IReadOnlyList<FieldDto> Fields,
    IReadOnlyList<ProcedureDto> Procedures,
    IReadOnlyList<ServiceDto> Services,
    IReadOnlyList<CounterDto> Counters,
    DateTimeOffset FetchedAt,
    bool HubSaidOpen = true,
    SiteLogo? Logo = null)
{
    public ProcedureDto? FindProcedure(Guid id) => Procedures.FirstOrDefault(p => p.Id == id);

    public FieldDto? FindField(Guid id) => Fields.FirstOrDefault(f => f.Id == id);

    public ServiceDto? FindService(Guid id) => Services.FirstOrDefault(s => s.Id == id);

    /// <summary>An active service by its code (as the office typed it, case aside), or null.</summary>
    public ServiceDto? FindActiveService(string? code) =>
        string.IsNullOrWhiteSpace(code) ? null : Services.FirstOrDefault(s => s.Active && string.Equals(s.Code, code.Trim(), StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ProcedureDto> ProceduresOf(Guid fieldId) => Procedures.Where(p => p.FieldId == fieldId);

    /// <summary>
    /// The fields a citizen can choose: those with a procedure on offer. A field whose service was
    /// retired has none left (the hub leaves its procedures out), so it leaves the kiosk with them.
    /// </summary>
    public IEnumerable<FieldDto> OfferedFields() => Fields.Where(f => ProceduresOf(f.Id).Any());

    /// <summary>The four groups of the law, offered as before when the hub is older than priority groups as data.</summary>
    private static readonly PriorityCategory[] LawGroups =
        [PriorityCategory.Elderly, PriorityCategory.Disabled, PriorityCategory.Pregnant, PriorityCategory.RevolutionaryMerit];

    /// <summary>
    /// The priority groups the kiosk asks about, in the office's order and named as the office named
    /// them (administered on the hub's /supervisor/services page and sent with the site).
    /// </summary>
    public IReadOnlyList<PriorityChoice> PriorityChoices(string language) =>
        Site.PriorityGroups is { } groups
            ? [.. groups.OrderBy(g => g.SortOrder).Select(g => new PriorityChoice(g.Category, language == KioskText.English && g.NameEn is { Length: > 0 } en ? en : g.Name))]
            : LawPriorityChoices(language);

    /// <summary>The law's four groups with the kiosk's own names: before the first catalogue, or from a hub older than the groups.</summary>
    public static IReadOnlyList<PriorityChoice> LawPriorityChoices(string language) =>
        [.. LawGroups.Select(c => new PriorityChoice(c, KioskText.Get(language, "priority." + c)))];

    /// <summary>The name printed on a ticket of this group: the office's English one for an English ticket when it has one.</summary>
    public string PriorityName(PriorityCategory category, string language = KioskText.Vietnamese) =>
        Site.PriorityGroups?.FirstOrDefault(g => g.Category == category) is { } group
            ? CatalogueText.Pick(language, group.Name, group.NameEn).Text
            : FallbackPriorityName(category, language);

    /// <summary>The name of a group without a catalogue (or one the hub no longer lists).</summary>
    public static string FallbackPriorityName(PriorityCategory category, string language = KioskText.Vietnamese) => KioskText.Get(language, "priority." + category);

    /// <summary>A service's name in the kiosk's language (its English name where the office gave one), or null when the service is not in the catalogue.</summary>
    public string? ServiceName(Guid serviceId, string language) =>
        FindService(serviceId) is { } service ? CatalogueText.Pick(language, service.Name, service.NameEn).Text : null;

    /// <summary>A field's name in the kiosk's language, saying whether it is translated.</summary>
    public CatalogueText FieldText(FieldDto field, string language) => CatalogueText.Pick(language, field.Name, field.NameEn);

    /// <summary>
    /// A procedure's name in the kiosk's language: its English name where the catalogue has one
    /// (imported from the name_en column or typed on /supervisor/catalogue), otherwise the Vietnamese
    /// name marked untranslated so the page says so.
    /// </summary>
    public static CatalogueText ProcedureText(ProcedureDto procedure, string language) => CatalogueText.Pick(language, procedure.Name, procedure.NameEn);

    /// <summary>Counter numbers that serve a service, in order, for "mời đến quầy 1, 2".</summary>
    public IReadOnlyList<int> CounterNumbersFor(Guid serviceId) =>
        [.. Counters.Where(c => c.Services.Any(s => s.ServiceId == serviceId)).Select(c => c.Number).Order()];
}

/// <summary>
/// A name from the office's catalogue as the kiosk shows it: <see cref="Translated"/> is false when
/// the citizen chose English and the catalogue has no English version, so the page can say plainly
/// that it is shown in Vietnamese.
/// </summary>
public sealed record CatalogueText(string Text, bool Translated)
{
    public static CatalogueText Pick(string language, string vietnamese, string? english) =>
        language != KioskText.English ? new(vietnamese, true)
        : english is { Length: > 0 } en ? new(en, true)
        : new(vietnamese, false);
}

/// <summary>One answer to "are you in a priority group?": what the ticket carries and what the button says.</summary>
public sealed record PriorityChoice(PriorityCategory Category, string Name);
