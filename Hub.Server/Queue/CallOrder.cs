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
/// <item>tickets that have waited their service's bound (MaxWaitMinutes) or longer, oldest first;</item>
/// <item>then priority tickets and tickets transferred to this counter, oldest first;</item>
/// <item>then appointment tickets whose slot time has come (Ticket.AppointmentAtMs, set at check-in
/// when the service's rule is SlotTimeFirst, docs/appointments.md), earliest slot first;</item>
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
        var ahead = new Dictionary<Guid, int>(tickets.Length);
        var (open, all) = Rotations(counters);
        var nowMs = UnixMs(now);
        new CallSimulation(tickets, open, nowMs).Run(ahead);
        if (ahead.Count < tickets.Length)
        {
            var whenAllOpen = new Dictionary<Guid, int>();
            new CallSimulation(tickets, all, nowMs).Run(whenAllOpen);
            foreach (var ticket in tickets)
            {
                if (!ahead.ContainsKey(ticket.Id))
                {
                    ahead[ticket.Id] = whenAllOpen.TryGetValue(ticket.Id, out var n) ? n : SameServiceBefore(tickets, ticket);
                }
            }
        }

        return ahead;
    }

    /// <summary>The people ahead of one waiting ticket (as <see cref="PeopleAhead(IReadOnlyCollection{Ticket}, IReadOnlyList{CallingCounter}, DateTime)"/>), stopping once it is called.</summary>
    public static int PeopleAhead(Ticket ticket, IReadOnlyCollection<Ticket> waiting, IReadOnlyList<CallingCounter> counters, DateTime now)
    {
        var tickets = waiting.Where(t => t.Status == TicketStatus.Waiting).ToArray();
        var (open, all) = Rotations(counters);
        var nowMs = UnixMs(now);
        return new CallSimulation(tickets, open, nowMs).AheadOf(ticket)
            ?? new CallSimulation(tickets, all, nowMs).AheadOf(ticket)
            ?? SameServiceBefore(tickets, ticket);
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

        if (ticket.AppointmentAtMs is { } slotMs && slotMs <= nowMs)
        {
            return new CallKey(CallRank.AppointmentDue, 0, slotMs, ticket.IssuedMs, ticket.NumberValue, ticket.Id);
        }

        // Waited time is now - issued; the negative of it times the weight sorts the longest weighted wait first.
        var weight = Math.Max(1, served!.Value.Weight);
        return new CallKey(CallRank.Ordinary, served.Value.Order, (ticket.IssuedMs - nowMs) * weight, ticket.IssuedMs, ticket.NumberValue, ticket.Id);
    }

    public static long UnixMs(DateTime utc) => new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeSpan.Zero).ToUnixTimeMilliseconds();

    /// <summary>The turn order of the open counters, and of all of them.</summary>
    private static (CallingCounter[] Open, CallingCounter[] All) Rotations(IReadOnlyList<CallingCounter> counters)
    {
        CallingCounter[] all = [.. counters.OrderBy(c => c.Number)];
        return ([.. all.Where(c => c.IsOpen)], all);
    }

    private static int SameServiceBefore(Ticket[] tickets, Ticket ticket) =>
        tickets.Count(t => t.ServiceId == ticket.ServiceId && (t.IssuedMs, t.NumberValue).CompareTo((ticket.IssuedMs, ticket.NumberValue)) < 0);
}

/// <summary>The four ranks of the call order, first called first.</summary>
public enum CallRank
{
    Overdue = 0,
    PriorityOrSentHere = 1,

    /// <summary>An appointment ticket at or after its slot time.</summary>
    AppointmentDue = 2,
    Ordinary = 3,
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
