namespace QueueKiosk.HubServer.Tracking;

/// <summary>Settings of section "Tracking" (docs/ticket-tracking.md): the public tracking and hall pages.</summary>
public sealed class TrackingOptions
{
    public const string Section = "Tracking";

    /// <summary>
    /// The office's public address as phones reach it (scheme://host[:port][/path], no query), e.g.
    /// https://motcua.benthanh.gov.vn. The ticket's QR code is this plus /t/{token}. Empty: tickets
    /// carry no tracking link (the kiosk prints its own Kiosk:TicketLookupUrl, if any).
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>Requests per minute one client address may make to the public pages and their streams.</summary>
    public int RequestsPerMinute { get; set; } = 60;

    /// <summary>Longest a stream stays open before the page reconnects (bounds what one phone holds).</summary>
    public int StreamMinutes { get; set; } = 30;

    public static bool IsValidBaseUrl(string? value) =>
        string.IsNullOrWhiteSpace(value)
        || (Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)
            && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment) && string.IsNullOrEmpty(uri.UserInfo));
}
