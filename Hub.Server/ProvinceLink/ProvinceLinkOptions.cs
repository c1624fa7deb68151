namespace QueueKiosk.HubServer.ProvinceLink;

/// <summary>
/// Section "Province": the site's link upward (docs/province.md). Off unless both the province's
/// address and this site's key are set; then every queue action, rating, device status change and
/// alert change also writes an outbox row, shipped by <see cref="ProvinceShipper"/>.
/// </summary>
public sealed class ProvinceLinkOptions
{
    public const string Section = "Province";

    /// <summary>The province tier's base address, e.g. https://motcua.tinh.gov.vn.</summary>
    public string? Url { get; set; }

    /// <summary>This site's key, created by a province admin on the province's "Đơn vị" page.</summary>
    public string? SiteKey { get; set; }

    /// <summary>Most events sent in one request.</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>Longest wait between two attempts while the province is out of reach (backoff doubles from 1 s up to this).</summary>
    public int MaxBackoffSeconds { get; set; } = 60;

    /// <summary>How long one request may take before it counts as failed.</summary>
    public int RequestTimeoutSeconds { get; set; } = 30;

    public bool Enabled => !string.IsNullOrWhiteSpace(Url) && !string.IsNullOrWhiteSpace(SiteKey);
}
