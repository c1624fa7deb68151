namespace QueueKiosk.HubServer.Administration.Holidays;

/// <summary>
/// Conversion between solar (Gregorian) dates and the Vietnamese lunar calendar, after Hồ Ngọc Đức's
/// published algorithm ("Thuật toán tính âm lịch"): a month starts on the day (in Vietnam's time zone,
/// UTC+7) of a new moon; month 11 is the one containing the winter solstice; in a year with 13 new moons
/// between two months 11, the first month without a major solar term (the sun crossing a multiple of
/// 30° of longitude) is the leap month. The time zone is why Vietnam's Tết can differ from China's
/// (UTC+8) by a day or a month (2007, 1985). The astronomy is the low-precision series of Meeus that the
/// algorithm uses: good to the day for 1900-2199, the range accepted here.
/// </summary>
public static class VietnameseLunarCalendar
{
    public const int MinYear = 1900;
    public const int MaxYear = 2199;

    /// <summary>Vietnam's time zone, in hours east of UTC (the calendar is defined for it).</summary>
    private const double TimeZoneHours = 7.0;

    /// <summary>The Julian day number of DateOnly.MinValue (0001-01-01, proleptic Gregorian).</summary>
    private const int JulianDayOfDayNumberZero = 1721426;

    /// <summary>The Julian day of the new moon of 1900-01-01 (k = 0 in the series) and the mean synodic month.</summary>
    private const double NewMoonEpoch = 2415021.076998695;
    private const double SynodicMonth = 29.530588853;

    public static LunarDate FromSolar(DateOnly date)
    {
        RequireYear(date.Year, nameof(date));
        var dayNumber = JulianDay(date);
        var k = Floor((dayNumber - NewMoonEpoch) / SynodicMonth);
        var monthStart = NewMoonDay(k + 1);
        // The published algorithm steps back once; where the true new moon runs ahead of the mean one
        // by more than the day (2054-05-07) it needs a second step, or the date gets day 0.
        while (monthStart > dayNumber)
            monthStart = NewMoonDay(k--);

        var a11 = LunarMonth11(date.Year);
        var b11 = a11;
        int lunarYear;
        if (a11 >= monthStart)
        {
            lunarYear = date.Year;
            a11 = LunarMonth11(date.Year - 1);
        }
        else
        {
            lunarYear = date.Year + 1;
            b11 = LunarMonth11(date.Year + 1);
        }

        var lunarDay = dayNumber - monthStart + 1;
        var diff = Floor((monthStart - a11) / 29.0);
        var isLeap = false;
        var lunarMonth = diff + 11;
        if (b11 - a11 > 365)
        {
            var leapMonthDiff = LeapMonthOffset(a11);
            if (diff >= leapMonthDiff)
            {
                lunarMonth = diff + 10;
                isLeap = diff == leapMonthDiff;
            }
        }

        if (lunarMonth > 12)
            lunarMonth -= 12;
        if (lunarMonth >= 11 && diff < 4)
            lunarYear--;
        return new LunarDate(lunarYear, lunarMonth, lunarDay, isLeap);
    }

    /// <summary>The solar date of a lunar date, or null when it does not exist: a leap month the year
    /// does not have, or day 30 of a month of 29 days.</summary>
    public static DateOnly? ToSolar(LunarDate lunar)
    {
        if (lunar.Month is < 1 or > 12 || lunar.Day is < 1 or > 30 || lunar.Year < MinYear || lunar.Year > MaxYear)
            return null;

        int a11, b11;
        if (lunar.Month < 11)
        {
            a11 = LunarMonth11(lunar.Year - 1);
            b11 = LunarMonth11(lunar.Year);
        }
        else
        {
            a11 = LunarMonth11(lunar.Year);
            b11 = LunarMonth11(lunar.Year + 1);
        }

        var k = Floor(0.5 + (a11 - NewMoonEpoch) / SynodicMonth);
        var offset = lunar.Month - 11;
        if (offset < 0)
            offset += 12;
        if (b11 - a11 > 365)
        {
            var leapOffset = LeapMonthOffset(a11);
            var leapMonth = leapOffset - 2;
            if (leapMonth < 0)
                leapMonth += 12;
            if (lunar.IsLeapMonth && lunar.Month != leapMonth)
                return null;
            if (lunar.IsLeapMonth || offset >= leapOffset)
                offset++;
        }
        else if (lunar.IsLeapMonth)
        {
            return null;
        }

        var monthStart = NewMoonDay(k + offset);
        var date = FromJulianDay(monthStart + lunar.Day - 1);
        // Day 30 of a short month lands on day 1 of the next month: it does not exist.
        return FromSolar(date) == lunar ? date : null;
    }

    /// <summary>The solar date of the first day of the lunar year (Tết Nguyên Đán) that starts in <paramref name="year"/>.</summary>
    public static DateOnly NewYear(int year)
    {
        RequireYear(year, nameof(year));
        return ToSolar(new LunarDate(year, 1, 1, false))!.Value;
    }

