using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Domain;

public sealed class Officer
{
    public const int MaxFailedLogins = 5;
    public static readonly TimeSpan LockoutTime = TimeSpan.FromMinutes(15);

    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public string UserName { get; set; } = "";

    public string DisplayName { get; set; } = "";

    public OfficerRole Role { get; set; }

    public string PasswordHash { get; set; } = "";

    public int FailedLogins { get; private set; }

    public DateTime? LockedUntil { get; private set; }

    /// <summary>False once retired: cannot sign in, keeps its history.</summary>
    public bool Active { get; set; } = true;

    /// <summary>Locked by an admin (unlike the timed lock after failed sign-ins, it lasts until unlocked).</summary>
    public bool Locked { get; set; }

    /// <summary>Set when an admin sets or resets the password: the next sign-in must choose a new one.</summary>
    public bool MustChangePassword { get; set; }

    /// <summary>Changed whenever the password, role, lock or counters change: sessions signed in under an older stamp end.</summary>
    public string SecurityStamp { get; set; } = Guid.NewGuid().ToString("N");

    /// <summary>The counters an officer may sign in at (empty: any counter of the site).</summary>
    public List<OfficerCounter> Counters { get; set; } = [];

    /// <summary>Ends every session signed in before now (the cookie carries the stamp it was issued under).</summary>
    public void RenewSecurityStamp() => SecurityStamp = Guid.NewGuid().ToString("N");

    public bool IsLockedOut(DateTime now) => LockedUntil is { } until && until > now;

    public void RecordFailedLogin(DateTime now)
    {
        FailedLogins++;
        if (FailedLogins >= MaxFailedLogins)
        {
            LockedUntil = now + LockoutTime;
            FailedLogins = 0;
        }
    }

    public void RecordSuccessfulLogin()
    {
        FailedLogins = 0;
        LockedUntil = null;
    }
}

public sealed class OfficerCounter
{
    public Guid OfficerId { get; set; }

    public Guid CounterId { get; set; }
}

/// <summary>A kiosk or display host; it proves itself with a key of which only the SHA-256 is stored.</summary>
public sealed class Device
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public DeviceKind Kind { get; set; }

    public string Name { get; set; } = "";

    public string KeyHash { get; set; } = "";

    public string? Status { get; set; }

    public DateTime? LastSeenAt { get; set; }

    public bool Active { get; set; } = true;

    /// <summary>The counter a rating tablet faces (hardware-docs/rating-tablet.md); null for other kinds.</summary>
    public Guid? CounterId { get; set; }
}

public sealed class Rating
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public Guid TicketId { get; set; }

    public Guid? CounterId { get; set; }

    public Guid? OfficerId { get; set; }

    /// <summary>The satisfaction level (<c>SatisfactionLevel</c>, 1 to 4); null when the citizen did not rate before the tablet timed out.</summary>
    public int? Score { get; set; }

    /// <summary>Free text of a low rating, NFC.</summary>
    public string? Reason { get; set; }

    /// <summary>Codes of the reasons picked from the short list (<c>RatingReasons</c>), comma-separated.</summary>
    public string? Reasons { get; set; }

    /// <summary>Circular 01/2018 indices a device may collect (docs/ratings.md): 0, 1 or 2 points each; null when not asked.</summary>
    public int? Index1 { get; set; }

    public int? Index3 { get; set; }

    public int? Index4 { get; set; }

    public int? Index7 { get; set; }

    /// <summary>The rating tablet that sent it.</summary>
    public Guid? DeviceId { get; set; }

    public DateTime At { get; set; }
}

/// <summary>Local copy of a dossier's status (import or demo); the real one-stop e-system plugs in behind IDossierStatusSource.</summary>
public sealed class DossierRecord
{
    public string Code { get; set; } = "";

    public Guid SiteId { get; set; }

    public string ApplicantName { get; set; } = "";

    public string ProcedureName { get; set; } = "";

    public DossierState State { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public DateOnly DueOn { get; set; }

    public DateOnly? CompletedOn { get; set; }

    public string? Note { get; set; }

    /// <summary>Salted hash of the applicant's chip ID card number, made at import (Citizens/CitizenIdHash); never the number.</summary>
    public string? CitizenIdHash { get; set; }
}

/// <summary>Append-only history; (SiteId, Sequence) is unique and gap-free per site.</summary>
public sealed class TicketEvent
{
    public Guid SiteId { get; set; }

    public long Sequence { get; set; }

    public Guid? TicketId { get; set; }

    public Guid? CounterId { get; set; }

    public Guid? OfficerId { get; set; }

    public TicketEventKind Kind { get; set; }

    public DateTime At { get; set; }

    public string? Detail { get; set; }
}

/// <summary>One administrative change: who, when, what, and the record before and after (JSON). Append-only.</summary>
public sealed class AdminChange
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public DateTime At { get; set; }

    public Guid? ActorId { get; set; }

    public string ActorName { get; set; } = "";

    /// <summary>What was done: create, update, retire, restore, import, password, lock, unlock, rotate-key, revoke.</summary>
    public string Action { get; set; } = "";

    /// <summary>The kind of record: site, field, procedure, service, priority, counter, staff, calendar, device, catalogue.</summary>
    public string Entity { get; set; } = "";

    public string EntityId { get; set; } = "";

    public string? Before { get; set; }

    public string? After { get; set; }
}

public static class AdminChangeLimits
{
    /// <summary>A record's JSON before or after a change (a procedure with its documents is the largest).</summary>
    public const int RecordJson = 16000;
}
