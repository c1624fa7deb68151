using System.Globalization;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Auth;

/// <summary>Who may sign in, and where (issue 9 staff accounts; issue 15, item 5: an officer works only at the counters assigned).</summary>
public static class StaffSignIn
{
    /// <summary>A retired or admin-locked account cannot sign in, whatever the password.</summary>
    public static void EnsureMaySignIn(Officer officer)
    {
        if (!officer.Active)
        {
            throw new DomainException(Errors.AccountRetired);
        }

        if (officer.Locked)
        {
            throw new DomainException(Errors.AccountLockedByAdmin);
        }
    }

    /// <summary>The counter must be in service and, when the account has a list of counters, on it.</summary>
    public static void EnsureMayWorkAt(Officer officer, CounterInfo counter)
    {
        if (officer.Counters.Count > 0 && officer.Counters.All(c => c.CounterId != counter.Id))
        {
            throw new DomainException(Errors.CounterNotAllowed, "counterId");
        }

        if (!counter.Active)
        {
            throw new DomainException(Errors.CounterRetired.With(counter.Number.ToString(CultureInfo.InvariantCulture)), "counterId");
        }
    }

    /// <summary>Renews the signed-in person's stamp: every copy of their cookie stops working.</summary>
    public static async Task EndSessionsAsync(ClaimsPrincipal user, HubDbContext db, StaffSessions sessions, CancellationToken ct)
    {
        if (user.OfficerId() is not { } officerId)
        {
            return;
        }

        var officer = await db.Officers.AsTracking().FirstOrDefaultAsync(o => o.Id == officerId, ct);
        if (officer is null)
        {
            return;
        }

        officer.RenewSecurityStamp();
        await db.SaveChangesAsync(ct);
        sessions.Forget(officerId);
    }
}
