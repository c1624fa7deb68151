using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubClient.Tests.Infrastructure;

public static class TestData
{
    public static TicketDto Ticket(Guid siteId, string number, int counterNumber = 1) => new(
        Id: Guid.NewGuid(),
        SiteId: siteId,
        Number: number,
        NumberValue: int.Parse(number.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture),
        ServiceId: Guid.NewGuid(),
        ServiceCode: "HT",
        ServiceName: "Tư pháp - Hộ tịch",
        ProcedureId: null,
        ProcedureName: "Đăng ký khai sinh",
        Status: TicketStatus.Called,
        Priority: PriorityCategory.None,
        Channel: TicketChannel.Kiosk,
        CounterId: Guid.NewGuid(),
        CounterNumber: counterNumber,
        IssuedAt: DateTimeOffset.UtcNow.AddMinutes(-5),
        CalledAt: DateTimeOffset.UtcNow,
        ServiceStartedAt: null,
        FinishedAt: null,
        PeopleAhead: 0,
        EstimatedWaitMinutes: 0,
        LocalDay: DateOnly.FromDateTime(DateTime.UtcNow),
        RecallCount: 0);

    public static TicketCalledEvent Called(Guid siteId, long sequence, string number, int counterNumber = 1) =>
        new(sequence, siteId, Ticket(siteId, number, counterNumber), Guid.NewGuid(), counterNumber);

    public static QueueSnapshotDto Snapshot(Guid siteId, long lastSequence) =>
        new(siteId, lastSequence, DateTimeOffset.UtcNow, IsOpen: true, Services: [], Counters: [], Waiting: [], Active: [], RecentCalls: []);
}
