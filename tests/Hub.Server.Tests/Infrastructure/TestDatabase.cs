using Npgsql;

namespace QueueKiosk.HubServer.Tests.Infrastructure;

/// <summary>A database for one test class: a SQLite file in a temp dir, or a fresh PostgreSQL database.</summary>
public abstract class TestDatabase : IAsyncDisposable
{
    public abstract string Provider { get; }

    public abstract string ConnectionString { get; }

    public abstract ValueTask DisposeAsync();
}

public sealed class SqliteTestDatabase : TestDatabase
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "qk-hub-tests", Guid.NewGuid().ToString("N"));

    public SqliteTestDatabase()
    {
        Directory.CreateDirectory(_directory);
    }

    public string Directory_ => _directory;

    public override string Provider => "Sqlite";

    public override string ConnectionString => $"Data Source={Path.Combine(_directory, "hub.db")}";

    public override ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a closing process: the OS temp cleaner takes it later.
        }

        return ValueTask.CompletedTask;
    }
}

/// <summary>
/// A fresh database created from QK_TEST_POSTGRES (the role may CREATEDB) and dropped afterwards.
/// When PostgreSQL is unreachable the tests using it report why and stop, unless QK_REQUIRE_POSTGRES=1,
/// in which case they fail (./test.sh sets it, so CI never silently skips them).
/// </summary>
public sealed class PostgresTestDatabase : TestDatabase
{
    private readonly string _admin;

    private PostgresTestDatabase(string admin, string connectionString, string name)
    {
        _admin = admin;
        ConnectionString = connectionString;
        Name = name;
    }

    public string Name { get; }

    public override string Provider => "Postgres";

    public override string ConnectionString { get; }

    public static string AdminConnectionString =>
        Environment.GetEnvironmentVariable("QK_TEST_POSTGRES") is { Length: > 0 } cs
            ? cs
            : "Host=127.0.0.1;Port=5432;Username=queuekiosk;Password=queuekiosk;Database=queuekiosk";

    public static bool Required => Environment.GetEnvironmentVariable("QK_REQUIRE_POSTGRES") == "1";

    /// <summary>Null (with the reason) when PostgreSQL is unreachable and not required.</summary>
    public static async Task<(PostgresTestDatabase? Database, string? SkipReason)> TryCreateAsync()
    {
        var admin = AdminConnectionString;
        var name = "qk_test_" + Guid.NewGuid().ToString("N")[..16];
        try
        {
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await command.ExecuteNonQueryAsync();
        }
        catch (Exception ex) when (ex is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException)
        {
            if (Required)
            {
                throw new InvalidOperationException($"QK_REQUIRE_POSTGRES=1 but PostgreSQL is unreachable with QK_TEST_POSTGRES: {ex.Message}", ex);
            }

            return (null, $"PostgreSQL not reachable ({ex.Message}); set QK_TEST_POSTGRES or run ./scripts/setup.sh. Test not run.");
        }

        var builder = new NpgsqlConnectionStringBuilder(admin) { Database = name, Pooling = true };
        return (new PostgresTestDatabase(admin, builder.ConnectionString, name), null);
    }

    public override async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_admin);
        await connection.OpenAsync();
        // FORCE cannot end a backend of another role, such as an autovacuum worker that happens to be
        // visiting the test database (42501); such a worker soon leaves, so try again a few times.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {Name} WITH (FORCE)", connection);
                await command.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege && attempt < 10)
            {
                await Task.Delay(200 * attempt);
            }
        }
    }
}
