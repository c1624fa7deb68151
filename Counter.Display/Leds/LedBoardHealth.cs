namespace QueueKiosk.CounterDisplay.Leds;

/// <summary>
/// Which counters' LED boards answered their last write, as seen by <see cref="LedBoardDriver"/>.
/// The heartbeat reads it so a supervisor learns about a dead board without walking to it.
/// </summary>
public sealed class LedBoardHealth
{
    private readonly Lock _gate = new();
    private readonly SortedSet<int> _failing = [];

    /// <summary>Raised (outside the lock) when a board goes from OK to failing or back.</summary>
    public event Action? Changed;

    public IReadOnlyList<int> FailingCounters
    {
        get
        {
            lock (_gate)
            {
                return [.. _failing];
            }
        }
    }

    public void Report(int counterNumber, bool ok)
    {
        bool changed;
        lock (_gate)
        {
            changed = ok ? _failing.Remove(counterNumber) : _failing.Add(counterNumber);
        }

        if (changed)
        {
            Changed?.Invoke();
        }
    }
}
