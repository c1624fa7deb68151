namespace QueueKiosk.Devices.Voice;

public enum AnnouncementStatus
{
    Queued,

    /// <summary>Its audio is ready and it is its turn: a page should play it now.</summary>
    Published,

    Failed,
}

/// <summary>One call to be said in the hall. Its WAV is in the <see cref="AnnouncementStore"/> under <see cref="Id"/>.</summary>
public sealed record Announcement
{
    public required string Id { get; init; }

    public required string TicketNumber { get; init; }

    public required string Counter { get; init; }

    public required DateTimeOffset EnqueuedAt { get; init; }

    public AnnouncementStatus Status { get; init; } = AnnouncementStatus.Queued;

    public string? Text { get; init; }

    public DateTimeOffset? PublishedAt { get; init; }

    public TimeSpan Duration { get; init; }

    /// <summary>Why it failed (Vietnamese / English), when <see cref="Status"/> is Failed.</summary>
    public string? Error { get; init; }

    /// <summary>
    /// Set when this call is said inside another announcement's audio (a backlog read as one
    /// sentence): the id of that announcement. Such an announcement has no audio of its own.
    /// </summary>
    public string? SaidWith { get; init; }

    /// <summary>The ids of the other calls this announcement's audio also says (empty for a single call).</summary>
    public IReadOnlyList<string> AlsoSays { get; init; } = [];
}
