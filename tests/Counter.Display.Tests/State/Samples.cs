using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.CounterDisplay.Tests.State;

/// <summary>Contract objects for tests, with only the fields that matter named.</summary>
public static class Samples
{
    public static readonly Guid Site = Guid.Parse("11111111-1111-1111-1111-111111111111");
    public static readonly Guid Counter1 = Guid.Parse("c0000000-0000-0000-0000-000000000001");
    public static readonly Guid Counter2 = Guid.Parse("c0000000-0000-0000-0000-000000000002");
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 1, 30, 0, TimeSpan.Zero);

    public static CounterDto Counter(Guid id, int number, string? ticket = null, CounterState state = CounterState.Open, string? reason = null) =>
        new(id, number, $"Quầy {number}", state, reason, ticket is null ? null : Guid.NewGuid(), ticket, [], number, null, null);

    public static TicketDto Ticket(string number, TicketStatus status = TicketStatus.Called, int? counter = 1, DateTimeOffset? calledAt = null, int recalls = 0) =>
        new(Guid.NewGuid(), Site, number, int.Parse(number[1..], System.Globalization.CultureInfo.InvariantCulture), Guid.NewGuid(), "A", "Hộ tịch", null, null,
            status, PriorityCategory.None, TicketChannel.Kiosk, null, counter, T0, calledAt ?? T0, null, null, 0, 0, DateOnly.FromDateTime(T0.Date), recalls);

    public static ServiceDto Service(string code, int waiting) =>
        new(Guid.NewGuid(), code, $"Dịch vụ {code}", null, code, waiting, waiting * 5, 30, true);

    public static QueueSnapshotDto Snapshot(long lastSequence, IReadOnlyList<CounterDto>? counters = null, IReadOnlyList<TicketDto>? recent = null, IReadOnlyList<ServiceDto>? services = null) =>
        new(Site, lastSequence, T0, true, services ?? [Service("A", 3)], counters ?? [Counter(Counter1, 1), Counter(Counter2, 2)], [], [], recent ?? []);

    public static TicketCalledEvent Called(long sequence, string number, Guid counterId, int counterNumber) =>
        new(sequence, Site, Ticket(number, counter: counterNumber), counterId, counterNumber);
}
