using System.Globalization;
using QueueKiosk.KioskUi.Schedule;

namespace QueueKiosk.KioskUi.Tests.Schedule;

public class OpeningHoursTests
{
    private readonly QueueKiosk.HubClient.Contracts.SiteDto site = SampleCatalogue.Catalogue().Site;

    // 2026-11-23 is a Monday. Vietnam is UTC+7 with no daylight saving.
    [Theory]
    [InlineData("2026-11-23T00:30:00Z", true)]   // 07:30 local, opening minute
    [InlineData("2026-11-23T00:29:00Z", false)]  // 07:29
    [InlineData("2026-11-23T04:30:00Z", false)]  // 11:30, lunch break starts
    [InlineData("2026-11-23T07:00:00Z", true)]   // 14:00
    [InlineData("2026-11-23T10:00:00Z", false)]  // 17:00, closed
    [InlineData("2026-11-22T02:00:00Z", false)]  // Sunday 09:00
    public void IsOpen_FollowsTheSitesLocalHours(string utc, bool expected)
    {
        Assert.Equal(expected, OpeningHours.IsOpen(site, DateTimeOffset.Parse(utc, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void NextOpening_OnSundayEvening_IsMondayMorning()
    {
        var next = OpeningHours.NextOpening(site, DateTimeOffset.Parse("2026-11-22T12:00:00Z", CultureInfo.InvariantCulture));

        Assert.Equal(new DateTime(2026, 11, 23, 7, 30, 0), next);
    }

    [Fact]
    public void NextOpening_DuringLunch_IsTheAfternoon()
    {
        var next = OpeningHours.NextOpening(site, DateTimeOffset.Parse("2026-11-23T05:00:00Z", CultureInfo.InvariantCulture));

        Assert.Equal(new DateTime(2026, 11, 23, 13, 30, 0), next);
    }

    [Fact]
    public void IsOpen_SiteWithoutHours_IsAlwaysOpen()
    {
        Assert.True(OpeningHours.IsOpen(site with { OpeningHours = [] }, DateTimeOffset.UtcNow));
    }
}
