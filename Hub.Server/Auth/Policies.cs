using System.Security.Claims;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Auth;

public static class Policies
{
    /// <summary>Signed-in officer, supervisor or admin.</summary>
    public const string Staff = "Staff";

    public const string Supervisor = "Supervisor";

    public const string Admin = "Admin";

    /// <summary>A kiosk device or any staff member: may issue tickets.</summary>
    public const string Issuer = "Issuer";

    /// <summary>Any authenticated caller (staff or device): snapshot and hub.</summary>
    public const string AnyClient = "AnyClient";

    /// <summary>Rate-limit policy for anonymous endpoints.</summary>
    public const string AnonymousRateLimit = "anonymous";

    public const string DeviceRole = "Device";
}

public static class HubClaims
{
    public const string Site = "qk:site";
    public const string Counter = "qk:counter";
    public const string DeviceKind = "qk:device_kind";
    public const string DeviceId = "qk:device";

    /// <summary>The officer's security stamp at sign-in: a session whose stamp is no longer the account's ends (StaffSessions).</summary>
    public const string SecurityStamp = "qk:stamp";

    /// <summary>Present when the account signed in with a password an admin set (PasswordChangeGate).</summary>
    public const string MustChangePassword = "qk:must_change_password";

    public static Guid? OfficerId(this ClaimsPrincipal user) =>
        user.IsInRole(Policies.DeviceRole) ? null : ParseGuid(user.FindFirstValue(ClaimTypes.NameIdentifier));

    public static Guid? DeviceIdOf(this ClaimsPrincipal user) => ParseGuid(user.FindFirstValue(DeviceId));

    public static Guid? CounterOf(this ClaimsPrincipal user) => ParseGuid(user.FindFirstValue(Counter));

    public static Guid? SiteOf(this ClaimsPrincipal user) => ParseGuid(user.FindFirstValue(Site));

    public static bool IsSupervisorOrAdmin(this ClaimsPrincipal user) =>
        user.IsInRole(nameof(OfficerRole.Supervisor)) || user.IsInRole(nameof(OfficerRole.Admin));

    /// <summary>Officers act only at the counter they signed in at; supervisors and admins anywhere in their site.</summary>
    public static bool MayActAtCounter(this ClaimsPrincipal user, Guid counterId, Guid counterSiteId) =>
        user.SiteOf() == counterSiteId && (user.IsSupervisorOrAdmin() || (user.IsInRole(nameof(OfficerRole.Officer)) && user.CounterOf() == counterId));

    private static Guid? ParseGuid(string? value) => Guid.TryParse(value, out var g) ? g : null;
}
