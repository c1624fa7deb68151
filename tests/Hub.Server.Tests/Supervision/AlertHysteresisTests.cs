using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Supervision;

namespace QueueKiosk.HubServer.Tests.Supervision;

/// <summary>A raised presence alert is kept while its state flickers and let go after the clear time of continuous absence.</summary>
public sealed class AlertHysteresisTests
{
    private static readonly Guid Site = Guid.NewGuid();
    private static readonly TimeSpan ClearAfter = TimeSpan.FromSeconds(60);
    private static readonly AlertCondition Counter2 = new("counter:2", "Quầy 2", "Quầy đang mở nhưng không có cán bộ đăng nhập 3 phút", "Counter open with no officer signed in for 3 min");

    [Fact]
    public void AFlickeringState_KeepsTheAlert_AMinuteOfFalse_LetsItGo()
    {
        var hysteresis = new AlertHysteresis();
        var t = new DateTime(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc);
        var kind = AlertKind.CounterOpenWithoutOfficer;

        Assert.Equal([Counter2], hysteresis.Apply(Site, kind, [Counter2], Set("counter:2"), t, ClearAfter));

        // The officer's console reconnects every few seconds: the state is true, false, true...
        for (var i = 0; i < 20; i++)
        {
            t += TimeSpan.FromSeconds(10);
            var stateNow = i % 2 == 0 ? Set() : Set("counter:2");
            Assert.Equal([Counter2], hysteresis.Apply(Site, kind, [], stateNow, t, ClearAfter));
        }

        // False for 59 s: kept; for 60 s: let go, and not returned again.
        var falseFrom = t + TimeSpan.FromSeconds(1);
        Assert.Equal([Counter2], hysteresis.Apply(Site, kind, [], Set(), falseFrom, ClearAfter));
        Assert.Equal([Counter2], hysteresis.Apply(Site, kind, [], Set(), t + TimeSpan.FromSeconds(59), ClearAfter));
        Assert.Empty(hysteresis.Apply(Site, kind, [], Set(), t + TimeSpan.FromSeconds(60), ClearAfter));
        Assert.Empty(hysteresis.Apply(Site, kind, [], Set("counter:2"), t + TimeSpan.FromSeconds(61), ClearAfter));
    }

    [Fact]
    public void AStateThatHeldNoAlert_RaisesNothing_AndKindsAndSitesAreSeparate()
    {
        var hysteresis = new AlertHysteresis();
        var t = new DateTime(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc);

        Assert.Empty(hysteresis.Apply(Site, AlertKind.CounterUnattended, [], Set("counter:2"), t, ClearAfter));
        hysteresis.Apply(Site, AlertKind.CounterUnattended, [Counter2], Set("counter:2"), t, ClearAfter);
        Assert.Empty(hysteresis.Apply(Site, AlertKind.CounterOccupiedWhileClosed, [], Set(), t, ClearAfter));
        Assert.Empty(hysteresis.Apply(Guid.NewGuid(), AlertKind.CounterUnattended, [], Set(), t, ClearAfter));
        Assert.Equal([Counter2], hysteresis.Apply(Site, AlertKind.CounterUnattended, [], Set(), t + TimeSpan.FromSeconds(30), ClearAfter));
    }

    [Fact]
    public void ZeroClearTime_ClearsAtTheFirstFalse_AsBefore()
    {
        var hysteresis = new AlertHysteresis();
        var t = new DateTime(2026, 12, 4, 2, 0, 0, DateTimeKind.Utc);
        hysteresis.Apply(Site, AlertKind.CounterUnattended, [Counter2], Set("counter:2"), t, TimeSpan.Zero);

        Assert.Empty(hysteresis.Apply(Site, AlertKind.CounterUnattended, [], Set(), t + TimeSpan.FromSeconds(10), TimeSpan.Zero));
    }

    private static HashSet<string> Set(params string[] keys) => new(keys, StringComparer.Ordinal);
}
