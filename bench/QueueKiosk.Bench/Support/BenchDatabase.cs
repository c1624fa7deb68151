using System.Diagnostics;

namespace QueueKiosk.Bench.Support;

/// <summary>
/// A throw-away database for one bench run: a SQLite file in a temp folder, or a fresh
/// PostgreSQL database (created by Hub.Server's migration on start, dropped here with psql).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=queuekiosk;Password=queuekiosk;Database=queuekiosk";

    private readonly string? folder;
    private readonly string? postgresName;
    private readonly Dictionary<string, string> postgresParts = new(StringComparer.OrdinalIgnoreCase);

    private BenchDatabase(string provider, string connectionString, string? folder, string? postgresName)
    {
        Provider = provider;
        ConnectionString = connectionString;
        this.folder = folder;
        this.postgresName = postgresName;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    public static BenchDatabase Create(string kind)
    {
        if (kind == "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("qk-bench-").FullName;
            return new BenchDatabase("Sqlite", $"Data Source={Path.Combine(folder, "hub.db")}", folder, null);
        }

        var baseConnection = Environment.GetEnvironmentVariable("QK_TEST_POSTGRES") ?? DefaultPostgres;
        var name = "qk_bench_" + Guid.NewGuid().ToString("N")[..12];
        var parts = baseConnection.Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1].Trim() : "", StringComparer.OrdinalIgnoreCase);
        parts["Database"] = name;
        var database = new BenchDatabase("Postgres", string.Join(';', parts.Select(p => $"{p.Key}={p.Value}")), null, name);
        foreach (var (key, value) in parts)
        {
            database.postgresParts[key] = value;
        }

        return database;
    }

    public async ValueTask DisposeAsync()
    {
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }

        if (postgresName is not null)
        {
            var info = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add("-h");
            info.ArgumentList.Add(postgresParts.GetValueOrDefault("Host", "127.0.0.1"));
            info.ArgumentList.Add("-U");
            info.ArgumentList.Add(postgresParts.GetValueOrDefault("Username", "queuekiosk"));
            info.ArgumentList.Add("-d");
            info.ArgumentList.Add("postgres");
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add($"DROP DATABASE IF EXISTS {postgresName} WITH (FORCE)");
            info.Environment["PGPASSWORD"] = postgresParts.GetValueOrDefault("Password", "");
            using var psql = Process.Start(info)!;
            await psql.WaitForExitAsync();
        }
    }
}
