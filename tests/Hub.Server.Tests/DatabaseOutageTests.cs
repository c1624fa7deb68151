using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests;

/// <summary>
/// PostgreSQL drops every connection of the server (a restart, a failover, an admin's
/// pg_terminate_backend): requests in the way are answered 503 in Vietnamese, the server
/// reconnects by itself, and nothing it had accepted is lost or numbered twice.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output) : IAsyncLifetime
{
    private PostgresTestDatabase? _database;
    private HubApp? _app;

    public async Task InitializeAsync()
    {
        var (database, skip) = await PostgresTestDatabase.TryCreateAsync();
        if (database is null)
        {
            output.WriteLine(skip);
            return;
        }

        _database = database;
        _app = new HubApp(database);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }

    [Fact]
    public async Task EveryConnectionDropped_FailedRequestsSay503InVietnamese_ThenTheQueueGoesOn()
    {
        if (_app is null || _database is null)
        {
            return;
        }

        var a = await _app.ServiceIdAsync("A");
        using var kiosk = _app.Kiosk();
        var before = await _app.IssueAsync(kiosk, a);

        await using (var admin = new NpgsqlConnection(PostgresTestDatabase.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", admin);
            kill.Parameters.AddWithValue("name", _database.Name);
            output.WriteLine($"terminated {await kill.ExecuteScalarAsync()} connections");
        }

        TicketDto? after = null;
        var refusals = new List<string>();
        for (var attempt = 0; attempt < 20 && after is null; attempt++)
        {
            var response = await kiosk.PostAsJsonAsync("/api/tickets", new IssueTicketRequest(a, null, PriorityCategory.None));
            if (response.StatusCode == HttpStatusCode.Created)
            {
                after = await response.Content.ReadFromJsonAsync<TicketDto>();
                break;
            }

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            var code = problem.GetProperty("code").GetString()!;
            Assert.Contains(code, new[] { "queue.not_saved", "database.unavailable" });
            Assert.Contains("thử lại", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            refusals.Add(code);
        }

        output.WriteLine($"refused before reconnecting: {string.Join(", ", refusals)}");
        Assert.NotNull(after);
        // The refused attempts took no number: the first ticket after the outage follows the last one before it.
        Assert.Equal(before.NumberValue + 1, after.NumberValue);
        var stored = _app.Db(db => db.Tickets.OrderBy(t => t.NumberValue).Select(t => t.NumberValue).ToList());
        Assert.Equal([before.NumberValue, after.NumberValue], stored);
        var called = await (await _app.SupervisorAsync()).CallNextAsync(await _app.CounterIdAsync(1));
        Assert.Equal(before.Id, called!.Id);
    }
}
