namespace QueueKiosk.HubServer.Tests.Infrastructure;

/// <summary>A test class with Hub.Server in process on a SQLite file of its own, with the demo data and default settings.</summary>
public abstract class SqliteHubAppTest : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    protected HubApp App { get; private set; } = null!;

    /// <summary>Settings the test's hub starts with (none by default).</summary>
    protected virtual IReadOnlyDictionary<string, string?>? Settings => null;

    public Task InitializeAsync()
    {
        App = new HubApp(_database, settings: Settings);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await _database.DisposeAsync();
    }
}
