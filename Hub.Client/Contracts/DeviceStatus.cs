namespace QueueKiosk.HubClient.Contracts;

/// <summary>
/// Heartbeat a device (kiosk, display host) POSTs to <see cref="HubRoutes.DeviceStatus"/> with its
/// device key, every HeartbeatSeconds and at once when its printer's state changes. Same members
/// as Kiosk.Ui's KioskStatusReport, so the kiosk's JSON binds unchanged. A display host without a
/// printer sends PrinterState "NotConfigured".
/// </summary>
/// <param name="Name">The device's own name (shown when it differs from the hub's).</param>
/// <param name="Status">"OK" or a short state word of the device (e.g. HubUnreachable).</param>
/// <param name="PrinterState">Ready, PaperLow, PaperOut, CoverOpen, Offline, Error or NotConfigured.</param>
/// <param name="PrinterMessage">The printer's own detail text, if any.</param>
/// <param name="CatalogueFromCache">The device shows a cached catalogue (it could not reach the hub).</param>
public sealed record DeviceStatusReport(
    string Name,
    string Status,
    string PrinterState,
    bool PaperLow,
    bool PaperOut,
    string? PrinterMessage,
    bool CatalogueFromCache,
    DateTimeOffset? CatalogueFetchedAt,
    string Version);

/// <summary>The hub's answer to a heartbeat: when it expects the next one.</summary>
public sealed record DeviceStatusAck(Guid DeviceId, DateTimeOffset ReceivedAt, int ExpectedEverySeconds);
