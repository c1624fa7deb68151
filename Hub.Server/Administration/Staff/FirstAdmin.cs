using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Administration.Staff;

/// <summary>
/// First start outside demo mode (issue 9; docs/administration.md): until an admin account exists,
/// the sign-in pages show the command that creates one. Once one exists it is remembered, so the
/// pages stop asking the database.
/// </summary>
public sealed class FirstAdmin
{
    private volatile bool _exists;

    /// <summary>The command line, run in the folder of Hub.Server.dll with the server's settings (same database).</summary>
    public static string Command => $"cd {AppContext.BaseDirectory.TrimEnd('/')} && dotnet Hub.Server.dll admin create --user quantri --password '<mật khẩu>' --name \"Quản trị viên\"";

    public async Task<bool> ExistsAsync(HubDbContext db, CancellationToken ct)
    {
        if (!_exists)
        {
            _exists = await db.Officers.AnyAsync(o => o.Role == OfficerRole.Admin && o.Active, ct);
        }

        return _exists;
    }
}
