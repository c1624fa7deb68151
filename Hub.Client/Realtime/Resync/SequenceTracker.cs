namespace QueueKiosk.HubClient.Realtime.Resync;

/// <summary>What to do with an event, judged by its site sequence number.</summary>
public enum SequenceVerdict
{
    /// <summary>The next event: apply it.</summary>
    Apply,

    /// <summary>Already seen (a duplicate, or included in the last snapshot): ignore it.</summary>
    Stale,

    /// <summary>Events were missed between the last one seen and this: fetch a snapshot.</summary>
    Gap,
}

/// <summary>
/// The last site sequence number a client has applied. Pure bookkeeping, no I/O.
/// Most events take a new number (last + 1); a few (queue statistics) carry the number of the last
/// event they reflect, which must equal the last one seen.
/// </summary>
public sealed class SequenceTracker
{
    /// <summary>Null until the first snapshot: nothing can be judged before it.</summary>
    public long? Last { get; private set; }

    public SequenceVerdict Judge(long sequence, bool takesNewNumber)
    {
        if (Last is not { } last)
        {
            return SequenceVerdict.Gap;
        }

        var expected = takesNewNumber ? last + 1 : last;
        return sequence < expected ? SequenceVerdict.Stale
            : sequence == expected ? SequenceVerdict.Apply
            : SequenceVerdict.Gap;
    }

    /// <summary>Records an applied event; numbers never go back.</summary>
    public void Advance(long sequence)
    {
        if (Last is null || sequence > Last)
        {
            Last = sequence;
        }
    }

    /// <summary>After a snapshot: it already includes everything up to its LastSequence.</summary>
    public void ResetTo(long snapshotSequence) => Last = snapshotSequence;
}
