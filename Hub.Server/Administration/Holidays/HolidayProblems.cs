using System.Globalization;

namespace QueueKiosk.HubServer.Administration.Holidays;

/// <summary>The problems <see cref="HolidayCalendar.Create"/> reports: each code and its texts, here only.</summary>
public static class HolidayProblems
{
    public const string YearOutOfRangeCode = "holiday.year_out_of_range";
    public const string TetDaysBeforeOutOfRangeCode = "holiday.tet_days_before_out_of_range";
    public const string OutsideYearCode = "holiday.outside_year";
    public const string RemovalNotComputedCode = "holiday.removal_not_computed";
    public const string NameRequiredCode = "holiday.name_required";
    public const string AlreadyHolidayCode = "holiday.already_holiday";
    public const string MakeUpOnHolidayCode = "holiday.make_up_on_holiday";
    public const string MakeUpNotRestDayCode = "holiday.make_up_not_rest_day";
    public const string MakeUpDuplicateCode = "holiday.make_up_duplicate";

    public static AdministrationProblem YearOutOfRange(int year) => new(
        YearOutOfRangeCode,
        "year",
        $"Năm {year} nằm ngoài khoảng tính được lịch ({VietnameseLunarCalendar.MinYear}-{VietnameseLunarCalendar.MaxYear}).",
        $"The year {year} is outside the years the calendar is computed for ({VietnameseLunarCalendar.MinYear}-{VietnameseLunarCalendar.MaxYear}).");

    public static AdministrationProblem TetDaysBeforeOutOfRange(int value) => new(
        TetDaysBeforeOutOfRangeCode,
        "options.tetDaysBeforeNewYear",
        $"Số ngày nghỉ Tết trước mùng 1 phải từ 0 đến {VietnamHolidayOptions.TetHolidayDays - 1} (đang là {value}).",
        $"The number of Tết days before the lunar New Year's day must be 0-{VietnamHolidayOptions.TetHolidayDays - 1} (it is {value}).");

    public static AdministrationProblem OutsideYear(string field, DateOnly date, int year) => new(
        OutsideYearCode,
        field,
        $"Ngày {Show(date)} không thuộc năm {year}.",
        $"The date {Show(date)} is not in {year}.");

    public static AdministrationProblem RemovalNotComputed(string field, DateOnly date) => new(
        RemovalNotComputedCode,
        field,
        $"Ngày {Show(date)} không phải ngày nghỉ lễ được tính sẵn nên không bỏ được.",
        $"{Show(date)} is not one of the computed holidays, so it cannot be removed.");

    public static AdministrationProblem NameRequired(string field) => new(
        NameRequiredCode,
        field,
        "Cần nhập tên ngày nghỉ.",
        "The holiday needs a name.");

    public static AdministrationProblem AlreadyHoliday(string field, DateOnly date, string existingName) => new(
        AlreadyHolidayCode,
        field,
        $"Ngày {Show(date)} đã là ngày nghỉ ({existingName}).",
        $"{Show(date)} is already a holiday ({existingName}).");

    public static AdministrationProblem MakeUpOnHoliday(string field, DateOnly date, string holidayName) => new(
        MakeUpOnHolidayCode,
        field,
        $"Ngày {Show(date)} là ngày nghỉ ({holidayName}), không thể là ngày làm việc bù.",
        $"{Show(date)} is a holiday ({holidayName}); it cannot be a make-up working day.");

    public static AdministrationProblem MakeUpNotRestDay(string field, DateOnly date) => new(
        MakeUpNotRestDayCode,
        field,
        $"Ngày {Show(date)} vốn là ngày làm việc; ngày làm việc bù phải là ngày nghỉ hằng tuần (ví dụ thứ Bảy).",
        $"{Show(date)} is already a working day; a make-up working day must be a weekly rest day (e.g. a Saturday).");

    public static AdministrationProblem MakeUpDuplicate(string field, DateOnly date) => new(
        MakeUpDuplicateCode,
        field,
        $"Ngày làm việc bù {Show(date)} được nhập hai lần.",
        $"The make-up working day {Show(date)} is entered twice.");

    private static string Show(DateOnly date) => date.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);
}
