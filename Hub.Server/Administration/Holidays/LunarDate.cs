namespace QueueKiosk.HubServer.Administration.Holidays;

/// <summary>A date of the Vietnamese lunisolar calendar (âm lịch). <see cref="Year"/> is the solar year in
/// which the lunar year starts (Tết of that year); a leap month repeats the number of the month before it.</summary>
public readonly record struct LunarDate(int Year, int Month, int Day, bool IsLeapMonth)
{
    public override string ToString() =>
        $"{Day:00}/{Month:00}{(IsLeapMonth ? " (nhuận)" : "")}/{Year}";
}
