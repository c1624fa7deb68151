using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Domain;

/// <summary>
/// A numbered ticket. Status changes go through the methods below, which refuse a move that the
/// life cycle (Waiting -> Called -> Serving -> Served, or a side exit) does not allow.
/// A transfer puts the same ticket back to Waiting for another service or counter, keeping its
/// number and issue time, so the citizen's paper ticket stays valid.
/// </summary>
public sealed class Ticket
{
    private Ticket()
    {
    }

    public Guid Id { get; private set; }

    public Guid SiteId { get; private set; }

    public Guid ServiceId { get; private set; }

    /// <summary>Service that allocated the number; with LocalDay and NumberValue it is unique.</summary>
    public Guid NumberServiceId { get; private set; }

    public Guid? ProcedureId { get; private set; }

    public DateOnly LocalDay { get; private set; }

    public int NumberValue { get; private set; }

    public string Number { get; private set; } = "";

    public TicketStatus Status { get; private set; }

    public PriorityCategory Priority { get; private set; }

    public TicketChannel Channel { get; private set; }

    public Guid? CounterId { get; private set; }

    /// <summary>Set when transferred to one counter: only that counter calls it.</summary>
    public Guid? TargetCounterId { get; private set; }

    public DateTime IssuedAt { get; private set; }

    /// <summary>IssuedAt in Unix milliseconds: sortable and computable the same way on SQLite and PostgreSQL.</summary>
    public long IssuedMs { get; private set; }

    public DateTime? CalledAt { get; private set; }

    public DateTime? ServiceStartedAt { get; private set; }

    public DateTime? FinishedAt { get; private set; }

    public int RecallCount { get; private set; }

    /// <summary>
    /// The secret in the ticket's tracking link (docs/ticket-tracking.md): 128 random bits, base64url.
    /// Neither the number (it repeats every day) nor the id (it is sent to the displays) would do,
    /// since a phone that holds it may watch the ticket. Null on tickets issued before tracking existed.
    /// </summary>
    public string? TrackingToken { get; private set; }

    /// <summary>Salted hash of the citizen's chip ID card number (Citizens/CitizenIdHash), never the number; finds their dossiers and bookings.</summary>
    public string? CitizenIdHash { get; private set; }

    /// <summary>
    /// An appointment ticket served at its slot time (docs/appointments.md): the slot's start in Unix
    /// milliseconds, from which CallOrder calls it before the walk-ins. Null on every other ticket.
    /// </summary>
    public long? AppointmentAtMs { get; private set; }

    public static Ticket Issue(Guid siteId, Service service, Guid? procedureId, DateOnly localDay, int numberValue,
        PriorityCategory priority, TicketChannel channel, DateTime now, string? citizenIdHash = null, long? appointmentAtMs = null) => new()
        {
            Id = Guid.CreateVersion7(),
            SiteId = siteId,
            ServiceId = service.Id,
            NumberServiceId = service.Id,
            ProcedureId = procedureId,
            LocalDay = localDay,
            NumberValue = numberValue,
            Number = service.FormatNumber(numberValue),
            Status = TicketStatus.Waiting,
            Priority = priority,
            Channel = channel,
            IssuedAt = now,
            IssuedMs = new DateTimeOffset(now, TimeSpan.Zero).ToUnixTimeMilliseconds(),
            TrackingToken = NewTrackingToken(),
            CitizenIdHash = citizenIdHash,
            AppointmentAtMs = appointmentAtMs,
        };

    public const int TrackingTokenLength = 22;

