using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Auth;

/// <summary>
/// A session signed in with a password an admin set may only change it (issue 9, staff accounts):
/// every API and the hub answer 403 "đổi mật khẩu" until then, except changing the password, reading
/// who is signed in and signing out. Runs after authentication, before the endpoints.
/// </summary>
public static class PasswordChangeGate
{
    private static readonly string[] StillAllowed = [HubRoutes.OwnPassword, HubRoutes.Me, HubRoutes.Logout, HubRoutes.Login];

    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.HasClaim(c => c.Type == HubClaims.MustChangePassword) && Guarded(context.Request.Path))
        {
            // The exception handler turns it into the Vietnamese ProblemDetails like every other refusal.
            throw new DomainException(Errors.PasswordChangeRequired);
        }

        await next(context);
    });

    private static bool Guarded(PathString path) =>
        (path.StartsWithSegments(HubRoutes.Api) || path.StartsWithSegments(HubRoutes.QueueHub))
        && !StillAllowed.Any(allowed => path.Equals(allowed, StringComparison.OrdinalIgnoreCase));
}
