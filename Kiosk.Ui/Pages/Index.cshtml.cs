using Microsoft.Extensions.Options;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Status;

namespace QueueKiosk.KioskUi.Pages;

/// <summary>The welcome screen: centre name, date and time, three large choices.</summary>
public sealed class IndexModel(CatalogueStore store, KioskState state, IOptions<KioskOptions> options) : KioskPageModel(store, state, options)
{
    public override bool ShowBack => false;
}
