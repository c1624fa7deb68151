using System.Globalization;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Tests;

/// <summary>
/// The queue's core rule without a server: which ticket a counter calls next, and how many people
/// the rule calls before a ticket. Each row is a queue drawn up in a few lines: the services a
/// counter serves (order, weight), the waiting tickets (service, minutes waited, priority, sent to
/// a counter) and what the rule must do with them.
/// </summary>
public sealed class CallOrderTests
{
    private static readonly DateTime Now = new(2026, 11, 23, 3, 0, 0, DateTimeKind.Utc);
    private static readonly Guid SiteId = Guid.CreateVersion7();
    private static readonly DateOnly Today = new(2026, 11, 23);

    /// <summary>Counter 1's call order: the tickets in the order it calls them until none it may call is left.</summary>
    private static readonly Dictionary<string, NextCase> NextCases = new()
    {
        ["priority before ordinary, whatever their age"] = new(
            [new Serves("A", 1)],
            [new("A001", 10), new("A002", 8), new("A003", 2, PriorityCategory.Elderly)],
            ["A003", "A001", "A002"]),
        // Appointment tickets (docs/appointments.md): SlotAt is the slot's start in minutes from now.
        ["an appointment whose slot has come: after priority, before walk-ins who came earlier"] = new(
            [new Serves("A", 1)],
            [new("A001", 20), new("A002", 5, SlotAt: -1), new("A003", 2, PriorityCategory.Elderly)],
            ["A003", "A002", "A001"]),
        ["an appointment before its slot waits among the walk-ins"] = new(
            [new Serves("A", 1)],
            [new("A001", 20), new("A002", 5, SlotAt: 10), new("A003", 1)],
            ["A001", "A002", "A003"]),
        ["appointments among themselves: the earlier slot first"] = new(
            [new Serves("A", 1)],
            [new("A001", 10, SlotAt: -1), new("A002", 3, SlotAt: -5)],
            ["A002", "A001"]),
        ["priority tickets among themselves: oldest first"] = new(
            [new Serves("A", 1), new Serves("B", 2)],
            [new("B001", 3, PriorityCategory.Disabled), new("A001", 20), new("A002", 1, PriorityCategory.Pregnant)],
            ["B001", "A002", "A001"]),
        ["the counter's service order: all of A before any B"] = new(
            [new Serves("A", 1), new Serves("B", 2)],
            [new("B001", 20), new("A001", 5), new("A002", 3)],
            ["A001", "A002", "B001"]),
        ["another counter's order: B first"] = new(
            [new Serves("B", 1), new Serves("A", 2)],
            [new("B001", 20), new("A001", 5), new("A002", 3)],
            ["B001", "A001", "A002"]),
        ["services the counter does not serve are left"] = new(
            [new Serves("A", 1)],
            [new("B001", 30), new("A001", 1)],
            ["A001"]),
        ["equal order and weight: the longest wait first"] = new(
            [new Serves("A", 1), new Serves("B", 1)],
            [new("B001", 4), new("A001", 10), new("B002", 2)],
            ["A001", "B001", "B002"]),
        ["equal order, weight 3 for B: waited minutes x weight decides"] = new(
            // A001: 10 x 1 = 10; B001: 4 x 3 = 12; B002: 3 x 3 = 9.
            [new Serves("A", 1), new Serves("B", 1, 3)],
            [new("A001", 10), new("B001", 4), new("B002", 3)],
            ["B001", "A001", "B002"]),
        ["past the wait bound (B: 15 min) jumps ahead of the service order and of priority"] = new(
            [new Serves("A", 1), new Serves("B", 2)],
            [new("A001", 5), new("A002", 3), new("B001", 20), new("B002", 10), new("A003", 1, PriorityCategory.Elderly)],
            ["B001", "A003", "A001", "A002", "B002"],
            MaxWaitB: 15),
        ["exactly at the wait bound counts as past it"] = new(
            [new Serves("A", 1), new Serves("B", 2)],
            [new("A001", 30), new("B001", 15)],
            ["B001", "A001"],
            MaxWaitB: 15),
        ["sent to this counter: called like priority, even for a service it does not serve"] = new(
            [new Serves("A", 1)],
            [new("A001", 10), new("B001", 2, SentTo: 1), new("A002", 9)],
            ["B001", "A001", "A002"]),
        ["sent to another counter: never called here, even for a service it serves"] = new(
            [new Serves("A", 1)],
            [new("A001", 10, SentTo: 2), new("A002", 1)],
            ["A002"]),
        ["ties: same issue time, the lower number first"] = new(
            [new Serves("A", 1)],
            [new("A002", 5), new("A001", 5), new("A003", 6)],
            ["A003", "A001", "A002"]),
        ["ties among priority tickets: same issue time, the lower number first"] = new(
            [new Serves("A", 1)],
            [new("A002", 5, PriorityCategory.Elderly), new("A001", 5, PriorityCategory.RevolutionaryMerit)],
            ["A001", "A002"]),
    };

