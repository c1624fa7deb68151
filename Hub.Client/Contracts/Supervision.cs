using System.Text.Json.Serialization;

namespace QueueKiosk.HubClient.Contracts;

// Supervisor desk: dashboard, alerts, ticket history with recordings, reports. Times are UTC.
// Add members at the end; never rename.

/// <summary>What went wrong. One open alert per kind and subject at a time.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AlertKind>))]
public enum AlertKind
{
    /// <summary>The oldest waiting ticket of a service has waited longer than the service's target.</summary>
    WaitAboveTarget,

    /// <summary>A kiosk's ticket printer is out of paper.</summary>
    PrinterPaperOut,

    /// <summary>A kiosk's ticket printer is offline, its cover open, or in error.</summary>
    PrinterOffline,

    /// <summary>A kiosk or display host missed several heartbeats.</summary>
    DeviceOffline,

    /// <summary>A counter has been paused longer than allowed.</summary>
    CounterPausedTooLong,

    /// <summary>A camera delivers no picture.</summary>
    CameraDown,

    /// <summary>An open counter where the camera has seen nobody for CameraAnalytics:EmptyCounterMinutes.</summary>
    CounterUnattended,

    /// <summary>A closed (signed-out) counter where the camera sees someone working.</summary>
    CounterOccupiedWhileClosed,

    /// <summary>A ticket called at a counter and not started for Supervision:CalledNotStartedMinutes.</summary>
    CalledNotStarted,

    /// <summary>An open counter with no officer signed in for Supervision:OpenWithoutOfficerMinutes.</summary>
    CounterOpenWithoutOfficer,

    /// <summary>A staff account has failed to sign in Security:SignInFailuresPerAccount times: someone may be guessing its password.</summary>
    SignInAttack,

    /// <summary>A citizen rated the service "Không hài lòng" on a counter's rating tablet (docs/ratings.md).</summary>
    LowRating,
}

/// <summary>
/// An alert. Cleared when the cause goes away; it leaves the list once cleared and acknowledged.
/// The text comes in both languages, each whole (a page shows one): <paramref name="MessageVi"/>
/// and <paramref name="MessageEn"/>. <paramref name="Message"/> is the Vietnamese text, kept for
/// readers written before the English one existed.
/// </summary>
public sealed record AlertDto(
    Guid Id,
    Guid SiteId,
    AlertKind Kind,
    string Subject,
    string Message,
    DateTimeOffset RaisedAt,
    DateTimeOffset? ClearedAt,
    DateTimeOffset? AcknowledgedAt,
    string? AcknowledgedBy,
    string MessageVi = "",
    string MessageEn = "");

/// <summary>Pushed to the supervisors group as <see cref="SupervisionEvents.AlertRaised"/> or <see cref="SupervisionEvents.AlertUpdated"/>.</summary>
public sealed record AlertEvent(Guid SiteId, AlertDto Alert);

/// <summary>Pushed to the supervisors group when a device reported or went silent.</summary>
public sealed record DeviceHealthEvent(Guid SiteId, DeviceHealthDto Device);

/// <summary>Event names of the supervisors group, on the same hub as the queue events.</summary>
public static class SupervisionEvents
{
    public const string AlertRaised = "AlertRaised";
    public const string AlertUpdated = "AlertUpdated";
    public const string DeviceHealthChanged = "DeviceHealthChanged";

    /// <summary>
    /// The node's link to the other nodes (Redis, docs/province.md "Scale-out") dropped or is back
    /// (<see cref="RealtimeStatusEvent"/>): while it is down the dashboard reloads by snapshot.
    /// </summary>
    public const string RealtimeStatus = "RealtimeStatus";
}

/// <summary>
/// Sent by a node to its own supervisors' connections when its Redis backplane goes down (ScaleOutUp
/// false: only this node's events arrive live, the page reloads its data by snapshot) or on joining
/// while it is down.
/// </summary>
public sealed record RealtimeStatusEvent(bool ScaleOutUp, string MessageVi, string MessageEn);

public sealed record ServiceBoardDto(
    Guid ServiceId,
    string Code,
    string Name,
    int Waiting,
    int LongestWaitSeconds,
    int? AverageWaitTodaySeconds,
    int EstimatedWaitMinutes,
    int WaitTargetMinutes,
    int CalledToday);

public sealed record CounterBoardDto(
    Guid CounterId,
    int Number,
    string Name,
    CounterState State,
    string? OfficerName,
    string? CurrentTicketNumber,
    TicketStatus? CurrentTicketStatus,
    DateTimeOffset? CalledAt,
    int? ServingSeconds,
    string? PauseReason,
    DateTimeOffset StateSince,
    string? CameraId,
    bool? SomeonePresent = null,
    int? PresentSecondsToday = null);

/// <summary>A kiosk, display host or camera with its health. Kind: Kiosk, Display or Camera.</summary>
public sealed record DeviceHealthDto(
    string Id,
    string Kind,
    string Name,
    bool Online,
    DateTimeOffset? LastSeenAt,
    string Status,
    string? PrinterState,
    bool PaperLow,
    bool PaperOut,
    string? Detail);

