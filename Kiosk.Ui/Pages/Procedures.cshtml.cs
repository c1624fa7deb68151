using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Status;

namespace QueueKiosk.KioskUi.Pages;

/// <summary>Procedure lookup: search, or browse fields and their procedures (from the cached catalogue).</summary>
public sealed class ProceduresModel(CatalogueStore store, KioskState state, IOptions<KioskOptions> options) : KioskPageModel(store, state, options)
{
    [BindProperty(SupportsGet = true, Name = "field")]
    public Guid? FieldId { get; set; }

    public FieldDto? Field => FieldId is { } id ? Catalogue?.FindField(id) : null;
}
