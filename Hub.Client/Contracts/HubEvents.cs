namespace QueueKiosk.HubClient.Contracts;

/// <summary>Methods a client calls on the hub (the hub only manages group membership).</summary>
public static class HubMethods
{
    /// <summary>JoinSite(Guid siteId)</summary>
    public const string JoinSite = "JoinSite";

    /// <summary>JoinDisplays(Guid siteId)</summary>
    public const string JoinDisplays = "JoinDisplays";

    /// <summary>JoinCounter(Guid counterId)</summary>
    public const string JoinCounter = "JoinCounter";

    /// <summary>JoinSupervisors(Guid siteId): supervisors and admins only.</summary>
    public const string JoinSupervisors = "JoinSupervisors";

    /// <summary>Leave(string group)</summary>
    public const string Leave = "Leave";

    /// <summary>JoinProvince() on the province hub: the sites the province user may see (docs/province.md).</summary>
    public const string JoinProvince = "JoinProvince";
}

/// <summary>Event names the hub sends (the SignalR "target").</summary>
public static class HubEvents
{
    public const string TicketIssued = "TicketIssued";
    public const string TicketCalled = "TicketCalled";
    public const string TicketRecalled = "TicketRecalled";
    public const string TicketChanged = "TicketChanged";
    public const string CounterChanged = "CounterChanged";
    public const string QueueStats = "QueueStats";

    /// <summary>Province hub: one site's state changed (the site's summary as the province dashboard shows it).</summary>
    public const string ProvinceSiteChanged = "ProvinceSiteChanged";
}

/// <summary>Group names; both hub and notifier use these so the spelling lives in one place.</summary>
public static class HubGroups
{
    public static string Site(Guid siteId) => $"site:{siteId:N}";

    public static string Displays(Guid siteId) => $"displays:{siteId:N}";

    public static string Counter(Guid counterId) => $"counter:{counterId:N}";

    public static string Supervisors(Guid siteId) => $"supervisors:{siteId:N}";

    /// <summary>Province hub: the province users who may see one site.</summary>
    public static string ProvinceSite(Guid siteId) => $"province:{siteId:N}";
}

/// <summary>
/// Every event carries the site's sequence number (TicketEvent.Sequence). A client that sees a
/// gap (Sequence != last + 1 for sequenced events) fetches <see cref="HubRoutes.SiteSnapshot"/>.
/// </summary>
public interface IHubEvent
{
    long Sequence { get; }

    Guid SiteId { get; }
}

public sealed record TicketIssuedEvent(long Sequence, Guid SiteId, TicketDto Ticket) : IHubEvent;

/// <summary>A ticket called to a counter: displays show it, voice reads it.</summary>
public sealed record TicketCalledEvent(long Sequence, Guid SiteId, TicketDto Ticket, Guid CounterId, int CounterNumber) : IHubEvent;

public sealed record TicketRecalledEvent(long Sequence, Guid SiteId, TicketDto Ticket, Guid CounterId, int CounterNumber, int RecallCount) : IHubEvent;

/// <summary>Any other status change (started, served, no-show, transferred, cancelled, expired).</summary>
public sealed record TicketChangedEvent(long Sequence, Guid SiteId, TicketDto Ticket, TicketEventKind Kind) : IHubEvent;

public sealed record CounterChangedEvent(long Sequence, Guid SiteId, CounterDto Counter) : IHubEvent;

/// <summary>Waiting counts and estimates; Sequence is the last event it reflects (not a new one).</summary>
public sealed record QueueStatsEvent(long Sequence, Guid SiteId, IReadOnlyList<ServiceDto> Services, int TotalWaiting) : IHubEvent;
