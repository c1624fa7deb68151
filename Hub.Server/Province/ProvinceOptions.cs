namespace QueueKiosk.HubServer.Province;

public enum HubRole
{
    /// <summary>A one-stop site: owns its queue (the default).</summary>
    Site,

    /// <summary>The province tier: ingests the sites' outboxes, serves the province dashboard and reports (docs/province.md).</summary>
    Province,
}

/// <summary>Section "Hub": which tier this process is.</summary>
public sealed class HubRoleOptions
{
    public const string Section = "Hub";

    public HubRole Role { get; set; } = HubRole.Site;
}

/// <summary>Section "ProvinceTier": settings of the province tier (Hub:Role=Province).</summary>
public sealed class ProvinceTierOptions
{
    public const string Section = "ProvinceTier";

    /// <summary>The province's PostgreSQL database; defaults to Database:ConnectionString (its tables are in schema "province").</summary>
    public string? ConnectionString { get; set; }

    /// <summary>An event stamped later than now plus this is refused: the site's clock is wrong.</summary>
    public int MaxClockSkewSeconds { get; set; } = 300;

    /// <summary>Most events accepted in one batch.</summary>
    public int MaxBatch { get; set; } = 5000;

    /// <summary>Batches one node stores at once; more wait their turn in memory (docs/province.md, "Ingest").</summary>
    public int MaxConcurrentIngests { get; set; } = 8;
}
