namespace QueueKiosk.HubServer.Dossiers.Upstream;

/// <summary>
/// A site's link to the province tier ("Upstream" section; docs/province.md, "Dossier status from
/// upstream"). Without BaseUrl the site answers dossier look-ups from its own Dossiers table.
/// </summary>
public sealed class UpstreamOptions
{
    public const string Section = "Upstream";

    /// <summary>The province tier's address, e.g. https://motcua.tinh.gov.vn/ (the routes of HubRoutes are added to it).</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>This site's key at the province, sent as X-Site-Key.</summary>
    public string? SiteKey { get; set; }

    /// <summary>How long a kiosk's look-up waits for the province before it answers from the cache.</summary>
    public int TimeoutMilliseconds { get; set; } = 3000;

    /// <summary>The key the province presents (X-Province-Key) to open this site's camera previews (Cameras/Upward); empty: closed.</summary>
    public string? ProvinceKey { get; set; }
}