    /// <summary>The number of the leap month of the lunar year that starts in <paramref name="year"/>, or null when it has none.</summary>
    public static int? LeapMonth(int year)
    {
        RequireYear(year, nameof(year));
        var start = NewYear(year);
        var end = NewYear(year + 1);
        // Walk month starts (about 29.5 days apart) from Tết to the next Tết.
        for (var day = start.AddDays(29); day < end; day = day.AddDays(29))
        {
            var lunar = FromSolar(day);
            if (lunar.IsLeapMonth)
                return lunar.Month;
        }

        return null;
    }

    private static void RequireYear(int year, string parameter)
    {
        if (year is < MinYear or > MaxYear)
            throw new ArgumentOutOfRangeException(parameter, year, $"The lunar calendar is computed for the years {MinYear}-{MaxYear}.");
    }

    private static int JulianDay(DateOnly date) => date.DayNumber + JulianDayOfDayNumberZero;

    private static DateOnly FromJulianDay(int julianDay) => DateOnly.FromDayNumber(julianDay - JulianDayOfDayNumberZero);

    private static int Floor(double value) => (int)Math.Floor(value);

    /// <summary>The day (Julian day number, local time) of the k-th new moon after 1900-01-01.</summary>
    private static int NewMoonDay(int k)
    {
        var t = k / 1236.85;
        var t2 = t * t;
        var t3 = t2 * t;
        const double dr = Math.PI / 180;
        var jd1 = 2415020.75933 + 29.53058868 * k + 0.0001178 * t2 - 0.000000155 * t3;
        jd1 += 0.00033 * Math.Sin((166.56 + 132.87 * t - 0.009173 * t2) * dr);
        var m = 359.2242 + 29.10535608 * k - 0.0000333 * t2 - 0.00000347 * t3;
        var mpr = 306.0253 + 385.81691806 * k + 0.0107306 * t2 + 0.00001236 * t3;
        var f = 21.2964 + 390.67050646 * k - 0.0016528 * t2 - 0.00000239 * t3;
        var c1 = (0.1734 - 0.000393 * t) * Math.Sin(m * dr) + 0.0021 * Math.Sin(2 * dr * m);
        c1 = c1 - 0.4068 * Math.Sin(mpr * dr) + 0.0161 * Math.Sin(dr * 2 * mpr);
        c1 -= 0.0004 * Math.Sin(dr * 3 * mpr);
        c1 = c1 + 0.0104 * Math.Sin(dr * 2 * f) - 0.0051 * Math.Sin(dr * (m + mpr));
        c1 = c1 - 0.0074 * Math.Sin(dr * (m - mpr)) + 0.0004 * Math.Sin(dr * (2 * f + m));
        c1 = c1 - 0.0004 * Math.Sin(dr * (2 * f - m)) - 0.0006 * Math.Sin(dr * (2 * f + mpr));
        c1 = c1 + 0.0010 * Math.Sin(dr * (2 * f - mpr)) + 0.0005 * Math.Sin(dr * (2 * mpr + m));
        var deltaT = t < -11
            ? 0.001 + 0.000839 * t + 0.0002261 * t2 - 0.00000845 * t3 - 0.000000081 * t * t3
            : -0.000278 + 0.000265 * t + 0.000262 * t2;
        var jdNew = jd1 + c1 - deltaT;
        return Floor(jdNew + 0.5 + TimeZoneHours / 24);
    }

    /// <summary>The sun's longitude at the start of the day, as the index (0-11) of its 30° sector: a
    /// change of sector within a month is a major solar term (trung khí).</summary>
    private static int SunLongitudeSector(int julianDay)
    {
        var t = (julianDay - 2451545.5 - TimeZoneHours / 24) / 36525;
        var t2 = t * t;
        const double dr = Math.PI / 180;
        var m = 357.52910 + 35999.05030 * t - 0.0001559 * t2 - 0.00000048 * t * t2;
        var l0 = 280.46645 + 36000.76983 * t + 0.0003032 * t2;
        var dl = (1.914600 - 0.004817 * t - 0.000014 * t2) * Math.Sin(dr * m);
        dl += (0.019993 - 0.000101 * t) * Math.Sin(dr * 2 * m) + 0.000290 * Math.Sin(dr * 3 * m);
        var l = (l0 + dl) * dr;
        l -= Math.PI * 2 * Math.Floor(l / (Math.PI * 2));
        return Floor(l / Math.PI * 6);
    }

    /// <summary>The first day of lunar month 11 (the month of the winter solstice) of solar year <paramref name="year"/>.</summary>
    private static int LunarMonth11(int year)
    {
        var offset = JulianDay(new DateOnly(year, 12, 31)) - 2415021;
        var k = Floor(offset / SynodicMonth);
        var newMoon = NewMoonDay(k);
        if (SunLongitudeSector(newMoon) >= 9)
            newMoon = NewMoonDay(k - 1);
        return newMoon;
    }

    /// <summary>How many months after month 11 (starting at <paramref name="a11"/>) the leap month is:
    /// the first month whose start has the same solar-term sector as the next one.</summary>
    private static int LeapMonthOffset(int a11)
    {
        var k = Floor((a11 - NewMoonEpoch) / SynodicMonth + 0.5);
        var i = 1;
        var arc = SunLongitudeSector(NewMoonDay(k + i));
        int last;
        do
        {
            last = arc;
            i++;
            arc = SunLongitudeSector(NewMoonDay(k + i));
        }
        while (arc != last && i < 14);
        return i - 1;
    }
}
