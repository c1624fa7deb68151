using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Auth;

public static class AuthExtensions
{
    private const string SmartScheme = "CookieOrDevice";

    public static IServiceCollection AddHubAuth(this IServiceCollection services)
    {
        services.AddSingleton<DeviceKeyCache>();
        services.AddSingleton<StaffSessions>();
        services.AddSingleton<IPasswordHasher<Officer>, PasswordHasher<Officer>>();
        services.AddAuthentication(SmartScheme)
            // One default scheme that picks: a device key when one is sent, otherwise the cookie.
            .AddPolicyScheme(SmartScheme, null, o => o.ForwardDefaultSelector = ctx =>
                DeviceKeyAuthenticationHandler.FindKey(ctx.Request) is null ? CookieAuthenticationDefaults.AuthenticationScheme : DeviceKeyAuthenticationHandler.SchemeName)
            .AddCookie(o =>
            {
                o.Cookie.Name = "qk.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                // An API answers 401/403; it never redirects to a login page.
                o.Events.OnRedirectToLogin = ctx => Status(ctx, 401);
                o.Events.OnRedirectToAccessDenied = ctx => Status(ctx, 403);
                // Sessions end when the account's security stamp changes (password, lock, retire, role, counters, sign-out).
                o.Events.OnValidatePrincipal = StaffSessions.ValidateAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, DeviceKeyAuthenticationHandler>(DeviceKeyAuthenticationHandler.SchemeName, null);
        // Registered after AddCookie, so it runs after the post-configure that creates the format.
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, CachedTicketFormat.Install>();

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, p => p.RequireRole(nameof(OfficerRole.Officer), nameof(OfficerRole.Supervisor), nameof(OfficerRole.Admin)))
            .AddPolicy(Policies.Supervisor, p => p.RequireRole(nameof(OfficerRole.Supervisor), nameof(OfficerRole.Admin)))
            .AddPolicy(Policies.Admin, p => p.RequireRole(nameof(OfficerRole.Admin)))
            .AddPolicy(Policies.Issuer, p => p.RequireAssertion(ctx =>
                ctx.User.HasClaim(HubClaims.DeviceKind, nameof(DeviceKind.Kiosk))
                || ctx.User.IsInRole(nameof(OfficerRole.Officer)) || ctx.User.IsInRole(nameof(OfficerRole.Supervisor)) || ctx.User.IsInRole(nameof(OfficerRole.Admin))))
            .AddPolicy(Policies.AnyClient, p => p.RequireAuthenticatedUser());

        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            // Anonymous look-ups (catalogue, dossier status) are limited per client address;
            // signed-in staff and devices are not, since a kiosk polls on behalf of many people.
            o.AddPolicy(Policies.AnonymousRateLimit, ctx => ctx.User.Identity?.IsAuthenticated == true
                ? RateLimitPartition.GetNoLimiter("authenticated")
                : RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = 120, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
        });
        return services;
    }

    private static Task Status(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        ctx.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
