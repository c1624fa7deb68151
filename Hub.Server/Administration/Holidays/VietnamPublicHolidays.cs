using System.Globalization;

namespace QueueKiosk.HubServer.Administration.Holidays;

/// <summary>
/// The public holidays of one solar year under the Labour Code 2019, Art. 112(1): 1/1; Tết Nguyên
/// Đán (5 days); Giỗ Tổ Hùng Vương (10/3 lunar); 30/4; 1/5; 2/9 and one day next to it. Plus, when
/// asked, the compensatory days off of Art. 111(3). The choices the law leaves to the Government's
/// yearly decision come from <see cref="VietnamHolidayOptions"/>.
/// </summary>
public static class VietnamPublicHolidays
{
    /// <summary>The holidays of <paramref name="year"/>, in date order.</summary>
    public static IReadOnlyList<Holiday> For(int year, VietnamHolidayOptions? options = null)
    {
        options ??= VietnamHolidayOptions.Default;
        if (options.TetDaysBeforeNewYear is < 0 or >= VietnamHolidayOptions.TetHolidayDays)
            throw new ArgumentOutOfRangeException(nameof(options), options.TetDaysBeforeNewYear, "TetDaysBeforeNewYear must be 0-4.");

        var statutory = new List<Holiday>
        {
            new(new DateOnly(year, 1, 1), HolidayKind.NewYearsDay, "Tết Dương lịch", "New Year's Day"),
            new(new DateOnly(year, 4, 30), HolidayKind.ReunificationDay, "Ngày Chiến thắng (30/4)", "Reunification Day (30 April)"),
            new(new DateOnly(year, 5, 1), HolidayKind.LabourDay, "Ngày Quốc tế lao động (1/5)", "International Labour Day (1 May)"),
            new(new DateOnly(year, 9, 2), HolidayKind.NationalDay, "Quốc khánh (2/9)", "National Day (2 September)"),
        };
        var adjacent = options.NationalDayAdjacent == NationalDayAdjacentDay.DayBefore ? new DateOnly(year, 9, 1) : new DateOnly(year, 9, 3);
        statutory.Add(new Holiday(adjacent, HolidayKind.NationalDay, "Quốc khánh (nghỉ liền kề)", "National Day (adjacent day)"));

        var newYear = VietnameseLunarCalendar.NewYear(year);
        for (var i = 0; i < VietnamHolidayOptions.TetHolidayDays; i++)
        {
            var date = newYear.AddDays(i - options.TetDaysBeforeNewYear);
            var lunar = VietnameseLunarCalendar.FromSolar(date);
            statutory.Add(new Holiday(
                date,
                HolidayKind.LunarNewYear,
                $"Tết Nguyên Đán ({lunar.Day}/{lunar.Month} âm lịch)",
                $"Lunar New Year (lunar {lunar.Month}/{lunar.Day})"));
        }

        var hungKings = VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10, false))!.Value;
        statutory.Add(new Holiday(hungKings, HolidayKind.HungKingsCommemoration, "Giỗ Tổ Hùng Vương (10/3 âm lịch)", "Hung Kings' Commemoration (lunar 3/10)"));

        statutory.Sort((a, b) => a.Date.CompareTo(b.Date));
        if (!options.CompensateHolidaysOnRestDays || options.WeeklyRestDays.Count == 0 || options.WeeklyRestDays.Count == 7)
            return statutory;

        return WithCompensatoryDays(statutory, options.WeeklyRestDays, year);
    }

    /// <summary>Each holiday on a weekly rest day gives the next day that is neither a rest day nor a
    /// holiday (nor already given); a day that would fall in the next year is not listed.</summary>
    private static List<Holiday> WithCompensatoryDays(List<Holiday> statutory, IReadOnlySet<DayOfWeek> restDays, int year)
    {
        var taken = statutory.Select(h => h.Date).ToHashSet();
        var result = new List<Holiday>(statutory);
        foreach (var holiday in statutory)
        {
            if (!restDays.Contains(holiday.Date.DayOfWeek))
                continue;
            var day = holiday.Date.AddDays(1);
            while (restDays.Contains(day.DayOfWeek) || taken.Contains(day))
                day = day.AddDays(1);
            taken.Add(day);
            if (day.Year != year)
                continue;
            var of = holiday.Date.ToString("d'/'M", CultureInfo.InvariantCulture);
            result.Add(new Holiday(
                day,
                HolidayKind.CompensatoryDayOff,
                $"Nghỉ bù {holiday.NameVi}, ngày {of}",
                $"Day off in lieu of {holiday.NameEn}, {of}"));
        }

        result.Sort((a, b) => a.Date.CompareTo(b.Date));
        return result;
    }
}
