namespace QueueKiosk.HubServer.Province;

// The province's own tables (schema "province", ProvinceDbContext). Everything a province node
// knows is here, so any node behind the load balancer answers the same (docs/province.md).

/// <summary>A site the province knows: its key (SHA-256 only), where its own dashboard is, and how far its outbox has arrived.</summary>
public sealed class ProvinceSite
{
    /// <summary>The site's own id (Sites.Id in the site's database): every event it sends names it.</summary>
    public Guid Id { get; set; }

    public string Name { get; set; } = "";

    /// <summary>The site's own supervisor dashboard, for the drill-down link.</summary>
    public string? DashboardUrl { get; set; }

    public string? KeyHash { get; set; }

    public DateTime? KeyIssuedAt { get; set; }

    public DateTime? KeyRevokedAt { get; set; }

    /// <summary>The last outbox sequence stored: the next batch must start right after it.</summary>
    public long LastSequence { get; set; }

    public DateTime? LastReceivedAt { get; set; }

    public DateTime CreatedAt { get; set; }
}

/// <summary>One outbox row of one site, stored once: (SiteId, Sequence) is the key, which is what makes ingest idempotent.</summary>
public sealed class ProvinceEvent
{
    public Guid SiteId { get; set; }

    public long Sequence { get; set; }

    public string Kind { get; set; } = "";

    public DateTime At { get; set; }

    public string Payload { get; set; } = "";

    public DateTime ReceivedAt { get; set; }
}

/// <summary>A site's ticket as its latest event left it (read by the dashboard and the reports).</summary>
public sealed class ProvinceTicket
{
    public Guid SiteId { get; set; }

    public Guid TicketId { get; set; }

    public string Number { get; set; } = "";

    public string Status { get; set; } = "";

    public string ServiceName { get; set; } = "";

    public string? FieldName { get; set; }

    public string? CounterName { get; set; }

    public string? OfficerName { get; set; }

    public DateTime IssuedAt { get; set; }

    public DateTime? CalledAt { get; set; }

    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public int WaitTargetMinutes { get; set; }

    public bool Transferred { get; set; }

    public long Sequence { get; set; }
}

public sealed class ProvinceRating
{
    public Guid SiteId { get; set; }

    public Guid RatingId { get; set; }

    public Guid TicketId { get; set; }

    public int? Score { get; set; }

    public string? CounterName { get; set; }

    public string? OfficerName { get; set; }

    public DateTime At { get; set; }
}

public sealed class ProvinceDevice
{
    public Guid SiteId { get; set; }

    public Guid DeviceId { get; set; }

    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    public string? Status { get; set; }

    public DateTime? LastSeenAt { get; set; }
}

public sealed class ProvinceAlert
{
    public Guid SiteId { get; set; }

    public Guid AlertId { get; set; }

    public string Kind { get; set; } = "";

    public string Subject { get; set; } = "";

    public string Message { get; set; } = "";

    public DateTime RaisedAt { get; set; }

    public DateTime? ClearedAt { get; set; }

    public DateTime? AcknowledgedAt { get; set; }
}

/// <summary>A province user limited to a list of sites; a user with no row sees every site.</summary>
public sealed class ProvinceUserSite
{
    public Guid OfficerId { get; set; }

    public Guid SiteId { get; set; }
}
