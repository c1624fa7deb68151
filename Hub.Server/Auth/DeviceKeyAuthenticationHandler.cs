using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;

namespace QueueKiosk.HubServer.Auth;

/// <summary>
/// Authenticates kiosks and display hosts by their key: header X-Device-Key, or
/// "Authorization: Bearer" / "access_token" query (what SignalR clients send on WebSockets).
/// Valid keys are remembered for a minute so a busy kiosk does not cost a query per request.
/// </summary>
public sealed class DeviceKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    HubDbContext db,
    DeviceKeyCache cache,
    TimeProvider time) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "DeviceKey";

    public static string? FindKey(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HubRoutes.DeviceKeyHeader, out var header) && !string.IsNullOrEmpty(header))
        {
            return header.ToString();
        }

        var authorization = request.Headers.Authorization.ToString();
        if (authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return authorization["Bearer ".Length..].Trim();
        }

        return request.Path.StartsWithSegments(HubRoutes.QueueHub) && request.Query.TryGetValue(HubRoutes.AccessTokenQuery, out var token)
            ? token.ToString()
            : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var key = FindKey(Request);
        if (string.IsNullOrEmpty(key))
        {
            return AuthenticateResult.NoResult();
        }

        var hash = DeviceKeys.Hash(key);
        var now = time.GetUtcNow();
        if (!cache.TryGet(hash, now, out var principal))
        {
            var device = await db.Devices.FirstOrDefaultAsync(d => d.KeyHash == hash && d.Active, Context.RequestAborted);
            if (device is null)
            {
                return AuthenticateResult.Fail("Unknown device key");
            }

            List<Claim> claims =
            [
                new Claim(ClaimTypes.NameIdentifier, device.Id.ToString()),
                new Claim(ClaimTypes.Name, device.Name),
                new Claim(ClaimTypes.Role, Policies.DeviceRole),
                new Claim(HubClaims.DeviceId, device.Id.ToString()),
                new Claim(HubClaims.DeviceKind, device.Kind.ToString()),
                new Claim(HubClaims.Site, device.SiteId.ToString()),
            ];
            // A rating tablet's counter: the tickets it may rate (RatingApi). Counter actions stay
            // staff-only (Policies.MayActAtCounter asks for the officer role as well).
            if (device.CounterId is { } counterId)
            {
                claims.Add(new Claim(HubClaims.Counter, counterId.ToString()));
            }

            principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
            cache.Set(hash, principal, now);
        }

        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}

public sealed class DeviceKeyCache
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (ClaimsPrincipal Principal, DateTimeOffset Until)> _entries = new();

    public bool TryGet(string hash, DateTimeOffset now, out ClaimsPrincipal principal)
    {
        if (_entries.TryGetValue(hash, out var entry) && entry.Until > now)
        {
            principal = entry.Principal;
            return true;
        }

        principal = null!;
        return false;
    }

    public void Set(string hash, ClaimsPrincipal principal, DateTimeOffset now) => _entries[hash] = (principal, now + Lifetime);

    /// <summary>A rotated or revoked key: its next request is checked against the database, where it no longer matches.</summary>
    public void Forget(string hash) => _entries.TryRemove(hash, out _);

    public void Clear() => _entries.Clear();
}
