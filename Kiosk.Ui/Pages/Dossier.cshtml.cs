using Microsoft.Extensions.Options;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Status;

namespace QueueKiosk.KioskUi.Pages;

/// <summary>Dossier lookup by code: on-screen keyboard, or a barcode/QR scanner that types like a keyboard.</summary>
public sealed class DossierModel(CatalogueStore store, KioskState state, IOptions<KioskOptions> options) : KioskPageModel(store, state, options);
