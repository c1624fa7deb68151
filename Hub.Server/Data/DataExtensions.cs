using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace QueueKiosk.HubServer.Data;

public static class DataExtensions
{
    public static IServiceCollection AddHubData(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.Section)
            .ValidateDataAnnotations()
            .Validate(o => o.Provider != DatabaseProvider.Postgres || !string.IsNullOrWhiteSpace(o.ConnectionString),
                "Database:ConnectionString is required when Database:Provider is Postgres")
            .ValidateOnStart();

        // The provider is chosen when the first context is made, not at registration, so settings
        // added late (tests, command line) still decide it. Both pools exist; only one is ever used.
        services.AddSingleton<WriteGate>();
        services.AddHostedService<SqliteCheckpointer>();
        services.AddDbContextPool<PostgresHubDbContext>((sp, o) =>
            Configure(o.UseNpgsql(PostgresConnectionString(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString))), 128);
        services.AddDbContextPool<SqliteHubDbContext>((sp, o) =>
            Configure(o.UseSqlite(SqliteConnectionString(sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString))
                .AddInterceptors(SqlitePragmas.Instance)), 128);
        services.AddScoped<HubDbContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider == DatabaseProvider.Postgres
            ? sp.GetRequiredService<PostgresHubDbContext>()
            : sp.GetRequiredService<SqliteHubDbContext>());
        return services;
    }

    /// <summary>
    /// Creates or migrates the schema (Data/Migrations/Sqlite or Postgres, generated from the model by
    /// scripts/add-migration.sh). Runs before the host starts serving.
    /// </summary>
    public static async Task MigrateHubDatabaseAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        if (!db.IsPostgres)
        {
            // WAL is a property of the database file: set once, it stays.
            await db.Database.OpenConnectionAsync(cancellationToken);
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await HandWrittenMigrations.AdoptAsync(db, cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
    }

    /// <summary>
    /// Unless the connection string says otherwise: statements prepared automatically (the queue runs
    /// the same few statements all day, so PostgreSQL parses and plans them once per connection), no
    /// session reset when a pooled connection is reused (nothing here changes session state), at most
    /// 20 connections, and no TLS to a database on this machine (loopback or a Unix socket: nothing to protect on the wire,
    /// and TLS cost both processes about a fifth of their CPU per queue action, measured by the bench).
    /// </summary>
    internal static string PostgresConnectionString(string? configured)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(configured);
        // NpgsqlConnectionStringBuilder.ContainsKey answers whether a keyword is known, not whether
        // it was given, so what was given is read from a plain builder.
        var given = new DbConnectionStringBuilder { ConnectionString = configured ?? "" }.Keys
            .Cast<string>().Select(k => k.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant()).ToHashSet();
        if (!given.Contains("SSLMODE") && IsLocalHost(builder.Host))
        {
            builder.SslMode = Npgsql.SslMode.Disable;
        }

        if (!given.Contains("MAXAUTOPREPARE"))
        {
            builder.MaxAutoPrepare = 64;
        }

        if (!given.Contains("NORESETONCLOSE"))
        {
            builder.NoResetOnClose = true;
        }

        if (!given.Contains("MAXIMUMPOOLSIZE") && !given.Contains("MAXPOOLSIZE"))
        {
            // Npgsql's default is 100. A site server has 2-4 cores: more backends working at once than a
            // few per core only add context switches and contention inside PostgreSQL, and requests
            // beyond the pool wait in process, cheaply. 50 clients measured 20 % less CPU per queue
            // action in both processes with 20 connections than with 100.
            builder.MaxPoolSize = 20;
        }

        return builder.ConnectionString;
    }

    private static bool IsLocalHost(string? host) =>
        host is not null && host.Split(',').All(h =>
        {
            // "host:port" in a multi-host list; a bare IPv6 address has more than one colon.
            var name = h.Trim();
            if (name.Count(c => c == ':') == 1)
            {
                name = name[..name.IndexOf(':', StringComparison.Ordinal)];
            }

            return name is "127.0.0.1" or "localhost" or "::1" or "[::1]" || name.StartsWith('/');
        });

    /// <summary>
    /// Per-connection SQLite settings: NORMAL sync is safe with WAL (no corruption; only a power cut
    /// can lose the last commits). The WAL is copied back into the database by SqliteCheckpointer,
    /// outside the write gate; a writer only checkpoints itself (holding every other writer up for the
    /// copy and its fsync) when the WAL has grown past about 40 MB.
    /// </summary>
    internal static readonly string SqliteConnectionPragmas =
        $"PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=10000; PRAGMA wal_autocheckpoint={SqliteCheckpointer.WriterCheckpointPages};";

    internal static string SqliteConnectionString(string? configured)
    {
        var builder = new SqliteConnectionStringBuilder(
            string.IsNullOrWhiteSpace(configured) ? "Data Source=data/hub.db" : configured)
        {
            Pooling = true,
            // Writers are serialized in process by WriteGate; this only covers other processes
            // (the admin command run while the server is up).
            DefaultTimeout = 30,
        };
        var directory = Path.GetDirectoryName(Path.GetFullPath(builder.DataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        return builder.ToString();
    }

    private static void Configure(DbContextOptionsBuilder o) =>
        o.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking);

    /// <summary>
    /// Applies <see cref="SqliteConnectionPragmas"/> once per native handle: Microsoft.Data.Sqlite pools handles,
    /// and the settings stay with the handle, so pooled re-opens cost nothing.
    /// </summary>
    private sealed class SqlitePragmas : DbConnectionInterceptor
    {
        public static readonly SqlitePragmas Instance = new();
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, object> Configured = [];

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Apply(connection);
            return Task.CompletedTask;
        }

        private static void Apply(DbConnection connection)
        {
            if (connection is not SqliteConnection { Handle: { } handle } || Configured.TryGetValue(handle, out _))
            {
                return;
            }

            using var command = connection.CreateCommand();
            command.CommandText = SqliteConnectionPragmas;
            command.ExecuteNonQuery();
            Configured.AddOrUpdate(handle, handle);
        }
    }
}

/// <summary>
/// SQLite has one writer at a time. Queuing writers on an async semaphore in the process is much
/// cheaper than letting them collide on SQLITE_BUSY (which Microsoft.Data.Sqlite retries by
/// sleeping). On PostgreSQL the gate lets everyone through (queue actions are already decided one
/// at a time in memory and committed by a single journal writer).
/// </summary>
public sealed class WriteGate(IOptions<DatabaseOptions> options)
{
    private readonly SemaphoreSlim? _semaphore = options.Value.Provider == DatabaseProvider.Sqlite ? new SemaphoreSlim(1, 1) : null;

    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (_semaphore is null)
        {
            return NoopRelease.Instance;
        }

        await _semaphore.WaitAsync(cancellationToken);
        return new Release(_semaphore);
    }

    private sealed class Release(SemaphoreSlim semaphore) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0)
            {
                semaphore.Release();
            }
        }
    }

    private sealed class NoopRelease : IDisposable
    {
        public static readonly NoopRelease Instance = new();

        public void Dispose()
        {
        }
    }
}
