using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Auth;

/// <summary>
/// Ends old staff sessions (issue 15, item 4): the sign-in cookie carries the account's security
/// stamp, and every request checks it against the account's current one. An admin's password reset,
/// lock, retire, role or counters change and the person's own password change or sign-out renew the
/// stamp, so a cookie issued before stops working. The current stamps are remembered for
/// <see cref="Lifetime"/> per account so a counter's requests do not each cost a query; a change made
/// on this server forgets the account's entry at once (<see cref="Forget"/>), another server of the
/// same database notices within <see cref="Lifetime"/>.
/// </summary>
public sealed class StaffSessions(TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(30);
    private const int MaxEntries = 10_000;
    private readonly ConcurrentDictionary<Guid, (string? Stamp, DateTimeOffset Until)> _stamps = new();

    /// <summary>The stamp a session of this account must carry; null when the account may not be signed in at all (retired, locked, gone).</summary>
    public async Task<string?> CurrentStampAsync(Guid officerId, HubDbContext db, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        if (_stamps.TryGetValue(officerId, out var entry) && entry.Until > now)
        {
            return entry.Stamp;
        }

        var stamp = await db.Officers.Where(o => o.Id == officerId && o.Active && !o.Locked).Select(o => o.SecurityStamp).FirstOrDefaultAsync(ct);
        if (_stamps.Count >= MaxEntries)
        {
            // Bounded memory: a site has tens of staff, so this only happens under a flood of made-up ids.
            _stamps.Clear();
        }

        _stamps[officerId] = (stamp, now + Lifetime);
        return stamp;
    }

    /// <summary>Called after the account's stamp changed on this server: its next request reads the new one.</summary>
    public void Forget(Guid officerId) => _stamps.TryRemove(officerId, out _);

    /// <summary>The cookie handler's per-request check (CookieAuthenticationEvents.OnValidatePrincipal).</summary>
    public static async Task ValidateAsync(CookieValidatePrincipalContext context)
    {
        var user = context.Principal;
        var stamp = user?.FindFirstValue(HubClaims.SecurityStamp);
        if (user?.OfficerId() is { } officerId && stamp is not null)
        {
            var services = context.HttpContext.RequestServices;
            var current = await services.GetRequiredService<StaffSessions>()
                .CurrentStampAsync(officerId, services.GetRequiredService<HubDbContext>(), context.HttpContext.RequestAborted);
            if (string.Equals(current, stamp, StringComparison.Ordinal))
            {
                return;
            }
        }

        // A cookie without a stamp comes from before stamps existed: it ends too, the person signs in again.
        context.RejectPrincipal();
        await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
    }

    /// <summary>The claims of a staff session: who, role, site, the counter signed in at, the stamp, and whether the password must change first.</summary>
    public static ClaimsPrincipal Principal(Officer officer, Guid? counterId)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, officer.Id.ToString()),
            new(ClaimTypes.Name, officer.UserName),
            new(ClaimTypes.GivenName, officer.DisplayName),
            new(ClaimTypes.Role, officer.Role.ToString()),
            new(HubClaims.Site, officer.SiteId.ToString()),
            new(HubClaims.SecurityStamp, officer.SecurityStamp),
        };
        if (counterId is { } counter)
        {
            claims.Add(new Claim(HubClaims.Counter, counter.ToString()));
        }

        if (officer.MustChangePassword)
        {
            claims.Add(new Claim(HubClaims.MustChangePassword, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, CookieAuthenticationDefaults.AuthenticationScheme));
    }
}
