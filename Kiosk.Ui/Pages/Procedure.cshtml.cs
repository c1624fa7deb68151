using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Status;

namespace QueueKiosk.KioskUi.Pages;

/// <summary>One procedure: documents to bring, fees, processing time, agency, legal basis.</summary>
public sealed class ProcedureModel(CatalogueStore store, KioskState state, IOptions<KioskOptions> options) : KioskPageModel(store, state, options)
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public ProcedureDto? Procedure => Catalogue?.FindProcedure(Id);
}
