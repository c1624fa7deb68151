namespace QueueKiosk.HubClient.Contracts;

// Wire records shared by the hub and its clients. Times are UTC; clients show them in the
// site's zone (SiteDto.TimeZone). Add members at the end; never rename (kiosks and displays
// in the field may run an older build).

/// <summary>A site as its devices read it: the name and ticket texts the kiosk prints, the hall TV's title, the kiosk's idle time.</summary>
/// <param name="LogoUrl">Route of the logo (<see cref="HubRoutes.SiteLogo"/>), or null when the site has none.</param>
/// <param name="PriorityGroups">The priority groups the kiosk offers, in order (the office names them); null from a hub older than the groups.</param>
public sealed record SiteDto(
    Guid Id,
    string Code,
    string Name,
    string TimeZone,
    string Address,
    IReadOnlyList<OpeningHoursDto> OpeningHours,
    string TicketHeader = "",
    string TicketFooter = "",
    string TicketThankYou = "",
    int KioskIdleSeconds = SiteDto.DefaultKioskIdleSeconds,
    string? LogoUrl = null,
    IReadOnlyList<PriorityGroupDto>? PriorityGroups = null)
{
    /// <summary>The kiosk's idle time until an administrator sets the site's own (also what a kiosk uses before the hub first answers).</summary>
    public const int DefaultKioskIdleSeconds = 60;
}

/// <summary>A priority group the kiosk asks about ("Người cao tuổi"): the category the ticket carries and the office's names for it.</summary>
public sealed record PriorityGroupDto(PriorityCategory Category, string Name, string? NameEn, int SortOrder);

/// <summary>One opening interval on a weekday, local time of the site ("07:30" .. "11:30").</summary>
public sealed record OpeningHoursDto(DayOfWeek Day, TimeOnly Opens, TimeOnly Closes);

/// <summary>A lĩnh vực (field) of procedures, e.g. "Tư pháp - Hộ tịch".</summary>
public sealed record FieldDto(Guid Id, string Code, string Name, string? NameEn, int ProcedureCount);

public sealed record ProcedureDocumentDto(string Name, int Originals, int Copies, string? Note);

/// <summary>An administrative procedure (TTHC) as the kiosk shows it.</summary>
/// <param name="NameEn">The English name for the kiosk's English mode; null when the catalogue has none (the kiosk then says so).</param>
public sealed record ProcedureDto(
    Guid Id,
    string Code,
    string Name,
    Guid FieldId,
    string FieldName,
    string Level,
    string Agency,
    string ProcessingTime,
    string Fees,
    IReadOnlyList<ProcedureDocumentDto> Documents,
    string LegalBasis,
    Guid? ServiceId,
    string? NameEn = null);

/// <summary>What a ticket is for, with its live queue figures.</summary>
public sealed record ServiceDto(
    Guid Id,
    string Code,
    string Name,
    string? NameEn,
    string Prefix,
    int WaitingCount,
    int EstimatedWaitMinutes,
    int WaitTargetMinutes,
    bool Active);

public sealed record CounterServiceDto(Guid ServiceId, string ServiceCode, int Order, int Weight);

public sealed record CounterDto(
    Guid Id,
    int Number,
    string Name,
    CounterState State,
    string? PauseReason,
    Guid? CurrentTicketId,
    string? CurrentTicketNumber,
    IReadOnlyList<CounterServiceDto> Services,
    int? LedAddress,
    string? CameraId,
    string? OfficerName);

/// <summary>A ticket as every screen sees it.</summary>
/// <param name="TargetCounterId">While a ticket transferred to one counter waits: that counter (only it calls the ticket).</param>
/// <param name="TrackingUrl">Only in the answer to the kiosk that issued it: the public tracking page for its QR code (never broadcast).</param>
public sealed record TicketDto(
    Guid Id,
    Guid SiteId,
    string Number,
    int NumberValue,
    Guid ServiceId,
    string ServiceCode,
    string ServiceName,
    Guid? ProcedureId,
    string? ProcedureName,
    TicketStatus Status,
    PriorityCategory Priority,
    TicketChannel Channel,
    Guid? CounterId,
    int? CounterNumber,
    DateTimeOffset IssuedAt,
    DateTimeOffset? CalledAt,
    DateTimeOffset? ServiceStartedAt,
    DateTimeOffset? FinishedAt,
    int PeopleAhead,
    int EstimatedWaitMinutes,
    DateOnly LocalDay,
    int RecallCount,
    Guid? TargetCounterId = null,
    string? TrackingUrl = null);

/// <summary>Everything a screen needs to draw the queue; LastSequence tells which events it already includes.</summary>
public sealed record QueueSnapshotDto(
    Guid SiteId,
    long LastSequence,
    DateTimeOffset TakenAt,
    bool IsOpen,
    IReadOnlyList<ServiceDto> Services,
    IReadOnlyList<CounterDto> Counters,
    IReadOnlyList<TicketDto> Waiting,
    IReadOnlyList<TicketDto> Active,
    IReadOnlyList<TicketDto> RecentCalls);

