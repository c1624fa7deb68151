using Microsoft.AspNetCore.DataProtection;
using QueueKiosk.HubServer.Data;

namespace QueueKiosk.HubServer.Security;

/// <summary>
/// The ASP.NET data-protection key ring (it signs and encrypts staff cookies and antiforgery
/// tokens) kept in the hub's own database, table DataProtectionKeys, under one application name.
/// Every node on one database therefore shares one ring: a cookie issued by one node behind a
/// balancer is accepted by every other (docs/province.md, "Scale-out"). The site model's
/// HubDbContext holds it in every role, also Hub:Role=Province: a staff cookie names an account
/// of that same database, and a second table in the province schema would only be a copy.
/// A single SQLite site gets the same ring in its database, so its keys live and are backed up
/// with its data instead of in the service account's home folder.
/// </summary>
public static class SharedKeyRing
{
    /// <summary>The same on every node; the data-protection purpose strings derive from it, so changing it signs everybody out.</summary>
    public const string ApplicationName = "QueueKiosk.Hub";

    public static IServiceCollection AddSharedKeyRing(this IServiceCollection services)
    {
        services.AddDataProtection()
            .SetApplicationName(ApplicationName)
            .PersistKeysToDbContext<HubDbContext>();
        return services;
    }
}
