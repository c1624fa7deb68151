using System.Security.Claims;
using QueueKiosk.HubServer.Auth;

namespace QueueKiosk.HubServer.Administration;

/// <summary>
/// The caller of an administration method that is not a signed-in person: the set-up commands
/// (HubCommands) and the demo seeder. They call the same methods as the administration API
/// (issue 9, item 5: no second path to the database), so they need a principal that names the site
/// and the actor the audit rows show. It carries no officer id and no role: it is never an HTTP user.
/// </summary>
public static class SystemActor
{
    /// <summary>The name the audit shows for changes made by the set-up commands.</summary>
    public const string CommandLine = "cli";

    /// <summary>The name of the demo seeder (its changes are not audited, see <see cref="Unaudited"/>).</summary>
    public const string Demo = "demo";

    private const string UnauditedClaim = "qk:unaudited";

    /// <summary>An actor whose changes are audited under <paramref name="name"/>.</summary>
    public static ClaimsPrincipal Audited(string name, Guid? siteId) => Create(name, siteId, audited: true);

    /// <summary>
    /// An actor whose changes AdminAudit does not record. Only for sample data written into an empty
    /// database: it is not an administrative change by anyone, and sixty rows of it would bury the
    /// office's own changes on the audit page.
    /// </summary>
    public static ClaimsPrincipal Unaudited(string name, Guid siteId) => Create(name, siteId, audited: false);

    public static bool IsUnaudited(ClaimsPrincipal user) => user.HasClaim(UnauditedClaim, "true");

    private static ClaimsPrincipal Create(string name, Guid? siteId, bool audited)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        if (siteId is { } site)
        {
            claims.Add(new Claim(HubClaims.Site, site.ToString()));
        }

        if (!audited)
        {
            claims.Add(new Claim(UnauditedClaim, "true"));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "system"));
    }
}