/// <param name="MayBeOutdated">
/// True when the site's upstream (the province, docs/province.md "Dossier status from upstream")
/// did not answer and this is the site's last cached answer; the kiosk says so.
/// </param>
/// <param name="StatusAsOf">When the status was last confirmed by the upstream (null: never asked upstream, or not known since the hub restarted).</param>
public sealed record DossierStatusDto(
    string Code,
    string MaskedApplicantName,
    string ProcedureName,
    DossierState State,
    string StateText,
    DateOnly ReceivedOn,
    DateOnly DueOn,
    DateOnly? CompletedOn,
    string? Note,
    bool MayBeOutdated = false,
    DateTimeOffset? StatusAsOf = null);

/// <summary>
/// One dossier's status as the province one-stop e-system hands it to the province tier
/// (PUT <see cref="HubRoutes.ProvinceDossiers"/>, docs/province.md "Dossier status from upstream").
/// </summary>
public sealed record ProvinceDossierStatus(
    string Code,
    string ApplicantName,
    string ProcedureName,
    DossierState State,
    DateOnly ReceivedOn,
    DateOnly DueOn,
    DateOnly? CompletedOn = null,
    string? Note = null,
    Guid? SiteId = null);

/// <summary>A batch of statuses (at most <see cref="MaxCount"/>); each replaces the stored status of its code.</summary>
public sealed record ProvinceDossierBatch(IReadOnlyList<ProvinceDossierStatus> Dossiers)
{
    public const int MaxCount = 1000;
}

public sealed record ProvinceDossierBatchResult(int Stored);

// Requests

public sealed record IssueTicketRequest(
    Guid? ServiceId = null,
    Guid? ProcedureId = null,
    PriorityCategory Priority = PriorityCategory.None,
    TicketChannel Channel = TicketChannel.Kiosk,
    Guid? SiteId = null,
    string? CitizenIdNumber = null);

/// <summary>
/// The citizen's 12-digit chip ID card number (CCCD) as the kiosk's scanner read it, sent only so the
/// hub can store a salted hash of it (docs: hardware-docs/kiosk.md, "Chip ID card"); the hub never
/// stores or logs the number itself.
/// </summary>
public sealed record CitizenDossiersRequest(string CitizenIdNumber);

/// <summary>Check-in at the kiosk for a booking, by its code (typed or scanned from its QR) or by the citizen's chip ID card number.</summary>
public sealed record AppointmentCheckInRequest(string? Code = null, string? CitizenIdNumber = null);

/// <summary>The ticket a check-in issued; Late: outside the window, issued as a walk-in ticket, which the messages say.</summary>
public sealed record AppointmentCheckInResult(TicketDto Ticket, bool Late, string MessageVi, string MessageEn);

public sealed record CallTicketRequest(Guid TicketId);

public sealed record TransferTicketRequest(Guid? ServiceId = null, Guid? CounterId = null, string? Reason = null);

public sealed record PauseCounterRequest(string Reason);

public sealed record CancelTicketRequest(string? Reason = null);

/// <param name="TakeOver">Sign in at a counter where another officer is signed in, ending that officer's session there (asked only after the refusal named them).</param>
public sealed record LoginRequest(string UserName, string Password, Guid? CounterId = null, bool TakeOver = false);

/// <summary>Which closed ticket to reopen (POST counters/{id}/undo).</summary>
public sealed record UndoTicketRequest(Guid TicketId);

/// <summary>The number on a no-show citizen's paper (POST counters/{id}/requeue).</summary>
public sealed record RequeueTicketRequest(string Number);

/// <param name="MustChangePassword">Signed in with a password an admin set: every API but OwnPassword, Me and Logout answers 403 until it is changed.</param>
public sealed record MeDto(Guid Id, string UserName, string DisplayName, OfficerRole Role, Guid SiteId, Guid? CounterId, int? CounterNumber,
    bool MustChangePassword = false);

/// <summary>
/// A citizen's rating from the counter's tablet (docs/ratings.md). <paramref name="Score"/> is a
/// <see cref="SatisfactionLevel"/> (1 to 4), or null with <paramref name="NotRated"/> when the tablet timed out;
/// <paramref name="Reasons"/> are codes of <see cref="RatingReasons"/>, <paramref name="Reason"/> the citizen's own words.
/// </summary>
public sealed record RatingRequest(int? Score, string? Reason = null, bool NotRated = false, IReadOnlyList<string>? Reasons = null,
    RatingIndicesDto? Indices = null);

/// <summary>Answer to an issue attempt outside opening hours (also in the ProblemDetails extension "opensAt").</summary>
public sealed record ClosedInfoDto(DateTimeOffset OpensAt, string OpensAtLocal);