    public static string NewTrackingToken() =>
        Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16))
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public bool IsActive => Status is TicketStatus.Called or TicketStatus.Serving;

    /// <summary>Waiting, called or being served: still in the live queue.</summary>
    public bool IsOpen => Status is TicketStatus.Waiting or TicketStatus.Called or TicketStatus.Serving;

    /// <summary>
    /// A remote ticket (taken from home) counts as confirmed once the officer presses Start, i.e. the
    /// citizen is at the counter. Called and recalled (two calls) without that, the citizen is not there.
    /// </summary>
    public bool IsUnconfirmedRemoteCalledTwice => Channel == TicketChannel.Remote && Status == TicketStatus.Called && RecallCount >= 1;

    /// <summary>A copy of every field, kept by the queue engine to undo an action that fails half-way.</summary>
    public Ticket Copy() => (Ticket)MemberwiseClone();

    public void Call(Guid counterId, DateTime now)
    {
        Require(TicketStatus.Waiting);
        Status = TicketStatus.Called;
        CounterId = counterId;
        TargetCounterId = null;
        CalledAt = now;
        RecallCount = 0;
    }

    public void Recall()
    {
        Require(TicketStatus.Called, TicketStatus.Serving);
        RecallCount++;
    }

    public void Start(DateTime now)
    {
        Require(TicketStatus.Called);
        Status = TicketStatus.Serving;
        ServiceStartedAt = now;
    }

    /// <summary>Finishing straight from Called is allowed: many officers never press "start".</summary>
    public void Finish(DateTime now)
    {
        Require(TicketStatus.Called, TicketStatus.Serving);
        ServiceStartedAt ??= CalledAt;
        Status = TicketStatus.Served;
        FinishedAt = now;
    }

    public void MarkNoShow(DateTime now)
    {
        Require(TicketStatus.Called);
        Status = TicketStatus.NoShow;
        FinishedAt = now;
    }

    public void Transfer(Guid? serviceId, Guid? counterId)
    {
        Require(TicketStatus.Waiting, TicketStatus.Called, TicketStatus.Serving);
        if (serviceId is { } s)
        {
            ServiceId = s;
        }

        TargetCounterId = counterId;
        Status = TicketStatus.Waiting;
        CounterId = null;
        CalledAt = null;
        ServiceStartedAt = null;
    }

    /// <summary>
    /// Undoes a transfer: the ticket is back where it was before it was sent on (called or being
    /// served at the counter that sent it, for its earlier service), as <paramref name="before"/> holds it.
    /// </summary>
    public void UndoTransfer(Ticket before)
    {
        ArgumentNullException.ThrowIfNull(before);
        Require(TicketStatus.Waiting);
        ServiceId = before.ServiceId;
        TargetCounterId = before.TargetCounterId;
        CounterId = before.CounterId;
        Status = before.Status;
        CalledAt = before.CalledAt;
        ServiceStartedAt = before.ServiceStartedAt;
    }

    public void Cancel(DateTime now)
    {
        Require(TicketStatus.Waiting, TicketStatus.Called);
        Status = TicketStatus.Cancelled;
        FinishedAt = now;
    }

    public void Expire(DateTime now)
    {
        Require(TicketStatus.Waiting);
        Status = TicketStatus.Expired;
        FinishedAt = now;
    }

    /// <summary>
    /// Undoes a closing action: a served ticket is being served again, a no-show is called again,
    /// a cancelled ticket goes back to where it was (called at its counter, or waiting).
    /// </summary>
    public void Reopen()
    {
        Require(TicketStatus.Served, TicketStatus.NoShow, TicketStatus.Cancelled);
        Status = Status switch
        {
            TicketStatus.Served => TicketStatus.Serving,
            TicketStatus.NoShow => TicketStatus.Called,
            _ => ReopensAtCounter ? TicketStatus.Called : TicketStatus.Waiting,
        };
        FinishedAt = null;
    }

    /// <summary>Whether <see cref="Reopen"/> puts the ticket back at its counter (rather than in the queue).</summary>
    public bool ReopensAtCounter => Status is TicketStatus.Served or TicketStatus.NoShow || (CounterId is not null && CalledAt is not null);

    /// <summary>A no-show who turns up late waits again with the same number and issue time, for <paramref name="counterId"/> only.</summary>
    public void Requeue(Guid counterId)
    {
        Require(TicketStatus.NoShow);
        Status = TicketStatus.Waiting;
        TargetCounterId = counterId;
        CounterId = null;
        CalledAt = null;
        ServiceStartedAt = null;
        FinishedAt = null;
        RecallCount = 0;
    }

    private void Require(params TicketStatus[] allowed)
    {
        if (Array.IndexOf(allowed, Status) < 0)
        {
            throw new DomainException(Errors.TicketBadStatus.With(Number, Status.ToString()));
        }
    }
}
