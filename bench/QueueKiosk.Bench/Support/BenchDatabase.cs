using System.ComponentModel;
using System.Diagnostics;

namespace QueueKiosk.Bench.Support;

/// <summary>
/// A throw-away database for one bench run: a SQLite file in a temp folder, or a fresh
/// PostgreSQL database (created by Hub.Server's migration on start, dropped here with psql).
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private const string DefaultPostgres = "Host=127.0.0.1;Port=5432;Username=queuekiosk;Password=queuekiosk;Database=queuekiosk";

    private readonly string? _folder;
    private readonly string? _postgresName;
    private readonly IReadOnlyDictionary<string, string> _postgresParts;

    private BenchDatabase(string provider, string connectionString, string? folder, string? postgresName, IReadOnlyDictionary<string, string> postgresParts)
    {
        Provider = provider;
        ConnectionString = connectionString;
        _folder = folder;
        _postgresName = postgresName;
        _postgresParts = postgresParts;
    }

    public string Provider { get; }

    public string ConnectionString { get; }

    /// <summary>
    /// The database of <paramref name="kind"/> (sqlite or postgres), or null when PostgreSQL cannot
    /// be reached: then one line on stderr has said why and how to fix it, instead of Hub.Server
    /// dying with a stack trace on start.
    /// </summary>
    public static async Task<BenchDatabase?> TryCreateAsync(string kind, CancellationToken cancellationToken)
    {
        if (kind == "sqlite")
        {
            var folder = Directory.CreateTempSubdirectory("qk-bench-").FullName;
            return new BenchDatabase("Sqlite", $"Data Source={Path.Combine(folder, "hub.db")}", folder, null, new Dictionary<string, string>());
        }

        var parts = (Environment.GetEnvironmentVariable("QK_TEST_POSTGRES") ?? DefaultPostgres)
            .Split(';', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(p => p[0].Trim(), p => p.Length > 1 ? p[1].Trim() : "", StringComparer.OrdinalIgnoreCase);
        var problem = await PostgresProblemAsync(parts, cancellationToken);
        if (problem is not null)
        {
            Console.Error.WriteLine(problem);
            return null;
        }

        var name = "qk_bench_" + Guid.NewGuid().ToString("N")[..12];
        parts["Database"] = name;
        return new BenchDatabase("Postgres", string.Join(';', parts.Select(p => $"{p.Key}={p.Value}")), null, name, parts);
    }

    public async ValueTask DisposeAsync()
    {
        if (_folder is not null)
        {
            Directory.Delete(_folder, recursive: true);
        }

        if (_postgresName is not null)
        {
            await PsqlAsync(_postgresParts, $"DROP DATABASE IF EXISTS {_postgresName} WITH (FORCE)", CancellationToken.None);
        }
    }

    /// <summary>Why the bench cannot use this PostgreSQL (one line with the fix), or null when it can.</summary>
    private static async Task<string?> PostgresProblemAsync(IReadOnlyDictionary<string, string> parts, CancellationToken cancellationToken)
    {
        var where = $"{Host(parts)}:{Port(parts)} as {User(parts)}";
        const string Fix = "if it is not running, start it with `pg_ctlcluster 15 main start` (as root), or run ./test.sh or scripts/setup.sh, which start it and create the queuekiosk role";
        try
        {
            var (exitCode, error) = await PsqlAsync(parts, "SELECT 1", cancellationToken);
            return exitCode == 0
                ? null
                : $"cannot connect to PostgreSQL at {where} ({FirstLine(error)}): {Fix}.";
        }
        catch (Win32Exception)
        {
            return $"psql is not on PATH; the bench needs it to create and drop its database at {where}: install postgresql-client (scripts/setup.sh installs PostgreSQL).";
        }
    }

    /// <summary>Runs one statement in the server's postgres database; never prompts for a password.</summary>
    private static async Task<(int ExitCode, string Error)> PsqlAsync(IReadOnlyDictionary<string, string> parts, string sql, CancellationToken cancellationToken)
    {
        var info = new ProcessStartInfo("psql") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-X", "-q", "-w", "-h", Host(parts), "-p", Port(parts), "-U", User(parts), "-d", "postgres", "-c", sql })
        {
            info.ArgumentList.Add(argument);
        }

        info.Environment["PGPASSWORD"] = parts.GetValueOrDefault("Password", "");
        // A server that accepts connections but does not answer, or a remote Host in QK_TEST_POSTGRES, must not stall the bench.
        info.Environment["PGCONNECT_TIMEOUT"] = "5";
        using var psql = Process.Start(info)!;
        var output = psql.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = psql.StandardError.ReadToEndAsync(cancellationToken);
        await psql.WaitForExitAsync(cancellationToken);
        await output;
        return (psql.ExitCode, await error);
    }

    private static string Host(IReadOnlyDictionary<string, string> parts) => parts.GetValueOrDefault("Host", "127.0.0.1");

    private static string Port(IReadOnlyDictionary<string, string> parts) => parts.GetValueOrDefault("Port", "5432");

    private static string User(IReadOnlyDictionary<string, string> parts) => parts.GetValueOrDefault("Username", "queuekiosk");

    private static string FirstLine(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() ?? "no error text";
}
