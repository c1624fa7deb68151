namespace QueueKiosk.HubServer.Domain;

/// <summary>How the queue serves a checked-in appointment ticket of a service (docs/appointments.md).</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<AppointmentServingRule>))]
public enum AppointmentServingRule
{
    /// <summary>Once its slot time has come, the ticket is called before the service's walk-ins (after overdue and priority tickets).</summary>
    SlotTimeFirst,

    /// <summary>No preference: the ticket waits among the walk-ins by its check-in time.</summary>
    WithWalkIns,
}

public enum BookingStatus
{
    Booked,
    CheckedIn,
    Cancelled,

    /// <summary>Never checked in by the end of its check-in window.</summary>
    NoShow,
}

/// <summary>
/// What one service takes in bookings and remote tickets (docs/appointments.md). A service without
/// a row, or with Enabled false, takes no bookings.
/// </summary>
public sealed class BookingSettings
{
    public Guid ServiceId { get; set; }

    public Guid SiteId { get; set; }

    public bool Enabled { get; set; }

    /// <summary>Days of the week that take bookings, as DayOfWeek numbers (0 = Sunday) separated by commas, e.g. "1,2,3,4,5".</summary>
    public string Days { get; set; } = "1,2,3,4,5";

    /// <summary>Local start times of the slots, "HH:mm" separated by commas, e.g. "08:00,08:30,14:00".</summary>
    public string SlotTimes { get; set; } = "";

    public int SlotMinutes { get; set; } = 30;

    public int PlacesPerSlot { get; set; } = 4;

    /// <summary>How long before the slot's start a check-in is taken as on time.</summary>
    public int CheckInBeforeMinutes { get; set; } = 15;

    /// <summary>How long after the slot's start a check-in is still on time; later it becomes a walk-in ticket.</summary>
    public int CheckInAfterMinutes { get; set; } = 10;

    /// <summary>How many days ahead a slot may be booked (today counts as day 0).</summary>
    public int DaysAhead { get; set; } = 14;

    public bool RemoteTicketsAllowed { get; set; }

    /// <summary>Remote tickets one phone number may take per day for this service.</summary>
    public int RemoteDailyLimitPerPhone { get; set; } = 1;

    public AppointmentServingRule ServingRule { get; set; } = AppointmentServingRule.SlotTimeFirst;

    public IReadOnlyList<DayOfWeek> DayList() =>
        [.. Days.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(d => int.TryParse(d, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : -1)
            .Where(n => n is >= 0 and <= 6).Distinct().Order().Select(n => (DayOfWeek)n)];

    public IReadOnlyList<TimeOnly> SlotList() =>
        [.. SlotTimes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(t => TimeOnly.TryParseExact(t, "HH:mm", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var v) ? v : (TimeOnly?)null)
            .Where(t => t is not null).Select(t => t!.Value).Distinct().Order()];
}

/// <summary>
/// One citizen's booking of one place in a slot. <see cref="Place"/> (1..PlacesPerSlot) is unique per
/// slot in the database: that index, not code, is what stops two citizens getting the last place. A
/// cancelled booking gives its place back (Place null; NULLs never collide in a unique index on
/// SQLite or PostgreSQL).
/// </summary>
public sealed class Booking
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public Guid ServiceId { get; set; }

    public Guid? ProcedureId { get; set; }

    public DateOnly Day { get; set; }

    public TimeOnly SlotStart { get; set; }

    public int? Place { get; set; }

    public string Name { get; set; } = "";

    public string Phone { get; set; } = "";

    /// <summary>What the citizen types or scans at the kiosk: <see cref="BookingCodes"/>.</summary>
    public string Code { get; set; } = "";

    public BookingStatus Status { get; set; }

    /// <summary>The ticket its check-in issued.</summary>
    public Guid? TicketId { get; set; }

    /// <summary>Checked in after the window: the ticket was issued as a walk-in.</summary>
    public bool LateCheckIn { get; set; }

    /// <summary>Salted hash of the chip ID card number (Citizens/CitizenIdHash), never the number.</summary>
    public string? CitizenIdHash { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? CheckedInAt { get; set; }

    public DateTime? CancelledAt { get; set; }
}

/// <summary>A ticket taken from home (the public booking page), kept to count the per-phone daily limit.</summary>
public sealed class RemoteTicket
{
    public Guid TicketId { get; set; }

    public Guid SiteId { get; set; }

    public Guid ServiceId { get; set; }

    public DateOnly Day { get; set; }

    public string Phone { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

public static class BookingLimits
{
    public const int Name = 100;
    public const int Phone = 10;
    public const int Code = 8;
    public const int SlotTimes = 600;

    /// <summary>Hex of HMAC-SHA256.</summary>
    public const int CitizenIdHash = 64;
}

/// <summary>Booking codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), random.</summary>
public static class BookingCodes
{
    private const string Alphabet = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    public static string New() =>
        string.Create(BookingLimits.Code, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });

    /// <summary>The code as typed or scanned: trimmed, upper case; null when it cannot be one.</summary>
    public static string? Normalize(string? code)
    {
        var value = code?.Trim().ToUpperInvariant();
        return value is { Length: BookingLimits.Code } && value.All(c => Alphabet.Contains(c, StringComparison.Ordinal)) ? value : null;
    }
}
