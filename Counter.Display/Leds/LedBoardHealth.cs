namespace QueueKiosk.CounterDisplay.Leds;

/// <summary>
/// Which counters' LED boards answered their last write, and what each was last told to show, as
/// seen by <see cref="LedBoardDriver"/>.
/// The heartbeat reads it so a supervisor learns about a dead board without walking to it.
/// </summary>
public sealed class LedBoardHealth
{
    private readonly Lock _gate = new();
    private readonly SortedSet<int> _failing = [];
    private readonly Dictionary<int, string> _shown = [];

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

    /// <summary>What a board on the wire was last told to show (laid out to its digits): the /leds picture draws it.</summary>
    public string? ShownOn(int counterNumber)
    {
        lock (_gate)
        {
            return _shown.GetValueOrDefault(counterNumber);
        }
    }

    public void RecordShown(int counterNumber, string text)
    {
        lock (_gate)
        {
            _shown[counterNumber] = text;
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
