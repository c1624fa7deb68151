using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Queue;

/// <summary>How a counter serves one active service: lower Order first; among equal orders a higher Weight makes waiting count more; MaxWaitMinutes is the service's wait bound (0: none).</summary>
public readonly record struct ServedService(Guid ServiceId, int Order, int Weight, int MaxWaitMinutes);

/// <summary>A counter as the call order sees it: its active services and whether it is open now.</summary>
public sealed record CallingCounter(Guid Id, int Number, bool IsOpen, IReadOnlyList<ServedService> Services)
{
    /// <summary>The counter's services that are active in the catalogue, with their wait bounds.</summary>
    public static CallingCounter Of(Guid id, int number, bool isOpen, IEnumerable<CounterService> services, IReadOnlyDictionary<Guid, Service> catalogue) =>
        new(id, number, isOpen, [.. services
            .Where(cs => catalogue.TryGetValue(cs.ServiceId, out var s) && s.Active)
            .Select(cs => new ServedService(cs.ServiceId, cs.Order, cs.Weight, catalogue[cs.ServiceId].MaxWaitMinutes))]);

    public static CallingCounter Of(CounterInfo counter, CatalogueData catalogue) =>
        Of(counter.Id, counter.Number, isOpen: true, counter.Services, catalogue.Services);

    public static CallingCounter Of(Counter counter, CatalogueData catalogue) =>
        Of(counter.Id, counter.Number, counter.State == CounterState.Open, counter.Services, catalogue.Services);

    public ServedService? Serves(Guid serviceId)
    {
        foreach (var served in Services)
        {
            if (served.ServiceId == serviceId)
            {
                return served;
            }
        }

        return null;
    }

    /// <summary>A ticket sent to one counter is called only there; any other by the counters serving its service.</summary>
    public bool MayCall(Ticket ticket) =>
        ticket.TargetCounterId is { } target ? target == Id : Serves(ticket.ServiceId) is not null;
}

/// <summary>
/// The queue's core rule, with no state and no I/O: which waiting ticket a counter calls next, and
/// from it how many people the rule calls before a given ticket. The order at one counter:
/// <list type="number">
/// <item>tickets that have waited past their service's bound (MaxWaitMinutes), oldest first;</item>
/// <item>then priority tickets and tickets transferred to this counter, oldest first;</item>
/// <item>then the counter's service order; among services of equal order, the waiting time
/// multiplied by the service's weight (the longest weighted wait first);</item>
/// <item>ties by issue time, then the lower number.</item>
/// </list>
/// </summary>
public static class CallOrder
{
    /// <summary>The ticket <paramref name="counter"/> calls next among <paramref name="waiting"/> (tickets of its site), or null.</summary>
    public static Ticket? Next(IEnumerable<Ticket> waiting, CallingCounter counter, DateTime now)
    {
        var nowMs = UnixMs(now);
        Ticket? best = null;
        CallKey bestKey = default;
        foreach (var ticket in waiting)
        {
            if (KeyAt(ticket, counter, nowMs) is { } key && (best is null || key.CompareTo(bestKey) < 0))
            {
                best = ticket;
                bestKey = key;
            }
        }

        return best;
    }

    /// <summary>
    /// For every waiting ticket, the number of tickets the rule calls before it at a counter that
    /// could have called it instead. The counters are taken to call in turn (one call each, by
    /// counter number) until the queue is empty: the open ones, or, for a ticket no open counter
    /// serves, every counter of the site (the order once they open). A ticket no counter serves
    /// counts the tickets of its service issued before it.
    /// </summary>
    public static IReadOnlyDictionary<Guid, int> PeopleAhead(IReadOnlyCollection<Ticket> waiting, IReadOnlyList<CallingCounter> counters, DateTime now)
    {
        var tickets = waiting.Where(t => t.Status == TicketStatus.Waiting).ToArray();
        var nowMs = UnixMs(now);
        var ahead = new Dictionary<Guid, int>(tickets.Length);
        Simulate(tickets, [.. counters.Where(c => c.IsOpen).OrderBy(c => c.Number)], nowMs, ahead);
        if (ahead.Count < tickets.Length)
        {
            var whenAllOpen = new Dictionary<Guid, int>();
            Simulate(tickets, [.. counters.OrderBy(c => c.Number)], nowMs, whenAllOpen);
            foreach (var ticket in tickets)
            {
                if (!ahead.ContainsKey(ticket.Id))
                {
                    ahead[ticket.Id] = whenAllOpen.TryGetValue(ticket.Id, out var n)
                        ? n
                        : tickets.Count(t => t.ServiceId == ticket.ServiceId && (t.IssuedMs, t.NumberValue).CompareTo((ticket.IssuedMs, ticket.NumberValue)) < 0);
                }
            }
        }

        return ahead;
    }

