using Microsoft.Extensions.Time.Testing;
using QueueKiosk.CounterDisplay.State;
using QueueKiosk.HubClient.Contracts;
using static QueueKiosk.CounterDisplay.Tests.State.Samples;

namespace QueueKiosk.CounterDisplay.Tests.State;

public class DisplayStateTests
{
    private readonly DisplayState _state = new(new FakeTimeProvider(T0), lastCallsKept: 3);

    [Fact]
    public void Snapshot_ShowsCountersTicketsAndWaitingCounts()
    {
        _state.ApplySnapshot(Snapshot(7,
            counters: [Counter(Counter1, 1, "A012"), Counter(Counter2, 2, state: CounterState.Paused, reason: "Họp")],
            recent: [Ticket("A012", calledAt: T0.AddMinutes(2)), Ticket("A011", counter: 2, calledAt: T0.AddMinutes(1))],
            services: [Service("A", 4), Service("B", 0)]));

        var view = _state.Current;
        Assert.True(view.Synced);
        Assert.Equal(7, view.LastSequence);
        Assert.Equal(["A012", null], view.Counters.Select(c => c.TicketNumber));
        Assert.Equal("Họp", view.Counters[1].PauseReason);
        Assert.Equal(["A012", "A011"], view.LastCalls.Select(c => c.TicketNumber));
        Assert.Equal([4, 0], view.Services.Select(s => s.Waiting));
    }

    [Fact]
    public void SiteName_IsShownFromTheHub_AndOnlyAChangeRedrawsThePages()
    {
        Assert.Null(_state.Current.SiteName);
        var versions = new List<long>();
        _state.Changed += view => versions.Add(view.Version);

        _state.SetSiteName("UBND phường Bến Nghé");
        _state.SetSiteName("UBND phường Bến Nghé");

        Assert.Equal("UBND phường Bến Nghé", _state.Current.SiteName);
        Assert.Single(versions);
    }

    [Fact]
    public void SiteLogo_GetsAVersionedAddress_OnlyANewPictureRedraws_AndRemovingItHidesIt()
    {
        Assert.Null(_state.Current.SiteLogoUrl);
        var versions = new List<long>();
        _state.Changed += view => versions.Add(view.Version);

        _state.SetSiteLogo(new HubClient.Rest.SiteLogo([1, 2, 3], "image/png"));
        var first = _state.Current.SiteLogoUrl;
        _state.SetSiteLogo(new HubClient.Rest.SiteLogo([1, 2, 3], "image/png"));
        Assert.Single(versions);
        Assert.StartsWith(DisplayRoutes.SiteLogo + "?v=", first, StringComparison.Ordinal);

        _state.SetSiteLogo(new HubClient.Rest.SiteLogo([4, 5], "image/jpeg"));
        Assert.NotEqual(first, _state.Current.SiteLogoUrl);
        Assert.Equal([4, 5], _state.SiteLogo!.Bytes);

        _state.SetSiteLogo(null);
        Assert.Null(_state.Current.SiteLogoUrl);
        Assert.Null(_state.SiteLogo);
        Assert.Equal(3, versions.Count);
    }

    [Fact]
    public void Called_NextSequence_ShowsNumberAtCounterAndAnnouncesIt()
    {
        _state.ApplySnapshot(Snapshot(10));
        var announced = new List<CallAnnouncement>();
        _state.Announced += announced.Add;

        var outcome = _state.Apply(Called(11, "A015", Counter2, 2));

        Assert.Equal(ApplyOutcome.Applied, outcome);
        Assert.Equal("A015", _state.Current.Counters.Single(c => c.Number == 2).TicketNumber);
        Assert.Equal("A015", _state.Current.LastCalls[0].TicketNumber);
        Assert.Equal(new CallAnnouncement("A015", 2, false, 11), Assert.Single(announced));
    }

    [Fact]
    public void Event_AfterMissedSequence_IsGapAndChangesNothing()
    {
        _state.ApplySnapshot(Snapshot(10));
        var before = _state.Current;

        Assert.Equal(ApplyOutcome.Gap, _state.Apply(Called(12, "A015", Counter1, 1)));
        Assert.Equal(before.Version, _state.Current.Version);
        Assert.Equal(10, _state.Current.LastSequence);
        Assert.All(_state.Current.Counters, c => Assert.Null(c.TicketNumber));
    }

