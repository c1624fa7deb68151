namespace QueueKiosk.HubServer.Security;

/// <summary>
/// Headers every answer carries (issue 15, item 8). The pages load scripts and styles only from
/// the hub itself (no inline script, no other host), so the policy allows only 'self'; inline
/// style attributes are allowed because page scripts set element styles and a style cannot run code.
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
        + "media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
        + "form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, bool https)
    {
        return app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            if (https && context.Request.IsHttps)
            {
                // A year, as browsers' preload lists expect; only sent over HTTPS (RFC 6797 §7.2).
                headers.StrictTransportSecurity = "max-age=31536000";
            }

            return next(context);
        });
    }
}
