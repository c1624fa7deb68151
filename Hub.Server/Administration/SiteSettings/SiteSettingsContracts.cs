namespace QueueKiosk.HubServer.Administration.SiteSettings;

/// <summary>One session of a working day, local time "HH:mm".</summary>
public sealed record SessionDto(string From, string To);

/// <summary>A weekday's morning and afternoon sessions; both null: closed that day.</summary>
public sealed record WeekdayHoursDto(DayOfWeek Day, SessionDto? Morning, SessionDto? Afternoon);

/// <summary>The site as the settings page edits it; <see cref="OpeningHours"/> is the stored text form of <see cref="Week"/>.</summary>
public sealed record SiteSettingsDto(
    Guid Id,
    string Code,
    string Name,
    string Address,
    string TimeZone,
    string TicketHeader,
    string TicketFooter,
    string TicketThankYou,
    int KioskIdleSeconds,
    string? LogoUrl,
    IReadOnlyList<WeekdayHoursDto> Week,
    string OpeningHours,
    int RatingTimeoutSeconds = QueueKiosk.HubClient.Contracts.RatingLimits.DefaultTimeoutSeconds,
    bool RatingIndicesEnabled = false);

/// <param name="Week">Null keeps the opening hours as they are; otherwise the days listed (each at most once), the others closed.</param>
/// <param name="RatingTimeoutSeconds">Null keeps it; seconds the rating tablet waits before it records "not rated".</param>
/// <param name="RatingIndicesEnabled">Null keeps it; whether the tablet asks the Circular 01 indices (docs/ratings.md).</param>
public sealed record UpdateSiteRequest(
    string Name,
    string? Address,
    string TimeZone,
    string? TicketHeader,
    string? TicketFooter,
    string? TicketThankYou,
    int KioskIdleSeconds,
    IReadOnlyList<WeekdayHoursDto>? Week = null,
    int? RatingTimeoutSeconds = null,
    bool? RatingIndicesEnabled = null);

public static class SiteSettingsLimits
{
    /// <summary>Shorter than this and a citizen reading a procedure is sent back to the start screen.</summary>
    public const int MinIdleSeconds = 15;

    /// <summary>Longer than this and the next citizen finds the last one's screen.</summary>
    public const int MaxIdleSeconds = 600;
}
