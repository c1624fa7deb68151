namespace QueueKiosk.HubClient.Contracts;

/// <summary>
/// One ticket as its tracking page sees it (docs/ticket-tracking.md): no id, no token, no personal
/// data, only this ticket and counts. <paramref name="Expired"/>: the ticket was for an earlier day,
/// so nothing but its number and day is told.
/// </summary>
public sealed record TrackedTicketDto(
    string Number,
    string ServiceName,
    TicketStatus Status,
    int PeopleAhead,
    int EstimatedWaitMinutes,
    int? CounterNumber,
    string? CounterName,
    int RecallCount,
    DateOnly LocalDay,
    bool Expired)
{
    /// <summary>Nothing more will change: the stream ends and the page stops listening.</summary>
    public bool IsFinal => Expired || Status is not (TicketStatus.Waiting or TicketStatus.Called or TicketStatus.Serving);
}

/// <summary>What the hall TV shows, for phones: tickets now called or served and the waiting per service.</summary>
public sealed record PublicHallDto(string SiteName, IReadOnlyList<PublicCallDto> Calls, IReadOnlyList<PublicWaitingDto> Waiting);

public sealed record PublicCallDto(string Number, int CounterNumber, string CounterName, string ServiceName, TicketStatus Status);

public sealed record PublicWaitingDto(string ServiceCode, string ServiceName, int Waiting);
