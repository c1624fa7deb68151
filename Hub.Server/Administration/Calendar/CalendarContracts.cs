using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Administration.Calendar;

/// <summary>One line of the year's list. <see cref="Kind"/>: "holiday" or "makeUpWorkingDay"; <see cref="Source"/>: "computed" (the law, docs/administration-holidays.md) or "entered" (by the office, <see cref="EntryId"/> set).</summary>
public sealed record CalendarDayDto(DateOnly Date, string Kind, string Source, string? HolidayKind, string NameVi, string NameEn, Guid? EntryId);

/// <summary>What the office entered by hand for a year, including the computed holidays it works anyway (those are not in the days list).</summary>
public sealed record CalendarEntryDto(Guid Id, DateOnly Date, CalendarEntryKind Kind, string Name, string? NameEn);

public sealed record CalendarYearDto(int Year, IReadOnlyList<CalendarDayDto> Days, IReadOnlyList<CalendarEntryDto> Entries);

/// <param name="Year">The year the page shows: a date outside it is refused (a typo in the year would otherwise land in another calendar).</param>
/// <param name="Name">Name of an added holiday (required then), or a note on a make-up day or a worked holiday.</param>
public sealed record CreateCalendarEntryRequest(int Year, DateOnly Date, CalendarEntryKind Kind, string? Name = null, string? NameEn = null);
