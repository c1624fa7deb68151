using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.KioskUi.Schedule;

/// <summary>Whether the site is open now, and when it opens next, in the site's own zone.</summary>
public static class OpeningHours
{
    public const string DefaultZone = "Asia/Ho_Chi_Minh";

    public static TimeZoneInfo Zone(SiteDto site)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(string.IsNullOrWhiteSpace(site.TimeZone) ? DefaultZone : site.TimeZone);
        }
        catch (TimeZoneNotFoundException)
        {
            return TimeZoneInfo.FindSystemTimeZoneById(DefaultZone);
        }
    }

    public static DateTime LocalNow(SiteDto site, DateTimeOffset now) => TimeZoneInfo.ConvertTime(now, Zone(site)).DateTime;

    /// <summary>A site with no hours configured is treated as always open (the hub still decides).</summary>
    public static bool IsOpen(SiteDto site, DateTimeOffset now)
    {
        if (site.OpeningHours.Count == 0)
        {
            return true;
        }

        var local = LocalNow(site, now);
        var time = TimeOnly.FromDateTime(local);
        return site.OpeningHours.Any(h => h.Day == local.DayOfWeek && time >= h.Opens && time < h.Closes);
    }

    /// <summary>The next local opening time within a week, or null if there is none.</summary>
    public static DateTime? NextOpening(SiteDto site, DateTimeOffset now)
    {
        var local = LocalNow(site, now);
        for (var day = 0; day <= 7; day++)
        {
            var date = DateOnly.FromDateTime(local).AddDays(day);
            var next = site.OpeningHours
                .Where(h => h.Day == date.DayOfWeek)
                .Select(h => date.ToDateTime(h.Opens))
                .Where(t => t > local)
                .Order()
                .FirstOrDefault();
            if (next != default)
            {
                return next;
            }
        }

        return null;
    }
}
