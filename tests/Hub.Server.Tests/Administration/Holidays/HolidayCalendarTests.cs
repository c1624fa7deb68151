using QueueKiosk.HubServer.Administration;
using QueueKiosk.HubServer.Administration.Holidays;

namespace QueueKiosk.HubServer.Tests.Administration.Holidays;

public sealed class HolidayCalendarTests
{
    [Fact]
    public void IsWorkingDay_FollowsRestDaysHolidaysAndMakeUpDays()
    {
        // 2025 as the Government decided it for civil servants: 2/5 (Fri) off, made up on Sat 26/4.
        var calendar = Valid(new HolidayCalendarInput(2025)
        {
            AddedHolidays = [new AddedHoliday(new DateOnly(2025, 5, 2), "Nghỉ hoán đổi 2/5", null)],
            MakeUpWorkingDays = [new MakeUpWorkingDay(new DateOnly(2025, 4, 26), "bù cho ngày 2/5")],
        });

        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 4, 28)));    // an ordinary Monday
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 4, 27)));   // Sunday
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 4, 30)));   // 30/4
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 5, 2)));    // added
        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 4, 26)));    // make-up Saturday
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 5, 3)));    // an ordinary Saturday
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 1, 29)));   // Tết
        Assert.Equal("Nghỉ hoán đổi 2/5", calendar.HolidayOn(new DateOnly(2025, 5, 2))!.NameEn);
    }

    [Fact]
    public void Days_ListTheYearInOrderWithMakeUpDays()
    {
        var calendar = Valid(new HolidayCalendarInput(2025)
        {
            MakeUpWorkingDays = [new MakeUpWorkingDay(new DateOnly(2025, 4, 26), null)],
        });

        Assert.Equal(13, calendar.Days.Count);
        Assert.Equal(calendar.Days.OrderBy(d => d.Date).Select(d => d.Date), calendar.Days.Select(d => d.Date));
        var makeUp = Assert.Single(calendar.Days, d => d.Kind == CalendarDayKind.MakeUpWorkingDay);
        Assert.Equal("Ngày làm việc bù", makeUp.NameVi);
        Assert.Null(makeUp.HolidayKind);
    }

    [Fact]
    public void AddedHoliday_KeepsItsNamesInNfc()
    {
        var decomposed = "Ngày Văn hóa Việt Nam".Normalize(System.Text.NormalizationForm.FormD);

        var calendar = Valid(new HolidayCalendarInput(2025) { AddedHolidays = [new AddedHoliday(new DateOnly(2025, 11, 24), decomposed, " Vietnam Culture Day ")] });

        var added = calendar.HolidayOn(new DateOnly(2025, 11, 24))!;
        Assert.Equal((HolidayKind.AddedByAdministrator, "Ngày Văn hóa Việt Nam", "Vietnam Culture Day"), (added.Kind, added.NameVi, added.NameEn));
    }

    [Fact]
    public void RemovedHoliday_BecomesAWorkingDay()
    {
        var calendar = Valid(new HolidayCalendarInput(2025) { RemovedHolidays = [new DateOnly(2025, 9, 1)] });

        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 9, 1)));
        Assert.Null(calendar.HolidayOn(new DateOnly(2025, 9, 1)));
    }

    [Fact]
    public void WeeklyRestDays_SundayOnly_MakesSaturdayAWorkingDay()
    {
        var calendar = Valid(new HolidayCalendarInput(2025)
        {
            Options = new VietnamHolidayOptions { WeeklyRestDays = new HashSet<DayOfWeek> { DayOfWeek.Sunday } },
        });

        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 5, 3)));
        // Tết's fifth day (1/2/2025) is a Saturday, now a working day: no day in lieu.
        Assert.DoesNotContain(calendar.Holidays, h => h.Kind == HolidayKind.CompensatoryDayOff);
    }

    [Fact]
    public void HolidayOutsideTheYear_IsRefusedNamingTheField()
    {
        var result = HolidayCalendar.Create(new HolidayCalendarInput(2025)
        {
            AddedHolidays = [new AddedHoliday(new DateOnly(2026, 1, 2), "Nghỉ", null)],
        });

        var problem = Assert.Single(result.Problems);
        Assert.Null(result.Calendar);
        Assert.Equal(HolidayProblems.OutsideYearCode, problem.Code);
        Assert.Equal("addedHolidays[0].date", problem.Field);
        Assert.Equal("Ngày 02/01/2026 không thuộc năm 2025.", problem.MessageVi);
        Assert.Equal("The date 02/01/2026 is not in 2025.", problem.MessageEn);
    }

    [Fact]
    public void EveryBadInput_IsReportedAtOnce()
    {
        var result = HolidayCalendar.Create(new HolidayCalendarInput(2025)
        {
            AddedHolidays =
            [
                new AddedHoliday(new DateOnly(2025, 6, 2), "  ", null),
                new AddedHoliday(new DateOnly(2025, 4, 30), "Trùng 30/4", null),
            ],
            RemovedHolidays = [new DateOnly(2025, 6, 3), new DateOnly(2024, 9, 2)],
            MakeUpWorkingDays =
            [
                new MakeUpWorkingDay(new DateOnly(2025, 4, 28), null),   // a Monday
                new MakeUpWorkingDay(new DateOnly(2025, 2, 1), null),    // Tết (Saturday)
                new MakeUpWorkingDay(new DateOnly(2025, 4, 26), null),
                new MakeUpWorkingDay(new DateOnly(2025, 4, 26), null),
                new MakeUpWorkingDay(new DateOnly(2026, 4, 25), null),
            ],
        });

        Assert.Null(result.Calendar);
        Assert.Equal(
            [
                (HolidayProblems.RemovalNotComputedCode, "removedHolidays[0]"),
                (HolidayProblems.OutsideYearCode, "removedHolidays[1]"),
                (HolidayProblems.NameRequiredCode, "addedHolidays[0].nameVi"),
                (HolidayProblems.AlreadyHolidayCode, "addedHolidays[1].date"),
                (HolidayProblems.MakeUpNotRestDayCode, "makeUpWorkingDays[0].date"),
                (HolidayProblems.MakeUpOnHolidayCode, "makeUpWorkingDays[1].date"),
                (HolidayProblems.MakeUpDuplicateCode, "makeUpWorkingDays[3].date"),
                (HolidayProblems.OutsideYearCode, "makeUpWorkingDays[4].date"),
            ],
            result.Problems.Select(p => (p.Code, p.Field)));
        AssertBilingual(result.Problems);
    }

    [Fact]
    public void BadYearAndTetSpan_AreRefused()
    {
        var result = HolidayCalendar.Create(new HolidayCalendarInput(2300) { Options = new VietnamHolidayOptions { TetDaysBeforeNewYear = -1 } });

        Assert.Equal([HolidayProblems.YearOutOfRangeCode, HolidayProblems.TetDaysBeforeOutOfRangeCode], result.Problems.Select(p => p.Code));
        AssertBilingual(result.Problems);
    }

    [Fact]
    public void AskingAboutAnotherYear_Throws()
    {
        var calendar = Valid(new HolidayCalendarInput(2025));

        Assert.Throws<ArgumentOutOfRangeException>(() => calendar.IsWorkingDay(new DateOnly(2026, 1, 5)));
    }

    private static HolidayCalendar Valid(HolidayCalendarInput input)
    {
        var result = HolidayCalendar.Create(input);
        Assert.Empty(result.Problems);
        return Assert.IsType<HolidayCalendar>(result.Calendar);
    }

    private static void AssertBilingual(IEnumerable<AdministrationProblem> problems) =>
        Assert.All(problems, p =>
        {
            Assert.True(p.MessageVi.IsNormalized(), p.MessageVi);
            Assert.NotEqual(p.MessageVi, p.MessageEn);
            Assert.False(string.IsNullOrWhiteSpace(p.MessageEn));
        });
}
