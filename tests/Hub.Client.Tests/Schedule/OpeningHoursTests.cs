using System.Globalization;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Schedule;

namespace QueueKiosk.HubClient.Tests.Schedule;

/// <summary>
/// The one opening-hours rule: parsed from the site's text by Hub.Server, rebuilt from the
/// intervals in SiteDto by the kiosk. Both must agree; the enforcement over HTTP is tested in
/// Hub.Server.Tests' OpeningHoursTests.
/// </summary>
public sealed class OpeningHoursTests
{
    private const string DemoText = "Mon-Fri 07:30-11:30,13:00-17:00; Sat 07:30-11:30";
    private const string Vietnam = "Asia/Ho_Chi_Minh";

    // 2026-11-23 is a Monday. Vietnam is UTC+7 with no daylight saving.
    [Theory]
    [InlineData("2026-11-23T00:30:00Z", true)]   // 07:30 local, opening minute
    [InlineData("2026-11-23T00:29:00Z", false)]  // 07:29
    [InlineData("2026-11-23T04:30:00Z", false)]  // 11:30, lunch break starts
    [InlineData("2026-11-23T06:00:00Z", true)]   // 13:00
    [InlineData("2026-11-23T09:59:00Z", true)]   // 16:59
    [InlineData("2026-11-23T10:00:00Z", false)]  // 17:00, closed
    [InlineData("2026-11-28T02:00:00Z", true)]   // Saturday 09:00
    [InlineData("2026-11-22T02:00:00Z", false)]  // Sunday 09:00
    public void IsOpen_FollowsTheSitesLocalHours_ParsedOrSentByTheHub(string utc, bool expected)
    {
        var at = Utc(utc);
        var parsed = OpeningHours.Parse(DemoText, Vietnam);

        Assert.Equal(expected, parsed.IsOpen(at));
        Assert.Equal(expected, OpeningHours.Of(Site(parsed.Intervals)).IsOpen(at));
    }

    [Fact]
    public void NextOpening_OnSundayEvening_IsMondayMorning()
    {
        var next = OpeningHours.Parse(DemoText, Vietnam).NextOpening(Utc("2026-11-22T12:00:00Z"));

        Assert.Equal(new DateTime(2026, 11, 23, 7, 30, 0), next?.Local);
        Assert.Equal(Utc("2026-11-23T00:30:00Z"), next?.Utc);
    }

    [Fact]
    public void NextOpening_DuringLunch_IsTheAfternoon_FromTheSitesIntervals()
    {
        var hours = OpeningHours.Of(Site(OpeningHours.Parse(DemoText, Vietnam).Intervals));

        Assert.Equal(new DateTime(2026, 11, 23, 13, 0, 0), hours.NextOpening(Utc("2026-11-23T05:00:00Z"))?.Local);
    }

    [Fact]
    public void SiteWithoutHours_IsAlwaysOpen_AndHasNoClosingTime()
    {
        var hours = OpeningHours.Of(Site([]));

        Assert.True(hours.AlwaysOpen);
        Assert.True(hours.IsOpen(Utc("2026-11-22T20:00:00Z")));
        Assert.Null(hours.ClosingTimeUtc(new DateOnly(2026, 11, 23)));
        Assert.True(OpeningHours.Parse("", Vietnam).AlwaysOpen);
    }

    [Fact]
    public void SiteInAZoneThisMachineDoesNotKnow_FallsBackToVietnam()
    {
        var hours = OpeningHours.Of(Site(OpeningHours.Parse(DemoText, Vietnam).Intervals) with { TimeZone = "Mars/Olympus_Mons" });

        Assert.Equal(Vietnam, hours.Zone.Id);
    }

    [Theory]
    [InlineData("Mon-Fri 7:30-11:30", "7:30-11:30")]
    [InlineData("Funday 07:30-11:30", "Funday")]
    [InlineData("Mon 11:30-07:30", "11:30-07:30")]
    [InlineData("Mon", "Mon")]
    public void BadText_IsRejected_NamingTheBadPart(string text, string badPart)
    {
        var error = Assert.Throws<FormatException>(() => OpeningHours.Parse(text, Vietnam));
        Assert.Contains($"'{badPart}'", error.Message, StringComparison.Ordinal);
    }

    private static DateTime Utc(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture).UtcDateTime;

    private static SiteDto Site(IReadOnlyList<OpeningHoursDto> hours) =>
        new(Guid.NewGuid(), "DEMO", "UBND Phường Bến Nghé", Vietnam, "29 Lê Duẩn, Quận 1", hours);
}
