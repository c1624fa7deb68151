using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Security;

/// <summary>
/// Refuses cross-site requests that a browser would send with the staff cookie (issue 15, item 7):
/// every write (POST, PUT, PATCH, DELETE) and every request to the realtime hub (its WebSocket
/// included) that carries no device key must come from the hub's own origin or one of
/// Security:AllowedOrigins. Browsers send Origin on every cross-origin write and WebSocket, and
/// Sec-Fetch-Site on every request; programs (the devices, the bench) send neither and are not
/// browsers a foreign page can drive. A device key is not sent by browsers on their own, so
/// requests carrying one are not cross-site forgeries.
/// </summary>
public sealed class SameOriginCheck(RequestDelegate next, IOptions<SecurityOptions> options)
{
    private readonly HashSet<string> _allowed = new(
        options.Value.AllowedOrigins.Select(o => o.TrimEnd('/')), StringComparer.OrdinalIgnoreCase);

    public Task InvokeAsync(HttpContext context)
    {
        if (NeedsCheck(context.Request) && !IsSameOrigin(context.Request))
        {
            throw new DomainException(Errors.CrossSiteRequest);
        }

        return next(context);
    }

    private static bool NeedsCheck(HttpRequest request) =>
        DeviceKeyAuthenticationHandler.FindKey(request) is null
        && (request.Path.StartsWithSegments(HubRoutes.QueueHub) || !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method)));

    private bool IsSameOrigin(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            // Compared by authority: behind a TLS proxy the request arrives as http, while the browser's origin is https.
            return (Uri.TryCreate(origin, UriKind.Absolute, out var uri) && string.Equals(uri.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase))
                || _allowed.Contains(origin);
        }

        // No Origin: a browser's same-origin navigation, or not a browser. A browser that sends no
        // Origin still says where the request came from.
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        return site.Length == 0 || site is "same-origin" or "none";
    }
}
