namespace QueueKiosk.HubServer.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Defaults to data/hub.db beside the working directory for SQLite; required for PostgreSQL.</summary>
    public string? ConnectionString { get; set; }
}
