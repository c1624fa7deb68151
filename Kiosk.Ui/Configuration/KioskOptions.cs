using System.ComponentModel.DataAnnotations;

namespace QueueKiosk.KioskUi.Configuration;

/// <summary>Who this kiosk is and which hub it talks to (configuration section "Kiosk").</summary>
public sealed class KioskOptions
{
    public const string SectionName = "Kiosk";

    /// <summary>Base address of Hub.Server, e.g. http://hub.local:5000.</summary>
    [Required]
    public string HubUrl { get; set; } = "";

    /// <summary>This kiosk's device key (sent as X-Device-Key); issued by the hub's admin.</summary>
    [Required]
    public string DeviceKey { get; set; } = "";

    /// <summary>The site's id; when neither this nor SiteCode is set, the hub's only site is used.</summary>
    public Guid? SiteId { get; set; }

    /// <summary>The site's code (e.g. "PHUONG-1"), used when SiteId is not set.</summary>
    public string? SiteCode { get; set; }

    /// <summary>Name of this kiosk, shown to supervisors ("Kiosk sảnh chính").</summary>
    [Required]
    public string Name { get; set; } = "Kiosk";

    /// <summary>Seconds the printed ticket stays on screen (a failed print stays until touched or idle).</summary>
    [Range(3, 120)]
    public int TicketDisplaySeconds { get; set; } = 15;

    /// <summary>How often the catalogue is refreshed from the hub.</summary>
    [Range(5, 86400)]
    public int CatalogueRefreshSeconds { get; set; } = 60;

    /// <summary>How often the kiosk reports heartbeat and printer status to the hub.</summary>
    [Range(2, 3600)]
    public int HeartbeatSeconds { get; set; } = 30;

    /// <summary>Local JSON copy of the catalogue, so lookups work while the hub is down.</summary>
    [Required]
    public string CataloguePath { get; set; } = "data/kiosk-catalogue.json";

    /// <summary>Demo and tests only: issue numbers at any hour (pair with the hub's Queue:IgnoreOpeningHours).</summary>
    public bool IgnoreOpeningHours { get; set; }

    /// <summary>False runs the kiosk without a ticket printer: numbers are shown on screen only.</summary>
    public bool PrinterEnabled { get; set; } = true;

    /// <summary>Seconds to wait for a ticket to leave the printer before the screen says it failed.</summary>
    [Range(1, 60)]
    public int PrintWaitSeconds { get; set; } = 8;

    /// <summary>
    /// Printed on the ticket as a QR code when set: an absolute http(s) URL in which "{number}" is
    /// replaced by the ticket number (e.g. the centre's page for following the queue).
    /// </summary>
    public string? TicketLookupUrl { get; set; }

    /// <summary>
    /// False (the default): /kiosk-api answers only callers on this machine (the kiosk's own
    /// browser), whatever address Kestrel listens on. True lets other machines use it.
    /// </summary>
    public bool AllowRemoteApi { get; set; }

    /// <summary>
    /// Code of the office's result-return service (e.g. "TKQ", as on the hub's /supervisor/services
    /// page): a dossier whose result is ready offers "Lấy số nhận kết quả" for it. Empty, or no active
    /// service with this code: no button, and the status sentence sends the citizen to the desk.
    /// </summary>
    public string? ResultReturnServiceCode { get; set; }

    /// <summary>Requests per minute one client address may make to /kiosk-api (tickets and dossier look-ups included).</summary>
    [Range(1, 100_000)]
    public int ApiRequestsPerMinute { get; set; } = 120;

    /// <summary>
    /// Age from which the chip ID card's date of birth offers the elderly priority (Law on the
    /// Elderly 2009, art. 2: citizens aged 60 and over; hardware-docs/kiosk.md, "Chip ID card").
    /// </summary>
    [Range(1, 150)]
    public int ElderlyAge { get; set; } = 60;

    /// <summary>Seconds a scanned chip ID card is kept in memory after its last use before it is dropped and the name masked.</summary>
    [Range(5, 600)]
    public int CitizenHoldSeconds { get; set; } = 30;

    /// <summary>
    /// Longest pause, in milliseconds, between two characters of one scan: the QR scanner types
    /// like a keyboard but far faster than a person, so a slower key starts over (a person typing
    /// is not taken for a card).
    /// </summary>
    [Range(10, 5000)]
    public int ScannerKeyGapMilliseconds { get; set; } = 80;
}
