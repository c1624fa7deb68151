using System.Globalization;
using System.Text;
using QueueKiosk.HubClient.Schedule;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Administration.SiteSettings;

/// <summary>
/// The settings page's week (seven rows, a morning and an afternoon session each) to and from the
/// text the site stores (Site.OpeningHours, read by <see cref="OpeningHours.Parse"/>).
/// </summary>
public static class WeeklyHours
{
    private static readonly string[] DayNames = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

    /// <summary>Monday first, as the office reads its week.</summary>
    public static readonly DayOfWeek[] Order =
        [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday, DayOfWeek.Saturday, DayOfWeek.Sunday];

    /// <summary>The seven rows of stored hours: the first session of a day is its morning (or its afternoon when it starts at noon or later), the second its afternoon.</summary>
    public static IReadOnlyList<WeekdayHoursDto> FromText(string text, string timeZone)
    {
        OpeningHours hours;
        try
        {
            hours = OpeningHours.Parse(text, timeZone);
        }
        catch (Exception e) when (e is FormatException or TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return [.. Order.Select(d => new WeekdayHoursDto(d, null, null))];
        }

        return [.. Order.Select(day =>
        {
            var sessions = hours.Intervals.Where(i => i.Day == day).OrderBy(i => i.Opens)
                .Select(i => new SessionDto(Show(i.Opens), Show(i.Closes))).ToList();
            return sessions.Count switch
            {
                0 => new WeekdayHoursDto(day, null, null),
                1 when hours.Intervals.First(i => i.Day == day).Opens >= new TimeOnly(12, 0) => new WeekdayHoursDto(day, null, sessions[0]),
                1 => new WeekdayHoursDto(day, sessions[0], null),
                _ => new WeekdayHoursDto(day, sessions[0], sessions[1]),
            };
        })];
    }

    /// <summary>Checks the week (each session ends after it starts, the afternoon starts after the morning ends, no day twice) and gives its text form.</summary>
    public static string ToText(IReadOnlyList<WeekdayHoursDto> week)
    {
        var parts = new StringBuilder();
        var seen = new HashSet<DayOfWeek>();
        for (var i = 0; i < week.Count; i++)
        {
            var row = week[i];
            var field = $"week[{i}]";
            if (!Enum.IsDefined(row.Day) || !seen.Add(row.Day))
            {
                throw new DomainException(Errors.Invalid.With(field + ".day"), field + ".day");
            }

            var morning = Parse(row.Morning, field + ".morning");
            var afternoon = Parse(row.Afternoon, field + ".afternoon");
            if (morning is { } m && afternoon is { } a && a.From < m.To)
            {
                throw new DomainException(Errors.SessionsOverlap.With(field + ".afternoon"), field + ".afternoon");
            }

            var sessions = new[] { morning, afternoon }.OfType<(TimeOnly From, TimeOnly To)>().ToList();
            if (sessions.Count == 0)
            {
                continue;
            }

            if (parts.Length > 0)
            {
                parts.Append("; ");
            }

            parts.Append(DayNames[(int)row.Day]).Append(' ')
                .AppendJoin(',', sessions.Select(s => $"{Show(s.From)}-{Show(s.To)}"));
        }

        // No session at all would be stored as "" and read as always open: the opposite of what an empty week looks like.
        if (parts.Length == 0)
        {
            throw new DomainException(Errors.Required.With("week"), "week");
        }

        return parts.ToString();
    }

    private static (TimeOnly From, TimeOnly To)? Parse(SessionDto? session, string field)
    {
        if (session is null || (string.IsNullOrWhiteSpace(session.From) && string.IsNullOrWhiteSpace(session.To)))
        {
            return null;
        }

        var from = Time(session.From, field + ".from");
        var to = Time(session.To, field + ".to");
        if (to <= from)
        {
            throw new DomainException(Errors.SessionReversed.With(field), field);
        }

        return (from, to);
    }

    private static TimeOnly Time(string? text, string field) =>
        TimeOnly.TryParseExact(text?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new DomainException(Errors.Invalid.With(field), field);

    private static string Show(TimeOnly time) => time.ToString("HH:mm", CultureInfo.InvariantCulture);
}
