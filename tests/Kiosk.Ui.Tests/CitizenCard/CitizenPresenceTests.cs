using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using QueueKiosk.KioskUi.CitizenCard;
using QueueKiosk.KioskUi.Configuration;

namespace QueueKiosk.KioskUi.Tests.CitizenCard;

/// <summary>The scanned card is held only while used: Kiosk:CitizenHoldSeconds after its last use it is gone, even if nobody asks.</summary>
public sealed class CitizenPresenceTests
{
    private static readonly CitizenCardData Card = new("079095001234", "Nguyễn Văn An", new DateOnly(1950, 3, 15));

    private readonly FakeTimeProvider _time = new(DateTimeOffset.Parse("2026-12-04T02:00:00Z", System.Globalization.CultureInfo.InvariantCulture));

    private CitizenPresence Presence() => new(_time, Options.Create(new KioskOptions { CitizenHoldSeconds = 30 }));

    [Fact]
    public void UsingTheCard_RestartsItsTime_AndItIsDroppedAfterTheHoldWithoutUse()
    {
        using var presence = Presence();
        presence.Hold(Card);

        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Same(Card, presence.Use());
        _time.Advance(TimeSpan.FromSeconds(20));
        Assert.Same(Card, presence.Use());

        _time.Advance(TimeSpan.FromSeconds(30));
        Assert.Null(presence.Use());
        // Gone for good: the masked name is all a later "Xong" can answer.
        Assert.Null(presence.Forget());
    }

    [Fact]
    public void TheTimerDropsTheCard_WithoutAnyoneAsking()
    {
        using var presence = Presence();
        presence.Hold(Card);

        _time.Advance(TimeSpan.FromSeconds(31));

        // Forget() reads the held card without restarting its time: already dropped by the timer.
        Assert.Null(presence.Forget());
    }

    [Fact]
    public void ForgettingOneCard_KeepsANewerScan()
    {
        using var presence = Presence();
        presence.Hold(Card);
        var newer = Card with { IdNumber = "001090012345", FullName = "Trần Thị Bình" };
        presence.Hold(newer);

        Assert.Equal("Nguyễn V** A*", presence.Forget(Card));
        Assert.Same(newer, presence.Use());
        Assert.Equal("Trần T** B***", presence.Forget());
        Assert.Null(presence.Use());
    }
}
