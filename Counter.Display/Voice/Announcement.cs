namespace QueueKiosk.CounterDisplay.Voice;

/// <summary>
/// An announcement as the hall page gets it. AudioUrl is null when there is no audio (voice
/// switched off, or making it failed: Error says why); the page then only shows the call.
/// SaidWith: the id of the announcement whose audio says this call too (a backlog said in one
/// sentence); the page has nothing to play for it.
/// </summary>
public sealed record HallAnnouncement(
    string Id,
    string TicketNumber,
    int CounterNumber,
    bool IsRecall,
    string Text,
    string? AudioUrl,
    string? Error,
    string? SaidWith = null);