public sealed record CameraTileDto(
    string CameraId,
    string Name,
    string State,
    double Fps,
    DateTimeOffset? LastFrameAt,
    string? LastError,
    string LiveUrl,
    string SnapshotUrl,
    IReadOnlyList<int> CounterNumbers);

/// <summary>Everything the supervisor dashboard shows; LastSequence is the queue event it includes.</summary>
public sealed record DashboardDto(
    Guid SiteId,
    string SiteName,
    DateTimeOffset TakenAt,
    long LastSequence,
    IReadOnlyList<ServiceBoardDto> Services,
    IReadOnlyList<CounterBoardDto> Counters,
    IReadOnlyList<DeviceHealthDto> Devices,
    IReadOnlyList<CameraTileDto> Cameras,
    IReadOnlyList<AlertDto> Alerts,
    int? HallPeople = null);

/// <summary>Camera analytics of one counter on one local day: seconds someone sat there, and seconds the camera watched.</summary>
public sealed record CounterPresenceDto(int CounterNumber, string? CounterName, int PresentSeconds, int ObservedSeconds);

public sealed record TicketTimelineEntryDto(long Sequence, TicketEventKind Kind, DateTimeOffset At, int? CounterNumber, string? OfficerName, string? Detail);

/// <summary>One MP4 file of a clip: play from OffsetSeconds for DurationSeconds. Complete is false while ffmpeg still writes it.</summary>
public sealed record RecordingPartDto(string FileName, string Url, DateTimeOffset SegmentStart, DateTimeOffset SegmentEnd, double OffsetSeconds, double DurationSeconds, bool Complete);

/// <summary>The recording of one counter visit: from the call to the finish (or to now while serving).</summary>
public sealed record RecordingClipDto(int CounterNumber, string? CameraId, DateTimeOffset From, DateTimeOffset To, IReadOnlyList<RecordingPartDto> Parts, string? Note);

public sealed record TicketHistoryDto(TicketDto Ticket, IReadOnlyList<TicketTimelineEntryDto> Timeline, IReadOnlyList<RecordingClipDto> Clips);

/// <summary>One ticket in the supervisor's list. WaitSeconds: issue to call, or to now while still waiting.</summary>
public sealed record TicketListItemDto(
    Guid Id, string Number, string ServiceCode, string ServiceName, TicketStatus Status, PriorityCategory Priority,
    DateTimeOffset IssuedAt, DateTimeOffset? CalledAt, DateTimeOffset? FinishedAt, int? CounterNumber, string? OfficerName,
    double WaitSeconds, bool PastTarget);

/// <summary>A choice offered by a list filter (a service, counter or officer of the site).</summary>
public sealed record ListChoiceDto(string Value, string Label);

/// <summary>A page of the ticket list, the total that matched, and the choices of each filter.</summary>
public sealed record TicketListPageDto(
    IReadOnlyList<TicketListItemDto> Items, int Total, int Page, int PageSize,
    IReadOnlyList<ListChoiceDto> Services, IReadOnlyList<ListChoiceDto> Counters, IReadOnlyList<ListChoiceDto> Officers);

/// <summary>An opening of a recording, for the admins' audit list.</summary>
public sealed record RecordingViewDto(Guid Id, DateTimeOffset ViewedAt, string UserName, string CameraId, string FileName, DateTimeOffset SegmentStart, string? RemoteAddress);

/// <summary>Count and mean, median, 90th percentile (nearest rank) of durations in seconds; null when Count is 0.</summary>
public sealed record DurationStatsDto(int Count, double? MeanSeconds, double? MedianSeconds, double? P90Seconds);

/// <summary>
/// One line of a report. Wait = call - issue of every called ticket; service = finish - start of
/// served tickets; WithinTargetShare = share within the service's target (0..1), counting tickets
/// still waiting past it against it (the hub's ReportCalculator says exactly how).
/// </summary>
public sealed record ReportRowDto(
    string Key,
    string Label,
    int Issued,
    int Served,
    int NoShow,
    int Transferred,
    int Cancelled,
    int Expired,
    DurationStatsDto Wait,
    DurationStatsDto Service,
    double? WithinTargetShare);

/// <summary>Tickets of local days From..To (inclusive) of one site.</summary>
public sealed record ReportDto(
    Guid SiteId,
    string SiteName,
    DateOnly From,
    DateOnly To,
    DateTimeOffset GeneratedAt,
    ReportRowDto Total,
    IReadOnlyList<ReportRowDto> ByService,
    IReadOnlyList<ReportRowDto> ByProcedure,
    IReadOnlyList<ReportRowDto> ByCounter,
    IReadOnlyList<ReportRowDto> ByOfficer,
    IReadOnlyList<ReportRowDto> ByHour,
    IReadOnlyList<ReportPresenceDto>? PresenceByCounterDay = null,
    RatingReportDto? Ratings = null);

/// <summary>
/// Camera analytics in a report: seconds someone sat at a counter on one local day, and seconds the
/// camera watched it (figures only, hardware-docs/cameras.md; kept in memory since the hub started).
/// </summary>
public sealed record ReportPresenceDto(DateOnly Day, int CounterNumber, string CounterName, int PresentSeconds, int ObservedSeconds);
