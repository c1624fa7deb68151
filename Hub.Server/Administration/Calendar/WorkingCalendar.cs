using System.Collections.Concurrent;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Schedule;
using QueueKiosk.HubServer.Administration.Holidays;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Administration.Calendar;

/// <summary>
/// When one site issues tickets: its weekly opening hours, closed on the year's holidays (computed
/// and entered by hand) and open on make-up working days (docs/administration-holidays.md). The
/// weekdays themselves follow the opening hours (a desk open on Saturday mornings stays open then);
/// the calendar only takes days away (holidays) or gives them (make-up days). Built once per
/// catalogue load (CatalogueCache) and thrown away with it when an administrator changes a day.
/// </summary>
public sealed class WorkingCalendar
{
    private readonly OpeningHours _hours;
    private readonly IReadOnlyList<CalendarEntry> _entries;
    private readonly ConcurrentDictionary<int, HolidayCalendar?> _years = new();
    private readonly List<OpeningHoursDto>[] _byDay;
    private readonly List<OpeningHoursDto> _makeUpSessions;

    public WorkingCalendar(OpeningHours hours, IReadOnlyList<CalendarEntry> entries)
    {
        _hours = hours;
        _entries = entries;
        _byDay = [.. Enumerable.Range(0, 7).Select(d => hours.Intervals.Where(i => (int)i.Day == d).OrderBy(i => i.Opens).ToList())];
        // A make-up day replaces an ordinary working day: it keeps the hours of the first weekday (Monday on) that has any.
        _makeUpSessions = new[] { DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday }
            .Select(d => _byDay[(int)d]).FirstOrDefault(s => s.Count > 0) ?? [];
    }

    public OpeningHours Hours => _hours;

    /// <summary>The year's calendar from the computed holidays and the office's entries of that year (the API keeps them consistent).</summary>
    public static HolidayCalendarResult Build(int year, IEnumerable<CalendarEntry> entries)
    {
        var ofYear = entries.Where(e => e.Date.Year == year).OrderBy(e => e.Date).ToList();
        return HolidayCalendar.Create(new HolidayCalendarInput(year)
        {
            AddedHolidays = [.. ofYear.Where(e => e.Kind == CalendarEntryKind.AddedHoliday).Select(e => new AddedHoliday(e.Date, e.Name, e.NameEn))],
            RemovedHolidays = [.. ofYear.Where(e => e.Kind == CalendarEntryKind.RemovedHoliday).Select(e => e.Date)],
            MakeUpWorkingDays = [.. ofYear.Where(e => e.Kind == CalendarEntryKind.MakeUpWorkingDay).Select(e => new MakeUpWorkingDay(e.Date, e.Name))],
        });
    }

    /// <summary>The calendar of a year, or null outside the years the lunar calendar covers (then only the weekly hours apply).</summary>
    public HolidayCalendar? Year(int year) => _years.GetOrAdd(year, y =>
    {
        if (y is < VietnameseLunarCalendar.MinYear or > VietnameseLunarCalendar.MaxYear)
        {
            return null;
        }

        // Entries saved through the API always build; should a hand edit of the database break them,
        // the computed holidays still close the office rather than nothing at all.
        return Build(y, _entries).Calendar ?? Build(y, []).Calendar;
    });

    public Holiday? HolidayOn(DateOnly day) => Year(day.Year)?.HolidayOn(day);

    public bool IsMakeUpDay(DateOnly day) => Year(day.Year)?.Days.Any(d => d.Date == day && d.Kind == CalendarDayKind.MakeUpWorkingDay) == true;

    /// <summary>The sessions of one local day: none on a holiday, an ordinary weekday's on a make-up day, else the weekday's own.</summary>
    public IReadOnlyList<OpeningHoursDto> SessionsOn(DateOnly day)
    {
        if (HolidayOn(day) is not null)
        {
            return [];
        }

        // A make-up Saturday is a full working day even where the desk opens Saturday mornings.
        return IsMakeUpDay(day) && _makeUpSessions.Count > 0 ? _makeUpSessions : _byDay[(int)day.DayOfWeek];
    }

    public bool IsOpen(DateTime utc)
    {
        var local = _hours.ToLocal(utc);
        var day = DateOnly.FromDateTime(local);
        if (_hours.AlwaysOpen)
        {
            return HolidayOn(day) is null;
        }

        var time = TimeOnly.FromDateTime(local);
        return SessionsOn(day).Any(s => time >= s.Opens && time < s.Closes);
    }

    /// <summary>Next opening after utc (local and UTC), skipping holidays, looking up to 40 days ahead (Tết and the days around it fit).</summary>
    public (DateTime Utc, DateTime Local)? NextOpening(DateTime utc)
    {
        var local = _hours.ToLocal(utc);
        for (var d = 0; d < 40; d++)
        {
            var date = local.Date.AddDays(d);
            var day = DateOnly.FromDateTime(date);
            IEnumerable<TimeOnly> starts = _hours.AlwaysOpen
                ? (HolidayOn(day) is null ? [TimeOnly.MinValue] : [])
                : SessionsOn(day).Select(s => s.Opens);
            foreach (var start in starts)
            {
                var opens = date + start.ToTimeSpan();
                if (opens > local)
                {
                    return (TimeZoneInfo.ConvertTimeToUtc(opens, _hours.Zone), opens);
                }
            }
        }

        return null;
    }
}
