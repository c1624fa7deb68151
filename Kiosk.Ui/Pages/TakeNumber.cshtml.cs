using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Status;

namespace QueueKiosk.KioskUi.Pages;

/// <summary>Take a number: field, then procedure (or search), or a service chosen elsewhere (a dossier's result); then the priority question, then the ticket.</summary>
public sealed class TakeNumberModel(CatalogueStore store, KioskState state, IOptions<KioskOptions> options) : KioskPageModel(store, state, options)
{
    [BindProperty(SupportsGet = true, Name = "field")]
    public Guid? FieldId { get; set; }

    /// <summary>Set when coming from a procedure's page ("Lấy số cho thủ tục này").</summary>
    [BindProperty(SupportsGet = true, Name = "procedure")]
    public Guid? ProcedureId { get; set; }

    /// <summary>Set when coming from a dossier whose result is ready ("Lấy số nhận kết quả"): a number for that service, no procedure.</summary>
    [BindProperty(SupportsGet = true, Name = "service")]
    public Guid? ServiceId { get; set; }

    public FieldDto? Field => FieldId is { } id ? Catalogue?.FindField(id) : null;

    public ServiceDto? PreselectedService => ServiceId is { } id && Catalogue?.FindService(id) is { Active: true } service ? service : null;

    public ProcedureDto? Preselected => ProcedureId is { } id ? Catalogue?.FindProcedure(id) : null;

    /// <summary>The priority buttons: the office's groups from the hub (the law's four while no catalogue is cached).</summary>
    public IReadOnlyList<PriorityChoice> PriorityChoices =>
        Catalogue?.PriorityChoices(Language) ?? KioskCatalogue.LawPriorityChoices(Language);
}
