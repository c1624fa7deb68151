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

    public bool Active { get; set; } = true;

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
}

public sealed class Rating
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public Guid TicketId { get; set; }

    public Guid? CounterId { get; set; }

    public Guid? OfficerId { get; set; }

    public int Score { get; set; }

    public string? Reason { get; set; }

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
