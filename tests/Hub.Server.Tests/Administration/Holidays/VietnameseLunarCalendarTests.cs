using QueueKiosk.HubServer.Administration.Holidays;

namespace QueueKiosk.HubServer.Tests.Administration.Holidays;

public sealed class VietnameseLunarCalendarTests
{
    [Theory]
    [InlineData(2020, "2020-01-25")]
    [InlineData(2021, "2021-02-12")]
    [InlineData(2022, "2022-02-01")]
    [InlineData(2023, "2023-01-22")]
    [InlineData(2024, "2024-02-10")]
    [InlineData(2025, "2025-01-29")]
    [InlineData(2026, "2026-02-17")]
    [InlineData(2027, "2027-02-06")]
    [InlineData(2028, "2028-01-26")]
    // Vietnam's Tết on UTC+7 differs from China's (UTC+8): 2007-02-17 (China 02-18), 1985-01-21 (China 02-20).
    [InlineData(2007, "2007-02-17")]
    [InlineData(1985, "1985-01-21")]
    public void NewYear_KnownYears_IsTheDayVietnamCelebratedTet(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), VietnameseLunarCalendar.NewYear(year));
    }

    [Theory]
    [InlineData(2022, "2022-04-10")]
    [InlineData(2023, "2023-04-29")]
    [InlineData(2024, "2024-04-18")]
    [InlineData(2025, "2025-04-07")]
    [InlineData(2026, "2026-04-26")]
    public void ToSolar_TenthDayOfThirdMonth_IsGioToHungVuong(int year, string expected)
    {
        Assert.Equal(Date(expected), VietnameseLunarCalendar.ToSolar(new LunarDate(year, 3, 10, false)));
    }

    [Theory]
    [InlineData(2014, 9)]
    [InlineData(2017, 6)]
    [InlineData(2020, 4)]
    [InlineData(2023, 2)]
    [InlineData(2025, 6)]
    [InlineData(2024, null)]
    [InlineData(2026, null)]
    public void LeapMonth_KnownYears(int year, int? expected)
    {
        Assert.Equal(expected, VietnameseLunarCalendar.LeapMonth(year));
    }

    [Fact]
    public void LeapSecondMonth2023_FollowsTheOrdinarySecondMonth()
    {
        Assert.Equal(new LunarDate(2023, 2, 1, false), VietnameseLunarCalendar.FromSolar(Date("2023-02-20")));
        Assert.Equal(new LunarDate(2023, 2, 1, true), VietnameseLunarCalendar.FromSolar(Date("2023-03-22")));
        Assert.Equal(new LunarDate(2023, 3, 1, false), VietnameseLunarCalendar.FromSolar(Date("2023-04-20")));
        Assert.Equal(Date("2023-03-22"), VietnameseLunarCalendar.ToSolar(new LunarDate(2023, 2, 1, true)));
    }

    [Fact]
    public void LeapSixthMonth2025_AndMidAutumnAfterIt()
    {
        Assert.Equal(Date("2025-06-25"), VietnameseLunarCalendar.ToSolar(new LunarDate(2025, 6, 1, false)));
        Assert.Equal(Date("2025-07-25"), VietnameseLunarCalendar.ToSolar(new LunarDate(2025, 6, 1, true)));
        // Tết Trung thu (15/8) 2025 was on 6 October.
        Assert.Equal(Date("2025-10-06"), VietnameseLunarCalendar.ToSolar(new LunarDate(2025, 8, 15, false)));
    }

    [Fact]
    public void ToSolar_DatesThatDoNotExist_AreNull()
    {
        // 2025 had no "30 Tết": the last month of Giáp Thìn had 29 days; 2024's had 30.
        Assert.Equal(new LunarDate(2024, 12, 29, false), VietnameseLunarCalendar.FromSolar(Date("2025-01-28")));
        Assert.Null(VietnameseLunarCalendar.ToSolar(new LunarDate(2024, 12, 30, false)));
        Assert.Equal(Date("2024-02-09"), VietnameseLunarCalendar.ToSolar(new LunarDate(2023, 12, 30, false)));
        Assert.Null(VietnameseLunarCalendar.ToSolar(new LunarDate(2024, 2, 1, true)));
        Assert.Null(VietnameseLunarCalendar.ToSolar(new LunarDate(2023, 3, 1, true)));
        Assert.Null(VietnameseLunarCalendar.ToSolar(new LunarDate(2025, 13, 1, false)));
        Assert.Null(VietnameseLunarCalendar.ToSolar(new LunarDate(2025, 1, 0, false)));
    }

    [Fact]
    public void FromSolar_EveryDayOfTheRange_RoundTripsAndCountsUpByOne()
    {
        var previous = VietnameseLunarCalendar.FromSolar(new DateOnly(1900, 2, 1));
        var monthLengths = new List<int>();
        for (var date = new DateOnly(1900, 2, 2); date.Year < VietnameseLunarCalendar.MaxYear; date = date.AddDays(1))
        {
            var lunar = VietnameseLunarCalendar.FromSolar(date);
            Assert.Equal(date, VietnameseLunarCalendar.ToSolar(lunar));
            if (lunar.Day == 1)
            {
                monthLengths.Add(previous.Day);
                var startsNewYear = lunar.Month == 1 && !lunar.IsLeapMonth;
                Assert.Equal(startsNewYear ? previous.Year + 1 : previous.Year, lunar.Year);
                if (lunar.IsLeapMonth)
                    Assert.Equal(previous.Month, lunar.Month);
                else
                    Assert.Equal(previous.Month % 12 + 1, lunar.Month);
            }
            else
            {
                Assert.Equal(previous with { Day = previous.Day + 1 }, lunar);
            }

            previous = lunar;
        }

        Assert.All(monthLengths, length => Assert.InRange(length, 29, 30));
    }

    [Fact]
    public void FromSolar_TrueNewMoonAheadOfTheMeanOne_StillGivesTheLastDayOfTheMonth()
    {
        Assert.Equal(new LunarDate(2054, 3, 30, false), VietnameseLunarCalendar.FromSolar(Date("2054-05-07")));
        Assert.Equal(new LunarDate(2054, 4, 1, false), VietnameseLunarCalendar.FromSolar(Date("2054-05-08")));
    }

    [Fact]
    public void YearsOutsideTheComputedRange_AreRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.NewYear(1899));
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnameseLunarCalendar.FromSolar(new DateOnly(2200, 1, 1)));
    }

    private static DateOnly Date(string iso) => DateOnly.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);
}
