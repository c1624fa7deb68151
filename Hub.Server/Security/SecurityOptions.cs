namespace QueueKiosk.HubServer.Security;

/// <summary>
/// Settings of section "Security" (hardware-docs/https.md): which other origins may send the hub
/// cookie-authenticated writes, HTTPS, and whether the OpenAPI document is served in Production.
/// </summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Origins (scheme://host:port) besides the hub's own that may make cookie-authenticated writes
    /// and open the hub's WebSocket, e.g. a reverse proxy's public name. Empty: only the hub's own.
    /// </summary>
    public List<string> AllowedOrigins { get; set; } = [];

    /// <summary>
    /// Addresses (or networks, "10.0.0.0/24") of the reverse proxies in front of the hub (haproxy,
    /// nginx). A request that comes from one of them is taken to be from the address in its
    /// X-Forwarded-For, and over https if X-Forwarded-Proto says so: sign-in and public rate limits
    /// and audit rows then see each client, not the proxy. Empty (the default): those headers are
    /// ignored, so no client can choose its own address.
    /// </summary>
    public List<string> TrustedProxies { get; set; } = [];

    /// <summary>Sends Strict-Transport-Security and redirects http to https (set when Kestrel has a certificate).</summary>
    public bool UseHttps { get; set; }

    /// <summary>Serves /openapi/v1.json outside Development and Testing (it maps every route and its answers).</summary>
    public bool PublishOpenApi { get; set; }

    /// <summary>Failed sign-ins one client address may make per <see cref="SignInWindowMinutes"/> before it is refused.</summary>
    public int SignInFailuresPerAddress { get; set; } = 20;

    /// <summary>
    /// Failed sign-ins on one user name (known or not) from one address before that address waits
    /// (answered "locked" until a time that doubles with every further failure); also the number
    /// of failures on a known account that alerts its supervisors.
    /// </summary>
    public int SignInFailuresPerAccount { get; set; } = 5;

    /// <summary>Failed sign-ins on one user name from all addresses together before every try on it waits (at most SignInThrottle.AccountDelayCap).</summary>
    public int SignInFailuresPerAccountAllAddresses { get; set; } = 20;

    /// <summary>A sign-in count is forgotten this long after its last failure; also the longest an address waits.</summary>
    public int SignInWindowMinutes { get; set; } = 15;

    /// <summary>Sign-in requests (right or wrong) one client address may make per minute, whoever it is signed in as.</summary>
    public int SignInRequestsPerMinute { get; set; } = 60;
}
