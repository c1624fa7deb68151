using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.CounterDisplay.State;

// What the hall TV page, the per-counter pages and the LED boards draw. Kept flat and small:
// the whole view is pushed to every page on each change, so a page never merges deltas.

/// <summary>One counter as the hall sees it: its number and the ticket it is serving (null = none).</summary>
public sealed record CounterView(
    Guid CounterId,
    int Number,
    string Name,
    string? TicketNumber,
    CounterState State,
    string? PauseReason);

/// <summary>One line of the "last calls" list.</summary>
public sealed record CallView(string TicketNumber, int CounterNumber, DateTimeOffset CalledAt, bool IsRecall);

/// <summary>Waiting figures of one service.</summary>
public sealed record ServiceWaitingView(string Code, string Name, string Prefix, int Waiting, int EstimatedWaitMinutes);

/// <summary>
/// Everything shown. HubConnected false means the hub is unreachable and the rest is the last
/// state known (pages then show "mất kết nối"). Version grows with every change. SiteName is the
/// hall TV's title from the site's settings (null until the hub has answered once); SiteLogoUrl
/// is where the page loads the site's logo, with a version, or null when the site has none.
/// </summary>
public sealed record HallView(
    long Version,
    bool HubConnected,
    bool Synced,
    long LastSequence,
    DateTimeOffset? LastSyncAt,
    IReadOnlyList<CounterView> Counters,
    IReadOnlyList<CallView> LastCalls,
    IReadOnlyList<ServiceWaitingView> Services,
    string NewsLine,
    string? SiteName = null,
    string? SiteLogoUrl = null);

/// <summary>A call to be read out: made from live TicketCalled/TicketRecalled events only, never from a snapshot.</summary>
public sealed record CallAnnouncement(string TicketNumber, int CounterNumber, bool IsRecall, long Sequence);
