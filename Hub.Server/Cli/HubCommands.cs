using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration;
using QueueKiosk.HubServer.Administration.Devices;
using QueueKiosk.HubServer.Administration.SiteSettings;
using QueueKiosk.HubServer.Administration.Staff;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Cli;

/// <summary>
/// Set-up commands run instead of the server (there are no default accounts outside demo mode):
///   dotnet Hub.Server.dll admin create --user X --password Y [--name "..."]
///   dotnet Hub.Server.dll device create --kind Kiosk|Display|RatingTablet --name K1
/// They use the same configuration (Database:Provider...) as the server and migrate first.
/// </summary>
public static class HubCommands
{
    public static bool IsCommand(string[] args) => args is ["admin" or "device" or "site", "create", ..];

    /// <summary>Strips the command words so the remaining "--Key=value" settings reach configuration.</summary>
    public static string[] ConfigurationArgs(string[] args)
    {
        var known = new HashSet<string>(StringComparer.Ordinal) { "--user", "--password", "--name", "--kind", "--code", "--hours" };
        var rest = new List<string>();
        for (var i = 2; i < args.Length; i++)
        {
            if (known.Contains(args[i]))
            {
                i++;
                continue;
            }

            rest.Add(args[i]);
        }

        return [.. rest];
    }

    public static async Task<int> RunAsync(string[] args, IServiceProvider services, TextWriter output)
    {
        try
        {
            return await RunCommandAsync(args, services, output);
        }
        catch (DomainException refused)
        {
            // The administration's own message, in English for the console (a user name taken is a conflict: exit code 1).
            await Console.Error.WriteLineAsync($"error: {refused.Error.Text(english: true)}");
            return refused.Kind == ErrorKind.Conflict ? 1 : 2;
        }
    }

    private static async Task<int> RunCommandAsync(string[] args, IServiceProvider services, TextWriter output)
    {
        string? Option(string name)
        {
            var index = Array.IndexOf(args, name);
            // NFC like every request body (NfcStringConverter): a name or password typed in a terminal may come decomposed.
            return index >= 0 && index + 1 < args.Length ? SafeText.ToNfc(args[index + 1]) : null;
        }

        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var time = scope.ServiceProvider.GetRequiredService<TimeProvider>();
        switch (args[0])
        {
            case "site":
                {
                    var site = await EnsureSiteAsync(db, time, Option("--code"), Option("--name"), Option("--hours"));
                    output.WriteLine($"site {site.Code} ({site.Id})");
                    return 0;
                }

            case "admin":
                {
                    var user = Option("--user");
                    var password = Option("--password");
                    if (string.IsNullOrWhiteSpace(user) || string.IsNullOrEmpty(password))
                    {
                        await Console.Error.WriteLineAsync("usage: admin create --user NAME --password PASSWORD (at least 8 characters, letters and digits) [--name \"Display name\"]");
                        return 2;
                    }

                    var site = await EnsureSiteAsync(db, time, null, null, null);
                    // The same checks as the staff page (user name free, Validate.Password); the installer chose the password, so no change is forced.
                    await StaffApi.CreateAccountAsync(new CreateStaffRequest(user, Option("--name") ?? user, OfficerRole.Admin, password), mustChangePassword: false,
                        Actor(site), db, scope.ServiceProvider.GetRequiredService<IPasswordHasher<Officer>>(), time, CancellationToken.None);
                    output.WriteLine($"admin '{user}' created for site {site.Code}");
                    return 0;
                }

            case "device":
                {
                    if (!Enum.TryParse<DeviceKind>(Option("--kind"), ignoreCase: true, out var kind) || string.IsNullOrWhiteSpace(Option("--name")))
                    {
                        await Console.Error.WriteLineAsync("usage: device create --kind Kiosk|Display|RatingTablet --name NAME");
                        return 2;
                    }

                    var site = await EnsureSiteAsync(db, time, null, null, null);
                    var (device, key) = await DevicesApi.AddAsync(new CreateDeviceRequest(kind, Option("--name")!), Actor(site), db, time, CancellationToken.None);
                    output.WriteLine($"device '{device.Name}' ({kind}) created; its key is shown only now:");
                    output.WriteLine(key);
                    return 0;
                }

            default:
                return 2;
        }
    }

    /// <summary>Changes made by these commands are audited under the actor "cli".</summary>
    private static ClaimsPrincipal Actor(Site site) => SystemActor.Audited(SystemActor.CommandLine, site.Id);

    /// <summary>The first site, created from the given or default values when the database has none.</summary>
    private static async Task<Site> EnsureSiteAsync(HubDbContext db, TimeProvider time, string? code, string? name, string? hours)
    {
        var existing = await db.Sites.AsTracking().OrderBy(s => s.Code).FirstOrDefaultAsync();
        if (existing is not null)
        {
            return existing;
        }

        var request = new NewSiteRequest(code ?? "SITE", name ?? "Bộ phận Một cửa", null, "Asia/Ho_Chi_Minh", hours ?? "Mon-Fri 07:30-11:30,13:00-17:00");
        return await SiteCreation.CreateAsync(request, SystemActor.Audited(SystemActor.CommandLine, null), db, time, CancellationToken.None);
    }
}
