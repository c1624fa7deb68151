namespace QueueKiosk.HubServer.ProvinceLink;

/// <summary>
/// Section "Province": everything a site knows about its province tier, in one place
/// (docs/province.md, "The site's settings"). The province is one address and one site key, used
/// by the outbox shipper (<see cref="ProvinceShipper"/>) and by dossier look-ups
/// (Dossiers/Upstream). The link is off unless both are set; then every queue action, rating,
/// device status change and alert change also writes an outbox row, and kiosks' dossier look-ups
/// ask the province first.
/// </summary>
public sealed class ProvinceLinkOptions
{
    public const string Section = "Province";

    /// <summary>The province tier's base address, e.g. https://motcua.tinh.gov.vn.</summary>
    public string? Url { get; set; }

    /// <summary>This site's key, created by a province admin on the province's "Đơn vị" page; sent as X-Site-Key.</summary>
    public string? SiteKey { get; set; }

    /// <summary>Most outbox events sent in one request.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// A busy site sends one batch per about this many milliseconds (each wait drawn within ±20 %, so
    /// that sites do not send in step); a site quiet for longer sends its next event at once, and a
    /// backlog (full batches) is never held back. The province's load grows with its requests more
    /// than with their events (docs/province.md, "Bench"). 0: no pacing.
    /// </summary>
    public int BatchIntervalMilliseconds { get; set; } = 1000;

    /// <summary>Longest wait between two attempts while the province is out of reach (backoff doubles from 1 s up to this).</summary>
    public int MaxBackoffSeconds { get; set; } = 60;

    /// <summary>How long one outbox request may take before it counts as failed.</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;

    /// <summary>How long a kiosk's dossier look-up waits for the province before it answers from the site's cache.</summary>
    public int DossierTimeoutMilliseconds { get; set; } = 3000;

    /// <summary>
    /// The other direction of trust: the key the province presents to this site (X-Province-Key) to
    /// open its camera previews (Supervision/Upward). Not <see cref="SiteKey"/>, which is the site's
    /// key at the province; empty: the camera link is closed and its endpoint not mapped.
    /// </summary>
    public string? CameraAccessKey { get; set; }

    public bool Enabled => !string.IsNullOrWhiteSpace(Url) && !string.IsNullOrWhiteSpace(SiteKey);
}
