namespace QueueKiosk.HubServer.Administration.Holidays;

/// <summary>What the administrator decided for a year, on top of the computed holidays.</summary>
public sealed record HolidayCalendarInput(int Year)
{
    public VietnamHolidayOptions Options { get; init; } = VietnamHolidayOptions.Default;

    /// <summary>Extra days off (a Government or province decision: a bridge day, a local holiday).</summary>
    public IReadOnlyList<AddedHoliday> AddedHolidays { get; init; } = [];

    /// <summary>Computed holidays the office does not take (the Government moved the day).</summary>
    public IReadOnlyList<DateOnly> RemovedHolidays { get; init; } = [];

    public IReadOnlyList<MakeUpWorkingDay> MakeUpWorkingDays { get; init; } = [];
}

/// <summary>Either a calendar or every problem of the input that prevented it.</summary>
public sealed record HolidayCalendarResult(HolidayCalendar? Calendar, IReadOnlyList<AdministrationProblem> Problems)
{
    public bool IsValid => Calendar is not null;
}

/// <summary>How a day of the year differs from an ordinary week.</summary>
public enum CalendarDayKind
{
    Holiday,
    MakeUpWorkingDay,
}

/// <summary>One line of the year's list: a holiday (computed or added) or a make-up working day.</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, HolidayKind? HolidayKind, string NameVi, string NameEn);

/// <summary>
/// The office's working days for one year: weekly rest days from <see cref="VietnamHolidayOptions.WeeklyRestDays"/>,
/// the computed holidays (<see cref="VietnamPublicHolidays"/>) less those removed, the holidays the
/// administrator added, and make-up working days. Built only through <see cref="Create"/>, which
/// refuses an inconsistent input with named problems instead of throwing.
/// </summary>
public sealed class HolidayCalendar
{
    private readonly Dictionary<DateOnly, Holiday> _holidays;
    private readonly Dictionary<DateOnly, MakeUpWorkingDay> _makeUpDays;

    private HolidayCalendar(int year, IReadOnlySet<DayOfWeek> restDays, Dictionary<DateOnly, Holiday> holidays, Dictionary<DateOnly, MakeUpWorkingDay> makeUpDays)
    {
        Year = year;
        WeeklyRestDays = restDays;
        _holidays = holidays;
        _makeUpDays = makeUpDays;
        Days = holidays.Values
            .Select(h => new CalendarDay(h.Date, CalendarDayKind.Holiday, h.Kind, h.NameVi, h.NameEn))
            .Concat(makeUpDays.Values.Select(m => new CalendarDay(
                m.Date,
                CalendarDayKind.MakeUpWorkingDay,
                null,
                string.IsNullOrWhiteSpace(m.Note) ? "Ngày làm việc bù" : $"Ngày làm việc bù: {m.Note}",
                string.IsNullOrWhiteSpace(m.Note) ? "Make-up working day" : $"Make-up working day: {m.Note}")))
            .OrderBy(d => d.Date)
            .ToList();
    }

    public int Year { get; }

    public IReadOnlySet<DayOfWeek> WeeklyRestDays { get; }

    /// <summary>The year's holidays and make-up working days in date order.</summary>
    public IReadOnlyList<CalendarDay> Days { get; }

    public IEnumerable<Holiday> Holidays => _holidays.Values.OrderBy(h => h.Date);

    public Holiday? HolidayOn(DateOnly date)
    {
        RequireInYear(date);
        return _holidays.GetValueOrDefault(date);
    }

    /// <summary>Whether the office works on <paramref name="date"/> (its opening hours then apply).</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        RequireInYear(date);
        if (_holidays.ContainsKey(date))
            return false;
        return _makeUpDays.ContainsKey(date) || !WeeklyRestDays.Contains(date.DayOfWeek);
    }

    public static HolidayCalendarResult Create(HolidayCalendarInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var problems = new List<AdministrationProblem>();
        if (input.Year is < VietnameseLunarCalendar.MinYear or > VietnameseLunarCalendar.MaxYear)
            problems.Add(HolidayProblems.YearOutOfRange(input.Year));
        if (input.Options.TetDaysBeforeNewYear is < 0 or >= VietnamHolidayOptions.TetHolidayDays)
            problems.Add(HolidayProblems.TetDaysBeforeOutOfRange(input.Options.TetDaysBeforeNewYear));
        if (problems.Count > 0)
            return new HolidayCalendarResult(null, problems);

        var computed = VietnamPublicHolidays.For(input.Year, input.Options);
        var holidays = new Dictionary<DateOnly, Holiday>();
        foreach (var holiday in computed)
            holidays.TryAdd(holiday.Date, holiday);

        for (var i = 0; i < input.RemovedHolidays.Count; i++)
        {
            var date = input.RemovedHolidays[i];
            var field = $"removedHolidays[{i}]";
            if (date.Year != input.Year)
                problems.Add(HolidayProblems.OutsideYear(field, date, input.Year));
            else if (!holidays.Remove(date))
                problems.Add(HolidayProblems.RemovalNotComputed(field, date));
        }

        for (var i = 0; i < input.AddedHolidays.Count; i++)
        {
            var added = input.AddedHolidays[i];
            var field = $"addedHolidays[{i}]";
            if (added.Date.Year != input.Year)
            {
                problems.Add(HolidayProblems.OutsideYear(field + ".date", added.Date, input.Year));
                continue;
            }

            if (string.IsNullOrWhiteSpace(added.NameVi))
            {
                problems.Add(HolidayProblems.NameRequired(field + ".nameVi"));
                continue;
            }

            var nameVi = added.NameVi.Trim().Normalize();
            var nameEn = string.IsNullOrWhiteSpace(added.NameEn) ? nameVi : added.NameEn.Trim().Normalize();
            if (!holidays.TryAdd(added.Date, new Holiday(added.Date, HolidayKind.AddedByAdministrator, nameVi, nameEn)))
                problems.Add(HolidayProblems.AlreadyHoliday(field + ".date", added.Date, holidays[added.Date].NameVi));
        }

        var restDays = input.Options.WeeklyRestDays;
        var makeUpDays = new Dictionary<DateOnly, MakeUpWorkingDay>();
        for (var i = 0; i < input.MakeUpWorkingDays.Count; i++)
        {
            var makeUp = input.MakeUpWorkingDays[i];
            var field = $"makeUpWorkingDays[{i}].date";
            if (makeUp.Date.Year != input.Year)
                problems.Add(HolidayProblems.OutsideYear(field, makeUp.Date, input.Year));
            else if (holidays.TryGetValue(makeUp.Date, out var holiday))
                problems.Add(HolidayProblems.MakeUpOnHoliday(field, makeUp.Date, holiday.NameVi));
            else if (!restDays.Contains(makeUp.Date.DayOfWeek))
                problems.Add(HolidayProblems.MakeUpNotRestDay(field, makeUp.Date));
            else if (!makeUpDays.TryAdd(makeUp.Date, makeUp with { Note = makeUp.Note?.Trim().Normalize() }))
                problems.Add(HolidayProblems.MakeUpDuplicate(field, makeUp.Date));
        }

        return problems.Count > 0
            ? new HolidayCalendarResult(null, problems)
            : new HolidayCalendarResult(new HolidayCalendar(input.Year, restDays, holidays, makeUpDays), []);
    }

    private void RequireInYear(DateOnly date)
    {
        if (date.Year != Year)
            throw new ArgumentOutOfRangeException(nameof(date), date, $"This calendar is for {Year}; build the calendar of {date.Year}.");
    }
}
