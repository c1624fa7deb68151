using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Infrastructure;

/// <summary>
/// A test class that runs Hub.Server in process on a database of its own (SQLite or PostgreSQL,
/// chosen by the subclass). When PostgreSQL is not reachable and not required, <see cref="App"/>
/// stays null and the tests return at once, saying why in the output.
/// </summary>
public abstract class HubAppTest(ITestOutputHelper output) : IAsyncLifetime
{
    protected ITestOutputHelper Output { get; } = output;

    protected TestDatabase? Database { get; private set; }

    protected HubApp? App { get; private set; }

    protected abstract Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync();

    public async Task InitializeAsync()
    {
        var (database, skip) = await CreateDatabaseAsync();
        if (database is null)
        {
            Output.WriteLine(skip);
            return;
        }

        Database = database;
        App = CreateApp(database);
    }

    public virtual async Task DisposeAsync()
    {
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (Database is not null)
        {
            await Database.DisposeAsync();
        }
    }

    /// <summary>The hub under test; a test class overrides it to change settings.</summary>
    protected virtual HubApp CreateApp(TestDatabase database) => new(database);

    protected static Task<(TestDatabase? Database, string? SkipReason)> SqliteAsync() =>
        Task.FromResult<(TestDatabase?, string?)>((new SqliteTestDatabase(), null));

    protected static async Task<(TestDatabase? Database, string? SkipReason)> PostgresAsync()
    {
        var (database, skip) = await PostgresTestDatabase.TryCreateAsync();
        return (database, skip);
    }
}
