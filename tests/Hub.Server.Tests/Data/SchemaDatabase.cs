using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Data;

/// <summary>
/// A test database with the hub's data services alone (no web host): migrated the way the server
/// migrates at start-up, and read back table by table.
/// </summary>
public sealed class SchemaDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SchemaDatabase(TestDatabase database)
    {
        Database = database;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = database.Provider,
            ["Database:ConnectionString"] = database.ConnectionString,
        }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging();
        services.AddHubData();
        _services = services.BuildServiceProvider();
    }

    public TestDatabase Database { get; }

    public bool IsPostgres => Database is PostgresTestDatabase;

    /// <summary>
    /// A fresh, empty database of <paramref name="provider"/>; null when PostgreSQL is unreachable
    /// and not required, the reason written to <paramref name="output"/>.
    /// </summary>
    public static async Task<SchemaDatabase?> CreateAsync(string provider, ITestOutputHelper output)
    {
        if (provider == "Sqlite")
        {
            return new SchemaDatabase(new SqliteTestDatabase());
        }

        var (database, skip) = await PostgresTestDatabase.TryCreateAsync();
        if (database is null)
        {
            output.WriteLine(skip);
            return null;
        }

        return new SchemaDatabase(database);
    }

    /// <summary>As <see cref="CreateAsync"/>, migrated the way the server does at start-up.</summary>
    public static async Task<SchemaDatabase?> MigratedAsync(string provider, ITestOutputHelper output)
    {
        var database = await CreateAsync(provider, output);
        if (database is not null)
        {
            await database.MigrateAsync();
        }

        return database;
    }

    public Task MigrateAsync() => _services.MigrateHubDatabaseAsync();

    /// <summary>Runs <paramref name="action"/> on a context of the configured provider, its connection open.</summary>
    public async Task<T> WithContextAsync<T>(Func<HubDbContext, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        await db.Database.OpenConnectionAsync();
        try
        {
            return await action(db);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Runs a SQL script (several statements) as it is.</summary>
    public Task ExecuteScriptAsync(string sql) => WithContextAsync(async db =>
    {
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteNonQueryAsync();
    });

    /// <summary>The schema the database holds.</summary>
    public Task<IReadOnlyList<TableShape>> ReadSchemaAsync() =>
        WithContextAsync(db => DatabaseSchema.ReadAsync(db.Database.GetDbConnection(), IsPostgres, CancellationToken.None));

    /// <summary>The schema the current EF model describes.</summary>
    public Task<IReadOnlyList<TableShape>> ModelSchemaAsync() =>
        WithContextAsync(db => Task.FromResult(DatabaseSchema.Of(db.GetService<IDesignTimeModel>().Model.GetRelationalModel())));

    /// <summary>
    /// Every row of every table, each as one line of its column values (by column name), sorted: two
    /// databases hold the same rows when these are equal. With <paramref name="columns"/>, only those
    /// of each table (the columns a database had before a migration added more).
    /// </summary>
    public Task<IReadOnlyDictionary<string, IReadOnlyList<string>>> ReadRowsAsync(IEnumerable<string> tables,
        IReadOnlyDictionary<string, HashSet<string>>? columns = null) => WithContextAsync(async db =>
    {
        var rows = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var table in tables)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT * FROM \"{table}\"";
            await using var reader = await command.ExecuteReaderAsync();
            var lines = new List<string>();
            while (await reader.ReadAsync())
            {
                lines.Add(string.Join("; ", Enumerable.Range(0, reader.FieldCount)
                    .Where(i => columns is null || columns[table].Contains(reader.GetName(i)))
                    .OrderBy(reader.GetName, StringComparer.Ordinal)
                    .Select(i => reader.GetName(i) + "=" + Text(reader, i))));
            }

            lines.Sort(StringComparer.Ordinal);
            rows[table] = lines;
        }

        return (IReadOnlyDictionary<string, IReadOnlyList<string>>)rows;
    });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Database.DisposeAsync();
    }

    private static string Text(DbDataReader reader, int i) => reader.IsDBNull(i)
        ? "NULL"
        : Convert.ToString(reader.GetValue(i) is DateTime d ? d.ToString("O", CultureInfo.InvariantCulture) : reader.GetValue(i), CultureInfo.InvariantCulture) ?? "";
}