    /// <summary>
    /// People ahead on several counters. Counter 1 serves A; counter 2 serves A then B; counter 3
    /// serves B; counter 4 serves A like counter 1. A counter is closed unless the row opens it.
    /// </summary>
    private static readonly Dictionary<string, AheadCase> AheadCases = new()
    {
        ["an elderly citizen behind one ordinary ticket: called first, nobody ahead"] = new(
            [new("A001", 5), new("A002", 0, PriorityCategory.Elderly)],
            new() { ["A002"] = 0, ["A001"] = 1 },
            OpenCounters: [1]),
        ["priority and ordinary with two counters serving A"] = new(
            // Counter 1 calls A003 then A002; counter 2 calls A001 then B001. A002 waits for the
            // three A calls before it; B001 only for counter 2's call of A001 (A comes first there).
            [new("A001", 10), new("A002", 8), new("B001", 9), new("A003", 2, PriorityCategory.Elderly)],
            new() { ["A003"] = 0, ["A001"] = 1, ["A002"] = 2, ["B001"] = 1 },
            OpenCounters: [1, 2]),
        ["a wait-bound ticket is ahead of priority"] = new(
            [new("B001", 30), new("B002", 1, PriorityCategory.Elderly), new("A001", 5)],
            new() { ["B001"] = 0, ["B002"] = 1, ["A001"] = 0 },
            OpenCounters: [1, 2],
            MaxWaitB: 20),
        ["a ticket sent to counter 1 goes first there, and counts for the tickets both counters serve"] = new(
            // Counter 1 calls B001 then A002; counter 2 calls A001, one call after counter 1's.
            [new("A001", 10), new("A002", 9), new("B001", 1, SentTo: 1)],
            new() { ["B001"] = 0, ["A001"] = 1, ["A002"] = 2 },
            OpenCounters: [1, 2]),
        ["B with counter 3 open too: counter 3 calls B at once"] = new(
            [new("A001", 10), new("B001", 9), new("B002", 8)],
            new() { ["A001"] = 0, ["B001"] = 0, ["B002"] = 1 },
            OpenCounters: [1, 2, 3]),
        ["counters 1 and 4 serve the same; a ticket sent to counter 4 goes first there"] = new(
            // Counter 1 calls A001 then A002; counter 4 calls A004 (sent to it) then A003.
            [new("A001", 10), new("A002", 9), new("A003", 8), new("A004", 1, SentTo: 4)],
            new() { ["A001"] = 0, ["A004"] = 0, ["A002"] = 2, ["A003"] = 3 },
            OpenCounters: [1, 4]),
        ["no counter open yet: the order once all of them open"] = new(
            [new("A001", 10), new("A002", 9), new("A003", 1, PriorityCategory.Elderly)],
            new() { ["A003"] = 0, ["A001"] = 1, ["A002"] = 2 },
            OpenCounters: []),
        ["a service no counter serves: the tickets of its service issued before"] = new(
            [new("C001", 10), new("C002", 9), new("A001", 1)],
            new() { ["C001"] = 0, ["C002"] = 1, ["A001"] = 0 },
            OpenCounters: [1]),
    };

    public static TheoryData<string> NextCaseNames => [.. NextCases.Keys];

    public static TheoryData<string> AheadCaseNames => [.. AheadCases.Keys];

    [Theory]
    [MemberData(nameof(NextCaseNames))]
    public void Next_CallsInTheRulesOrder(string name)
    {
        var row = NextCases[name];
        var services = Services(row.MaxWaitA, row.MaxWaitB);
        var counter = Counter(1, isOpen: true, row.Counter, services);
        var waiting = row.Tickets.Select(t => t.Issue(services)).ToList();

        var called = new List<string>();
        while (CallOrder.Next(waiting, counter, Now) is { } next)
        {
            called.Add(next.Number);
            next.Call(counter.Id, Now);
        }

        Assert.Equal(row.Expected, called);
    }

