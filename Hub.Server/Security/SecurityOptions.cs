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

    /// <summary>Sends Strict-Transport-Security and redirects http to https (set when Kestrel has a certificate).</summary>
    public bool UseHttps { get; set; }

    /// <summary>Serves /openapi/v1.json outside Development and Testing (it maps every route and its answers).</summary>
    public bool PublishOpenApi { get; set; }

    /// <summary>Failed sign-ins one client address may make per <see cref="SignInWindowMinutes"/> before it is refused.</summary>
    public int SignInFailuresPerAddress { get; set; } = 20;

    /// <summary>Failed sign-ins on one user name (known or not) per window before it answers "locked".</summary>
    public int SignInFailuresPerAccount { get; set; } = 5;

    public int SignInWindowMinutes { get; set; } = 15;

    /// <summary>Sign-in requests (right or wrong) one client address may make per minute, whoever it is signed in as.</summary>
    public int SignInRequestsPerMinute { get; set; } = 60;
}