    [Fact]
    public void Event_BeforeFirstSnapshot_IsGap()
    {
        Assert.Equal(ApplyOutcome.Gap, _state.Apply(Called(1, "A001", Counter1, 1)));
        Assert.False(_state.Current.Synced);
    }

    [Fact]
    public void Event_AlreadyInSnapshot_IsIgnoredAndNotAnnouncedTwice()
    {
        _state.ApplySnapshot(Snapshot(10));
        var announced = 0;
        _state.Announced += _ => announced++;

        Assert.Equal(ApplyOutcome.Applied, _state.Apply(Called(11, "A015", Counter1, 1)));
        Assert.Equal(ApplyOutcome.AlreadySeen, _state.Apply(Called(11, "A015", Counter1, 1)));
        Assert.Equal(ApplyOutcome.AlreadySeen, _state.Apply(Called(9, "A009", Counter1, 1)));
        Assert.Equal(1, announced);
    }

    [Fact]
    public void Recall_AnnouncesAgainAndMarksTheCall()
    {
        _state.ApplySnapshot(Snapshot(0));
        var announced = new List<CallAnnouncement>();
        _state.Announced += announced.Add;
        var called = Called(1, "A003", Counter1, 1);
        _state.Apply(called);

        _state.Apply(new TicketRecalledEvent(2, Site, called.Ticket, Counter1, 1, 1));

        Assert.Equal([false, true], announced.Select(a => a.IsRecall));
        Assert.True(_state.Current.LastCalls[0].IsRecall);
        Assert.Equal("A003", _state.Current.Counters[0].TicketNumber);
    }

    [Theory]
    [InlineData(TicketStatus.Served, null)]
    [InlineData(TicketStatus.NoShow, null)]
    [InlineData(TicketStatus.Transferred, null)]
    [InlineData(TicketStatus.Serving, "A003")]
    public void TicketChanged_ClearsCounterOnlyWhenTicketLeftIt(TicketStatus status, string? expected)
    {
        _state.ApplySnapshot(Snapshot(0));
        _state.Apply(Called(1, "A003", Counter1, 1));

        _state.Apply(new TicketChangedEvent(2, Site, Ticket("A003", status), TicketEventKind.Served));

        Assert.Equal(expected, _state.Current.Counters[0].TicketNumber);
    }

    [Fact]
    public void CounterChanged_ReplacesTheCounter()
    {
        _state.ApplySnapshot(Snapshot(0));

        _state.Apply(new CounterChangedEvent(1, Site, Counter(Counter2, 2, state: CounterState.Paused, reason: "Nghỉ trưa")));

        var counter = _state.Current.Counters.Single(c => c.Number == 2);
        Assert.Equal(CounterState.Paused, counter.State);
        Assert.Equal("Nghỉ trưa", counter.PauseReason);
    }

    [Fact]
    public void QueueStats_UpdatesWaitingWithoutAdvancingSequence()
    {
        _state.ApplySnapshot(Snapshot(5));

        Assert.Equal(ApplyOutcome.Applied, _state.Apply(new QueueStatsEvent(5, Site, [Service("A", 9)], 9)));

        Assert.Equal(9, _state.Current.Services.Single().Waiting);
        Assert.Equal(5, _state.Current.LastSequence);
        Assert.Equal(ApplyOutcome.Applied, _state.Apply(Called(6, "A010", Counter1, 1)));
    }

    [Fact]
    public void LastCalls_KeepsOnlyTheNewest()
    {
        _state.ApplySnapshot(Snapshot(0));
        for (var i = 1; i <= 5; i++)
        {
            _state.Apply(Called(i, $"A00{i}", Counter1, 1));
        }

        Assert.Equal(["A005", "A004", "A003"], _state.Current.LastCalls.Select(c => c.TicketNumber));
    }

    [Fact]
    public void Disconnect_KeepsLastStateAndRaisesChange()
    {
        _state.ApplySnapshot(Snapshot(0));
        _state.SetHubConnected(true);
        _state.Apply(Called(1, "A001", Counter1, 1));
        HallView? seen = null;
        _state.Changed += v => seen = v;

        _state.SetHubConnected(false);

        Assert.NotNull(seen);
        Assert.False(seen.HubConnected);
        Assert.Equal("A001", seen.Counters[0].TicketNumber);
    }
}
