namespace QueueKiosk.HubServer.Administration.Holidays;

/// <summary>Why a day is a holiday: one of the statutory holidays of the Labour Code 2019 (Art. 112),
/// a compensatory day off for one of them that fell on a weekly rest day (Art. 111(3)), or a day the
/// administrator added (a decision of the Government or the province for that year).</summary>
public enum HolidayKind
{
    NewYearsDay,
    LunarNewYear,
    HungKingsCommemoration,
    ReunificationDay,
    LabourDay,
    NationalDay,
    CompensatoryDayOff,
    AddedByAdministrator,
}

/// <summary>A day off for the whole office.</summary>
public sealed record Holiday(DateOnly Date, HolidayKind Kind, string NameVi, string NameEn);

/// <summary>A day off the administrator adds; without an English name the Vietnamese one is shown.</summary>
public sealed record AddedHoliday(DateOnly Date, string NameVi, string? NameEn);

/// <summary>A weekly rest day (usually a Saturday) that the office works, to make up for a bridge
/// day the Government gave off (hoán đổi ngày làm việc).</summary>
public sealed record MakeUpWorkingDay(DateOnly Date, string? Note);
