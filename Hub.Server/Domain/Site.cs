using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Domain;

/// <summary>One office (a commune or provincial one-stop centre). Days and opening hours follow its zone.</summary>
public sealed class Site
{
    public Guid Id { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string Address { get; set; } = "";

    /// <summary>IANA zone id, e.g. Asia/Ho_Chi_Minh.</summary>
    public string TimeZone { get; set; } = "Asia/Ho_Chi_Minh";

    /// <summary>Weekly opening intervals as text, e.g. "Mon-Fri 07:30-11:30,13:30-17:00; Sat 07:30-11:30" (see OpeningHours).</summary>
    public string OpeningHours { get; set; } = "";

    /// <summary>First line of every ticket, under the site's name (e.g. the commune's people's committee).</summary>
    public string TicketHeader { get; set; } = "";

    /// <summary>Last lines of every ticket (e.g. where to wait, the hotline).</summary>
    public string TicketFooter { get; set; } = "";

    public string TicketThankYou { get; set; } = "Xin cảm ơn!";

    /// <summary>Seconds without a touch before the kiosk goes back to its start screen.</summary>
    public int KioskIdleSeconds { get; set; } = SiteDto.DefaultKioskIdleSeconds;

    /// <summary>Seconds the rating tablet waits for the citizen before it records "not rated"; null: <c>RatingLimits.DefaultTimeoutSeconds</c>.</summary>
    public int? RatingTimeoutSeconds { get; set; }

    /// <summary>Whether the rating tablet also asks the Circular 01/2018 indices 1, 3, 4 and 7 (docs/ratings.md).</summary>
    public bool RatingIndicesEnabled { get; set; }

    /// <summary>PNG or JPEG shown on the kiosk and hall screens (at most 256 KiB), or null.</summary>
    public byte[]? Logo { get; set; }

    public string? LogoContentType { get; set; }

    /// <summary>
    /// The site's secret key for hashing chip ID card numbers (Citizens/CitizenIdHash): 64 hex digits,
    /// made at site creation. Without it a 12-digit number's hash could be reversed by trying them all.
    /// </summary>
    public string CitizenIdSalt { get; set; } = "";

    /// <summary>Reserved: the live per-site sequence is handed out by Queue.SequenceAllocator from the stored events (see there why not a counter row).</summary>
    public long LastSequence { get; set; }
}

public sealed class Field
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? NameEn { get; set; }

    public int SortOrder { get; set; }

    /// <summary>False once retired: gone from the kiosk, its procedures' history kept.</summary>
    public bool Active { get; set; } = true;
}

/// <summary>An administrative procedure (thủ tục hành chính).</summary>
public sealed class Procedure
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public Guid FieldId { get; set; }

    /// <summary>Service whose tickets this procedure is handled under (the mapping procedure -> service).</summary>
    public Guid? ServiceId { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>English name for the kiosk's English mode (issue 10 item 12); null: the kiosk says it shows the Vietnamese one.</summary>
    public string? NameEn { get; set; }

    public string Level { get; set; } = "";

    public string Agency { get; set; } = "";

    public string ProcessingTime { get; set; } = "";

    public string Fees { get; set; } = "";

    /// <summary>Required documents as JSON (ProcedureDocumentDto[]): read whole, never queried inside.</summary>
    public string DocumentsJson { get; set; } = "[]";

    public string LegalBasis { get; set; } = "";

    public int SortOrder { get; set; }

    public bool Active { get; set; } = true;
}

/// <summary>What a ticket is for: its prefix and number range, its wait target and bound.</summary>
public sealed class Service
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public string Code { get; set; } = "";

    public string Name { get; set; } = "";

    public string? NameEn { get; set; }

    /// <summary>Letter(s) before the number ("A" -> A001); empty for pure numeric ranges (1001-1999).</summary>
    public string Prefix { get; set; } = "";

    /// <summary>Zero-padded width of the number part.</summary>
    public int Digits { get; set; } = 3;

    public int RangeStart { get; set; } = 1;

    public int RangeEnd { get; set; } = 999;

    public int WaitTargetMinutes { get; set; } = 15;

    /// <summary>A ticket waiting longer than this jumps ahead of everything else (0 = no bound).</summary>
    public int MaxWaitMinutes { get; set; }

    /// <summary>Starting guess of one service duration until real figures exist.</summary>
    public int DefaultServiceSeconds { get; set; } = 300;

    public int SortOrder { get; set; }

    /// <summary>Codes of the priority categories (PriorityCategory names) this service's tickets may carry, comma-separated; empty: none.</summary>
    public string AcceptedPriorities { get; set; } = "";

    public bool Active { get; set; } = true;

    public string FormatNumber(int value) => Prefix + value.ToString(new string('0', Math.Max(1, Digits)), System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A priority group as the office presents it: the law's groups are the PriorityCategory values, and
/// each site names, orders and enables them here (seeded with the four of the enum).
/// </summary>
public sealed class PriorityGroup
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public HubClient.Contracts.PriorityCategory Category { get; set; }

    public string Name { get; set; } = "";

    public string? NameEn { get; set; }

    public int SortOrder { get; set; }

    /// <summary>Whether the kiosk offers this group to the citizen.</summary>
    public bool AskAtKiosk { get; set; } = true;

    public bool Active { get; set; } = true;
}

/// <summary>What the office entered by hand for a day of its calendar; the public holidays themselves are computed (Administration/Holidays).</summary>
public enum CalendarEntryKind
{
    /// <summary>A holiday of the office's own (or one the Government added this year).</summary>
    AddedHoliday,

    /// <summary>A computed holiday the office works anyway.</summary>
    RemovedHoliday,

    /// <summary>A weekly rest day worked to make up for a bridge day.</summary>
    MakeUpWorkingDay,
}

public sealed class CalendarEntry
{
    public Guid Id { get; set; }

    public Guid SiteId { get; set; }

    public DateOnly Date { get; set; }

    public CalendarEntryKind Kind { get; set; }

    public string Name { get; set; } = "";

    public string? NameEn { get; set; }
}

/// <summary>
/// The longest values of fields and procedures: the column lengths of the schema (EntityConfigurations
/// and the default of 400 in HubDbContext), which the administration API and the catalogue import
/// check before writing, so PostgreSQL never refuses a value half-way through a batch.
/// </summary>
public static class CatalogueLimits
{
    public const int FieldCode = 50;
    public const int FieldName = 200;
    public const int ProcedureCode = 50;
    public const int ProcedureName = 400;
    public const int Level = 100;
    public const int Agency = 400;
    public const int ProcessingTime = 400;
    public const int Fees = 400;
    public const int LegalBasis = 2000;

    /// <summary>The stored JSON of a procedure's documents (ProcedureDocumentDto[]).</summary>
    public const int DocumentsJson = 8000;

    public const int DocumentName = 400;

    /// <summary>Originals or copies of one document: official lists write two digits.</summary>
    public const int DocumentCount = 99;
}

public static class SiteLimits
{
    /// <summary>A logo is shown small on the kiosk and the hall TV; 256 KiB is plenty for a PNG.</summary>
    public const int LogoBytes = 256 * 1024;
}
