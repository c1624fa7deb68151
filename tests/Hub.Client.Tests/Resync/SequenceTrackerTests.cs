using QueueKiosk.HubClient.Realtime.Resync;

namespace QueueKiosk.HubClient.Tests.Resync;

public class SequenceTrackerTests
{
    [Theory]
    // last, received, takes a new number, verdict
    [InlineData(10, 11, true, SequenceVerdict.Apply)]
    [InlineData(10, 10, true, SequenceVerdict.Stale)]
    [InlineData(10, 3, true, SequenceVerdict.Stale)]
    [InlineData(10, 12, true, SequenceVerdict.Gap)]
    [InlineData(10, 100, true, SequenceVerdict.Gap)]
    [InlineData(10, 10, false, SequenceVerdict.Apply)]
    [InlineData(10, 9, false, SequenceVerdict.Stale)]
    [InlineData(10, 11, false, SequenceVerdict.Gap)]
    [InlineData(0, 1, true, SequenceVerdict.Apply)]
    public void Judge(long last, long received, bool takesNewNumber, SequenceVerdict expected)
    {
        var tracker = new SequenceTracker();
        tracker.ResetTo(last);
        Assert.Equal(expected, tracker.Judge(received, takesNewNumber));
    }

    [Fact]
    public void BeforeAnySnapshot_EverythingIsAGap()
    {
        Assert.Equal(SequenceVerdict.Gap, new SequenceTracker().Judge(1, takesNewNumber: true));
    }

    [Fact]
    public void Advance_NeverGoesBack_ResetDoes()
    {
        var tracker = new SequenceTracker();
        tracker.Advance(5);
        tracker.Advance(3);
        Assert.Equal(5, tracker.Last);
        tracker.ResetTo(2);
        Assert.Equal(2, tracker.Last);
    }
}