    [Theory]
    [MemberData(nameof(AheadCaseNames))]
    public void PeopleAhead_CountsWhatTheRulesCallFirst(string name)
    {
        var row = AheadCases[name];
        var services = Services(row.MaxWaitA, row.MaxWaitB);
        var layout = new Dictionary<int, Serves[]>
        {
            [1] = [new("A", 1)],
            [2] = [new("A", 1), new("B", 2)],
            [3] = [new("B", 1)],
            [4] = [new("A", 1)],
        };
        var counters = layout.Select(c => Counter(c.Key, row.OpenCounters.Contains(c.Key), c.Value, services)).ToList();
        var waiting = row.Tickets.Select(t => t.Issue(services)).ToList();

        var ahead = CallOrder.PeopleAhead(waiting, counters, Now);

        Assert.Equal(row.Expected, waiting.ToDictionary(t => t.Number, t => ahead[t.Id]));
        // The one-ticket form (used at issue, stopping once the ticket is called) agrees.
        Assert.Equal(row.Expected, waiting.ToDictionary(t => t.Number, t => CallOrder.PeopleAhead(t, waiting, counters, Now)));
    }

    [Fact]
    public void Next_IgnoresTicketsThatAreNoLongerWaiting()
    {
        var services = Services(0, 0);
        var counter = Counter(1, isOpen: true, [new Serves("A", 1)], services);
        var called = new WaitingTicket("A001", 10).Issue(services);
        called.Call(counter.Id, Now);
        var waiting = new WaitingTicket("A002", 1).Issue(services);

        Assert.Same(waiting, CallOrder.Next([called, waiting], counter, Now));
    }

    [Fact]
    public void InactiveService_IsNotCalled()
    {
        var services = Services(0, 0);
        services["B"].Active = false;
        var counter = Counter(1, isOpen: true, [new Serves("A", 1), new Serves("B", 2)], services);

        Assert.Null(CallOrder.Next([new WaitingTicket("B001", 10).Issue(services)], counter, Now));
    }

    private static Dictionary<string, Service> Services(int maxWaitA, int maxWaitB) => new()
    {
        ["A"] = new Service { Id = Guid.CreateVersion7(), SiteId = SiteId, Code = "A", Prefix = "A", MaxWaitMinutes = maxWaitA },
        ["B"] = new Service { Id = Guid.CreateVersion7(), SiteId = SiteId, Code = "B", Prefix = "B", MaxWaitMinutes = maxWaitB },
        ["C"] = new Service { Id = Guid.CreateVersion7(), SiteId = SiteId, Code = "C", Prefix = "C" },
    };

    private static CallingCounter Counter(int number, bool isOpen, Serves[] serves, Dictionary<string, Service> services) =>
        CallingCounter.Of(CounterId(number), number, isOpen,
            serves.Select(s => new CounterService { CounterId = CounterId(number), ServiceId = services[s.Service].Id, Order = s.Order, Weight = s.Weight }),
            services.Values.ToDictionary(s => s.Id));

    private static Guid CounterId(int number) => new(number, 0, 0, new byte[8]);

    private sealed record Serves(string Service, int Order, int Weight = 1);

    /// <summary>A waiting ticket: its number (its service is the prefix), minutes waited, priority, and the counter it was sent to.</summary>
    private sealed record WaitingTicket(string Number, int MinutesWaited, PriorityCategory Priority = PriorityCategory.None, int? SentTo = null, int? SlotAt = null)
    {
        public Ticket Issue(Dictionary<string, Service> services)
        {
            var service = services[Number[..1]];
            var ticket = Ticket.Issue(SiteId, service, null, Today, int.Parse(Number[1..], CultureInfo.InvariantCulture), Priority,
                SlotAt is null ? TicketChannel.Kiosk : TicketChannel.Appointment, Now.AddMinutes(-MinutesWaited),
                appointmentAtMs: SlotAt is { } slot ? CallOrder.UnixMs(Now.AddMinutes(slot)) : null);
            if (SentTo is { } counter)
            {
                ticket.Transfer(null, CounterId(counter));
            }

            return ticket;
        }
    }

    private sealed record NextCase(Serves[] Counter, WaitingTicket[] Tickets, string[] Expected, int MaxWaitA = 0, int MaxWaitB = 0);

    private sealed record AheadCase(WaitingTicket[] Tickets, Dictionary<string, int> Expected, int[] OpenCounters, int MaxWaitA = 0, int MaxWaitB = 0);
}
