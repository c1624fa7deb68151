namespace QueueKiosk.CounterDisplay.Voice;

/// <summary>An announcement as the hall page gets it; AudioUrl is null when there is no audio (voice off or failed).</summary>
public sealed record Announcement(
    Guid Id,
    string TicketNumber,
    int CounterNumber,
    bool IsRecall,
    string Text,
    string? AudioUrl);
