using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Queue;

/// <summary>
/// Plays the call order forward for <see cref="CallOrder.PeopleAhead(IReadOnlyCollection{Ticket}, IReadOnlyList{CallingCounter}, DateTime)"/>:
/// the counters take turns (in the given order), each calling the first ticket of its own order
/// that nobody has called yet, until none is left. It runs under the live queue's lock at every
/// issue, so the orders are sorted once per set of services, not per counter: counters with the
/// same services have the same order, except for the tickets sent to one of them, which each
/// counter keeps in a short line of its own.
/// </summary>
internal sealed class CallSimulation
{
    private readonly Ticket[] _tickets;
    private readonly CallingCounter[] _counters;
    private readonly int[] _groupOf;
    private readonly Line[] _groupLines;
    private readonly Line?[] _sentLines;

    /// <summary>For each group of counters with the same services, which tickets (not sent to one counter) they may call.</summary>
    private readonly bool[,] _groupMayCall;

    public CallSimulation(Ticket[] waiting, CallingCounter[] counters, long nowMs)
    {
        _tickets = waiting;
        _counters = counters;
        _groupOf = new int[counters.Length];
        var groups = new List<CallingCounter>();
        var bySignature = new Dictionary<IReadOnlyList<ServedService>, int>(SameServices.Instance);
        for (var c = 0; c < counters.Length; c++)
        {
            if (!bySignature.TryGetValue(counters[c].Services, out var g))
            {
                g = groups.Count;
                bySignature.Add(counters[c].Services, g);
                groups.Add(counters[c]);
            }

            _groupOf[c] = g;
        }

        _groupMayCall = new bool[groups.Count, waiting.Length];
        _groupLines = new Line[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var line = new LineBuilder(waiting.Length);
            for (var t = 0; t < waiting.Length; t++)
            {
                if (waiting[t].TargetCounterId is null && CallOrder.KeyAt(waiting[t], groups[g], nowMs) is { } key)
                {
                    line.Add(key, t);
                    _groupMayCall[g, t] = true;
                }
            }

            _groupLines[g] = line.Build();
        }

        _sentLines = new Line?[counters.Length];
        var sentBuilders = new Dictionary<int, LineBuilder>();
        for (var t = 0; t < waiting.Length; t++)
        {
            if (waiting[t].TargetCounterId is { } target && Array.FindIndex(counters, c => c.Id == target) is var c and >= 0
                && CallOrder.KeyAt(waiting[t], counters[c], nowMs) is { } key)
            {
                if (!sentBuilders.TryGetValue(c, out var builder))
                {
                    sentBuilders[c] = builder = new LineBuilder(4);
                }

                builder.Add(key, t);
            }
        }

        foreach (var (c, builder) in sentBuilders)
        {
            _sentLines[c] = builder.Build();
        }
    }

    /// <summary>Records the people ahead of every ticket that gets called.</summary>
    public void Run(Dictionary<Guid, int> ahead) => Play(ahead, stopAt: null);

    /// <summary>The people ahead of <paramref name="ticket"/>; null if no counter here calls it.</summary>
    public int? AheadOf(Ticket ticket) => Play(null, ticket);

    private int? Play(Dictionary<Guid, int>? ahead, Ticket? stopAt)
    {
        foreach (var line in _groupLines.Concat(_sentLines.OfType<Line>()))
        {
            line.Rewind();
        }

        var called = new bool[_tickets.Length];
        var groupCalls = new int[_groupLines.Length];
        var counterCalls = new int[_counters.Length];
        var turns = Enumerable.Range(0, _counters.Length).ToList();
        while (turns.Count > 0)
        {
            for (var i = 0; i < turns.Count;)
            {
                var c = turns[i];
                // The counter's next: the first of its group's line or of the tickets sent to it, whichever comes first.
                var t = _groupLines[_groupOf[c]].Peek(called, out var sharedKey);
                if (_sentLines[c] is { } own && own.Peek(called, out var ownKey) is var sent and >= 0 && (t < 0 || ownKey.CompareTo(sharedKey) < 0))
                {
                    t = sent;
                }

                if (t < 0)
                {
                    turns.RemoveAt(i);
                    continue;
                }

                called[t] = true;
                var before = _tickets[t].TargetCounterId is null ? CallsByCountersThatMayCall(t, groupCalls) : counterCalls[c];
                if (_tickets[t].Id == stopAt?.Id)
                {
                    return before;
                }

                ahead?.Add(_tickets[t].Id, before);
                groupCalls[_groupOf[c]]++;
                counterCalls[c]++;
                i++;
            }
        }

        return null;
    }

    private int CallsByCountersThatMayCall(int ticket, int[] groupCalls)
    {
        var calls = 0;
        for (var g = 0; g < groupCalls.Length; g++)
        {
            if (_groupMayCall[g, ticket])
            {
                calls += groupCalls[g];
            }
        }

        return calls;
    }

    /// <summary>Tickets in one counter's (or group's) order; the front moves past tickets already called.</summary>
    private sealed class Line(CallKey[] keys, int[] tickets)
    {
        private int _front;

        public void Rewind() => _front = 0;

        /// <summary>The first ticket not yet called (its index), or -1.</summary>
        public int Peek(bool[] called, out CallKey key)
        {
            while (_front < tickets.Length && called[tickets[_front]])
            {
                _front++;
            }

            key = _front < tickets.Length ? keys[_front] : default;
            return _front < tickets.Length ? tickets[_front] : -1;
        }
    }

    private sealed class LineBuilder(int capacity)
    {
        private readonly List<CallKey> _keys = new(capacity);
        private readonly List<int> _tickets = new(capacity);

        public void Add(CallKey key, int ticket)
        {
            _keys.Add(key);
            _tickets.Add(ticket);
        }

        public Line Build()
        {
            var keys = _keys.ToArray();
            var tickets = _tickets.ToArray();
            Array.Sort(keys, tickets);
            return new Line(keys, tickets);
        }
    }

    private sealed class SameServices : IEqualityComparer<IReadOnlyList<ServedService>>
    {
        public static readonly SameServices Instance = new();

        public bool Equals(IReadOnlyList<ServedService>? x, IReadOnlyList<ServedService>? y) =>
            ReferenceEquals(x, y) || (x is not null && y is not null && x.SequenceEqual(y));

        public int GetHashCode(IReadOnlyList<ServedService> obj)
        {
            var hash = new HashCode();
            foreach (var served in obj)
            {
                hash.Add(served);
            }

            return hash.ToHashCode();
        }
    }
}
