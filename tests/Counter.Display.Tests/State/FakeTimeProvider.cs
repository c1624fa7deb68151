namespace QueueKiosk.CounterDisplay.Tests.State;

/// <summary>A clock that only moves when told (Microsoft's testing package is not available here).</summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset now = start;

    public override DateTimeOffset GetUtcNow() => now;

    public void Advance(TimeSpan by) => now += by;
}