    /// <summary>Where <paramref name="ticket"/> stands at <paramref name="counter"/>; null if the counter may not call it.</summary>
    public static CallKey? KeyAt(Ticket ticket, CallingCounter counter, long nowMs)
    {
        if (ticket.Status != TicketStatus.Waiting || !counter.MayCall(ticket))
        {
            return null;
        }

        var served = counter.Serves(ticket.ServiceId);
        var overdue = served is { MaxWaitMinutes: > 0 } bound && ticket.IssuedMs <= nowMs - (bound.MaxWaitMinutes * 60_000L);
        if (overdue)
        {
            return new CallKey(CallRank.Overdue, 0, ticket.IssuedMs, ticket.IssuedMs, ticket.NumberValue, ticket.Id);
        }

        if (ticket.Priority != PriorityCategory.None || ticket.TargetCounterId is not null)
        {
            return new CallKey(CallRank.PriorityOrSentHere, 0, ticket.IssuedMs, ticket.IssuedMs, ticket.NumberValue, ticket.Id);
        }

        // Waited time is now - issued; the negative of it times the weight sorts the longest weighted wait first.
        var weight = Math.Max(1, served!.Value.Weight);
        return new CallKey(CallRank.Ordinary, served.Value.Order, (ticket.IssuedMs - nowMs) * weight, ticket.IssuedMs, ticket.NumberValue, ticket.Id);
    }

    public static long UnixMs(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeSpan.Zero).ToUnixTimeMilliseconds();

    private static void Simulate(Ticket[] tickets, CallingCounter[] counters, long nowMs, Dictionary<Guid, int> ahead)
    {
        // Each counter's own order, sorted once (indexes into tickets): the counters then take turns from the front.
        var lines = new int[counters.Length][];
        var mayCall = new bool[counters.Length, tickets.Length];
        var keys = new CallKey[tickets.Length];
        var order = new int[tickets.Length];
        for (var c = 0; c < counters.Length; c++)
        {
            var count = 0;
            for (var t = 0; t < tickets.Length; t++)
            {
                if (KeyAt(tickets[t], counters[c], nowMs) is { } key)
                {
                    keys[count] = key;
                    order[count++] = t;
                    mayCall[c, t] = true;
                }
            }

            Array.Sort(keys, order, 0, count);
            lines[c] = order[..count];
        }

        var front = new int[counters.Length];
        var calls = new int[counters.Length];
        var called = new bool[tickets.Length];
        var calling = true;
        while (calling)
        {
            calling = false;
            for (var c = 0; c < counters.Length; c++)
            {
                var line = lines[c];
                while (front[c] < line.Length && called[line[front[c]]])
                {
                    front[c]++;
                }

                if (front[c] == line.Length)
                {
                    continue;
                }

                calling = true;
                var t = line[front[c]++];
                called[t] = true;
                var before = 0;
                for (var other = 0; other < counters.Length; other++)
                {
                    if (mayCall[other, t])
                    {
                        before += calls[other];
                    }
                }

                ahead[tickets[t].Id] = before;
                calls[c]++;
            }
        }
    }
}

/// <summary>The three ranks of the call order, first called first.</summary>
public enum CallRank
{
    Overdue = 0,
    PriorityOrSentHere = 1,
    Ordinary = 2,
}

/// <summary>A ticket's place at one counter: compared member by member, the smaller is called first.</summary>
public readonly record struct CallKey(CallRank Rank, int Order, long Weighted, long IssuedMs, int Number, Guid Id) : IComparable<CallKey>
{
    public int CompareTo(CallKey other)
    {
        var result = ((int)Rank).CompareTo((int)other.Rank);
        result = result != 0 ? result : Order.CompareTo(other.Order);
        result = result != 0 ? result : Weighted.CompareTo(other.Weighted);
        result = result != 0 ? result : IssuedMs.CompareTo(other.IssuedMs);
        result = result != 0 ? result : Number.CompareTo(other.Number);
        return result != 0 ? result : Id.CompareTo(other.Id);
    }
}
