using QueueKiosk.HubServer.Administration.Holidays;

namespace QueueKiosk.HubServer.Tests.Administration.Holidays;

public sealed class VietnamPublicHolidaysTests
{
    [Fact]
    public void For2025_Defaults_ListTheLabourCodeHolidaysAndTheDayInLieuOfTetOnSaturday()
    {
        var holidays = VietnamPublicHolidays.For(2025);

        Assert.Equal(
            [
                ("2025-01-01", HolidayKind.NewYearsDay),
                ("2025-01-28", HolidayKind.LunarNewYear),
                ("2025-01-29", HolidayKind.LunarNewYear),
                ("2025-01-30", HolidayKind.LunarNewYear),
                ("2025-01-31", HolidayKind.LunarNewYear),
                ("2025-02-01", HolidayKind.LunarNewYear),
                ("2025-02-03", HolidayKind.CompensatoryDayOff),
                ("2025-04-07", HolidayKind.HungKingsCommemoration),
                ("2025-04-30", HolidayKind.ReunificationDay),
                ("2025-05-01", HolidayKind.LabourDay),
                ("2025-09-01", HolidayKind.NationalDay),
                ("2025-09-02", HolidayKind.NationalDay),
            ],
            holidays.Select(h => (h.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), h.Kind)));
        Assert.Equal("Tết Nguyên Đán (1/1 âm lịch)", holidays.Single(h => h.Date == new DateOnly(2025, 1, 29)).NameVi);
        Assert.Equal("Tết Nguyên Đán (29/12 âm lịch)", holidays.Single(h => h.Date == new DateOnly(2025, 1, 28)).NameVi);
        Assert.All(holidays, h => Assert.True(h.NameVi.IsNormalized() && h.NameEn.Length > 0));
    }

    [Fact]
    public void NationalDayAdjacent_DayAfter_Gives3September()
    {
        var holidays = VietnamPublicHolidays.For(2026, new VietnamHolidayOptions { NationalDayAdjacent = NationalDayAdjacentDay.DayAfter });

        var nationalDays = holidays.Where(h => h.Kind == HolidayKind.NationalDay).Select(h => h.Date);
        Assert.Equal([new DateOnly(2026, 9, 2), new DateOnly(2026, 9, 3)], nationalDays);
    }

    [Fact]
    public void TetSpan_NoDayBefore_StartsOnTheLunarNewYearsDay()
    {
        var options = new VietnamHolidayOptions { TetDaysBeforeNewYear = 0, CompensateHolidaysOnRestDays = false };

        var tet = VietnamPublicHolidays.For(2026, options).Where(h => h.Kind == HolidayKind.LunarNewYear).Select(h => h.Date);

        Assert.Equal([.. Enumerable.Range(0, 5).Select(i => new DateOnly(2026, 2, 17).AddDays(i))], tet);
    }

    [Fact]
    public void WithoutCompensation_OnlyTheElevenStatutoryDays()
    {
        var holidays = VietnamPublicHolidays.For(2025, new VietnamHolidayOptions { CompensateHolidaysOnRestDays = false });

        Assert.Equal(11, holidays.Count);
        Assert.DoesNotContain(holidays, h => h.Kind == HolidayKind.CompensatoryDayOff);
    }

    [Fact]
    public void Compensation_SkipsOtherHolidaysAndRestDays()
    {
        // 2026: Tết 16/2 (Mon, 29 Tết) to 20/2 (Fri), no weekend inside; 1/1/2026 Thursday;
        // 30/4 Thu, 1/5 Fri; 1/9 Tue, 2/9 Wed; Giỗ Tổ 26/4 is a Sunday -> Monday 27/4 in lieu.
        var holidays = VietnamPublicHolidays.For(2026);

        var inLieu = Assert.Single(holidays, h => h.Kind == HolidayKind.CompensatoryDayOff);
        Assert.Equal(new DateOnly(2026, 4, 27), inLieu.Date);
        Assert.Contains("Giỗ Tổ Hùng Vương", inLieu.NameVi, StringComparison.Ordinal);
    }

    [Fact]
    public void TetDaysBeforeNewYear_OutOfRange_IsRefused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => VietnamPublicHolidays.For(2025, new VietnamHolidayOptions { TetDaysBeforeNewYear = 5 }));
    }
}
