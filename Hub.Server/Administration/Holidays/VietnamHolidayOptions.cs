namespace QueueKiosk.HubServer.Administration.Holidays;

/// <summary>Which day next to National Day (2/9) is the second day of the holiday: the Labour Code
/// gives "2/9 and one day before or after", chosen by the Government each year.</summary>
public enum NationalDayAdjacentDay
{
    DayBefore,
    DayAfter,
}

/// <summary>
/// The choices the Labour Code 2019 (Art. 112) leaves to each year's Government decision, with the
/// defaults documented in docs/administration-holidays.md: the day before National
/// Day (1/9), and Tết as the last day of the old lunar year plus the first four days of the new one.
/// The administrator edits the computed list afterwards (add, remove, make-up working days).
/// </summary>
public sealed record VietnamHolidayOptions
{
    /// <summary>The Labour Code gives five days for Tết Nguyên Đán.</summary>
    public const int TetHolidayDays = 5;

    public static VietnamHolidayOptions Default { get; } = new();

    public NationalDayAdjacentDay NationalDayAdjacent { get; init; } = NationalDayAdjacentDay.DayBefore;

    /// <summary>How many of the five Tết days come before the lunar New Year's day (0-4).</summary>
    public int TetDaysBeforeNewYear { get; init; } = 1;

    /// <summary>The office's weekly rest days; public offices rest on Saturday and Sunday.</summary>
    public IReadOnlySet<DayOfWeek> WeeklyRestDays { get; init; } = new HashSet<DayOfWeek> { DayOfWeek.Saturday, DayOfWeek.Sunday };

    /// <summary>Whether a statutory holiday that falls on a weekly rest day gives a day off on the next
    /// working day (Labour Code 2019, Art. 111(3)).</summary>
    public bool CompensateHolidaysOnRestDays { get; init; } = true;
}
