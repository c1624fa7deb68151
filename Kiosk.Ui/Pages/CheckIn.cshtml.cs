using Microsoft.Extensions.Options;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Status;

namespace QueueKiosk.KioskUi.Pages;

/// <summary>"Tôi đã đặt lịch hẹn": the booking code on the on-screen keyboard, or from a QR scanner that types like a keyboard.</summary>
public sealed class CheckInModel(CatalogueStore store, KioskState state, IOptions<KioskOptions> options) : KioskPageModel(store, state, options);
