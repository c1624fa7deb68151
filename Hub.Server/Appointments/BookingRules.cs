using System.Globalization;
using System.Text.RegularExpressions;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Appointments;

/// <summary>
/// Which slots may be booked (docs/appointments.md), with no I/O: a slot of the service's list, on a
/// day of its week that is no holiday, inside the site's opening hours, not started yet, and at
/// most DaysAhead days away. Each refusal names the reason in a sentence (Errors).
/// </summary>
public static partial class BookingRules
{
    public static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    public static string Time(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The slot's start in UTC.</summary>
    public static DateTime StartUtc(SiteInfo site, DateOnly day, TimeOnly slot) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(slot, DateTimeKind.Unspecified), site.Hours.Zone);

    /// <summary>Throws the sentence saying why the slot cannot be booked now; returns the slot's start (UTC) when it can.</summary>
    /// <param name="ignoreHours">Queue:IgnoreOpeningHours (demo, tests): as for issuing tickets, holidays and opening hours are not checked.</param>
    public static DateTime EnsureBookable(SiteInfo site, BookingSettings settings, DateOnly day, TimeOnly slot, DateTime nowUtc, bool ignoreHours = false)
    {
        if (!settings.SlotList().Contains(slot))
        {
            throw new DomainException(Errors.BookingSlotUnknown.With(Time(slot)), "slot");
        }

        var today = site.Hours.LocalDay(nowUtc);
        if (day > today.AddDays(settings.DaysAhead))
        {
            throw new DomainException(Errors.BookingTooFarAhead.With(settings.DaysAhead), "day");
        }

        var start = StartUtc(site, day, slot);
        if (start <= nowUtc)
        {
            throw new DomainException(Errors.BookingSlotPast.With(Time(slot), Day(day)), "slot");
        }

        if (!ignoreHours && site.Calendar.HolidayOn(day) is { } holiday)
        {
            throw new DomainException(Errors.BookingHoliday.With(Day(day), holiday.NameVi), "day");
        }

        if (!settings.DayList().Contains(day.DayOfWeek) && !site.Calendar.IsMakeUpDay(day))
        {
            throw new DomainException(Errors.BookingDayNotOffered.With(Day(day)), "day");
        }

        if (!ignoreHours && !InsideOpeningHours(site, day, slot, settings.SlotMinutes))
        {
            throw new DomainException(Errors.BookingOutsideHours.With(Time(slot), Day(day)), "slot");
        }

        return start;
    }

    /// <summary>The whole slot lies within one session of the day (a slot crossing the lunch break is refused).</summary>
    public static bool InsideOpeningHours(SiteInfo site, DateOnly day, TimeOnly slot, int slotMinutes)
    {
        if (site.Hours.AlwaysOpen)
        {
            return true;
        }

        var end = slot.AddMinutes(slotMinutes, out var wrapped);
        return wrapped == 0 && site.Calendar.SessionsOn(day).Any(s => slot >= s.Opens && end <= s.Closes);
    }

    /// <summary>The slots that could be booked now on one day, or none (holiday, day not offered).</summary>
    public static IEnumerable<TimeOnly> BookableSlots(SiteInfo site, BookingSettings settings, DateOnly day, DateTime nowUtc, bool ignoreHours = false)
    {
        foreach (var slot in settings.SlotList())
        {
            var ok = true;
            try
            {
                EnsureBookable(site, settings, day, slot, nowUtc, ignoreHours);
            }
            catch (DomainException)
            {
                ok = false;
            }

            if (ok)
            {
                yield return slot;
            }
        }
    }

    /// <summary>
    /// A Vietnamese mobile number as stored: 10 digits starting 03, 05, 07, 08 or 09. Spaces, dots and
    /// dashes are dropped and +84/84 becomes 0, as people write it.
    /// </summary>
    public static string Phone(string? value, string field)
    {
        var digits = Separators().Replace(value ?? "", "");
        if (digits.StartsWith("+84", StringComparison.Ordinal))
        {
            digits = "0" + digits[3..];
        }
        else if (digits.StartsWith("84", StringComparison.Ordinal) && digits.Length == 11)
        {
            digits = "0" + digits[2..];
        }

        if (!MobileNumber().IsMatch(digits))
        {
            throw new DomainException(Errors.PhoneInvalid.With(field), field);
        }

        return digits;
    }

    /// <summary>"HH:mm" as a slot time; the field is named when it is not one.</summary>
    public static TimeOnly SlotTime(string? value, string field)
    {
        if (!TimeOnly.TryParseExact(value?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            throw new DomainException(Errors.Invalid.With(field), field);
        }

        return time;
    }

    [GeneratedRegex(@"[\s.\-()]")]
    private static partial Regex Separators();

    [GeneratedRegex(@"^0[35789][0-9]{8}$")]
    private static partial Regex MobileNumber();
}
