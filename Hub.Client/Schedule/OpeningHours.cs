using System.Globalization;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubClient.Schedule;

/// <summary>
/// Weekly opening intervals in the site's local time: the one rule of "is the office open" and
/// "when does it open next". Hub.Server parses them from the site's text such as
/// "Mon-Fri 07:30-11:30,13:30-17:00; Sat 07:30-11:30" (<see cref="Parse"/>); a kiosk rebuilds them
/// from the intervals the hub sends in <see cref="SiteDto"/> (<see cref="Of"/>). No intervals means
/// always open.
/// </summary>
public sealed class OpeningHours
{
    /// <summary>The zone of a site that names none (or one this machine does not know).</summary>
    public const string DefaultZone = "Asia/Ho_Chi_Minh";

    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
    private readonly List<OpeningHoursDto>[] _byDay = Enumerable.Range(0, 7).Select(_ => new List<OpeningHoursDto>()).ToArray();

    private OpeningHours(TimeZoneInfo zone, bool alwaysOpen)
    {
        Zone = zone;
        AlwaysOpen = alwaysOpen;
    }

    public TimeZoneInfo Zone { get; }

    public bool AlwaysOpen { get; }

    public IReadOnlyList<OpeningHoursDto> Intervals => _byDay.SelectMany(d => d).ToList();

    /// <summary>Parses the text; throws FormatException naming the bad part.</summary>
    public static OpeningHours Parse(string text, string timeZoneId)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var hours = new OpeningHours(zone, string.IsNullOrWhiteSpace(text));
        foreach (var part in text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var space = part.IndexOf(' ', StringComparison.Ordinal);
            if (space < 0)
            {
                throw new FormatException($"Opening hours part '{part}' needs days and times, e.g. 'Mon-Fri 07:30-11:30'.");
            }

            var days = ParseDays(part[..space]);
            foreach (var range in part[(space + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                var dash = range.IndexOf('-', StringComparison.Ordinal);
                if (dash < 0
                    || !TimeOnly.TryParseExact(range[..dash], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var opens)
                    || !TimeOnly.TryParseExact(range[(dash + 1)..], "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var closes)
                    || closes <= opens)
                {
                    throw new FormatException($"Opening hours range '{range}' must look like 07:30-11:30.");
                }

                foreach (var day in days)
                {
                    hours._byDay[(int)day].Add(new OpeningHoursDto(day, opens, closes));
                }
            }
        }

        hours.SortIntervals();
        return hours;
    }

    /// <summary>A site's hours as the hub sent them; an unknown zone falls back to <see cref="DefaultZone"/>.</summary>
    public static OpeningHours Of(SiteDto site)
    {
        ArgumentNullException.ThrowIfNull(site);
        var hours = new OpeningHours(ZoneOrDefault(site.TimeZone), site.OpeningHours.Count == 0);
        foreach (var interval in site.OpeningHours)
        {
            hours._byDay[(int)interval.Day].Add(interval);
        }

        hours.SortIntervals();
        return hours;
    }

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(utc, Zone);

    public DateOnly LocalDay(DateTime utc) => DateOnly.FromDateTime(ToLocal(utc));

    public bool IsOpen(DateTime utc)
    {
        if (AlwaysOpen)
        {
            return true;
        }

        var local = ToLocal(utc);
        var time = TimeOnly.FromDateTime(local);
        return _byDay[(int)local.DayOfWeek].Any(i => time >= i.Opens && time < i.Closes);
    }

    /// <summary>Next opening after utc (local and UTC), looking up to two weeks ahead.</summary>
    public (DateTime Utc, DateTime Local)? NextOpening(DateTime utc)
    {
        var local = ToLocal(utc);
        for (var d = 0; d < 14; d++)
        {
            var day = local.Date.AddDays(d);
            foreach (var interval in _byDay[(int)day.DayOfWeek])
            {
                var opens = day + interval.Opens.ToTimeSpan();
                if (opens > local)
                {
                    return (TimeZoneInfo.ConvertTimeToUtc(opens, Zone), opens);
                }
            }
        }

        return null;
    }

    /// <summary>The end of the last interval of that local day in UTC, or null when closed all day.</summary>
    public DateTime? ClosingTimeUtc(DateOnly localDay)
    {
        var intervals = _byDay[(int)localDay.DayOfWeek];
        if (AlwaysOpen || intervals.Count == 0)
        {
            return null;
        }

        var close = localDay.ToDateTime(intervals.Max(i => i.Closes));
        return TimeZoneInfo.ConvertTimeToUtc(close, Zone);
    }

    private static TimeZoneInfo ZoneOrDefault(string? id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(id) ? DefaultZone : id);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById(DefaultZone);
        }
    }

    private void SortIntervals()
    {
        foreach (var list in _byDay)
        {
            list.Sort((a, b) => a.Opens.CompareTo(b.Opens));
        }
    }

    private static DayOfWeek[] ParseDays(string text)
    {
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var from = Day(dash < 0 ? text : text[..dash]);
        var to = dash < 0 ? from : Day(text[(dash + 1)..]);
        var result = new List<DayOfWeek>();
        for (var d = from; ; d = (d + 1) % 7)
        {
            result.Add((DayOfWeek)d);
            if (d == to)
            {
                break;
            }
        }

        return [.. result];

        static int Day(string name)
        {
            var index = Array.FindIndex(DayNames, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
            return index >= 0 ? index : throw new FormatException($"Unknown day '{name}' in opening hours (use Mon, Tue, Wed, Thu, Fri, Sat, Sun).");
        }
    }
}
