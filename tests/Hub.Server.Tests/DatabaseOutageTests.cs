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
public sealed class DatabaseOutageTests(ITestOutputHelper output) : HubAppTest(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();

    [Fact]
    public async Task EveryConnectionDropped_FailedRequestsSay503InVietnamese_ThenTheQueueGoesOn()
    {
        if (App is null || Database is not PostgresTestDatabase database)
        {
            return;
        }

        var a = await App.ServiceIdAsync("A");
        using var kiosk = App.Kiosk();
        var before = await App.IssueAsync(kiosk, a);

        await using (var admin = new NpgsqlConnection(PostgresTestDatabase.AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = @name AND pid <> pg_backend_pid()", admin);
            kill.Parameters.AddWithValue("name", database.Name);
            Output.WriteLine($"terminated {await kill.ExecuteScalarAsync()} connections");
        }

        TicketDto? after = null;
        var refusals = new List<string>();
        for (var attempt = 0; attempt < 20 && after is null; attempt++)
        {
            var response = await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(a, null, PriorityCategory.None));
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

        Output.WriteLine($"refused before reconnecting: {string.Join(", ", refusals)}");
        Assert.NotNull(after);
        // The refused attempts took no number: the first ticket after the outage follows the last one before it.
        Assert.Equal(before.NumberValue + 1, after.NumberValue);
        var stored = App.Db(db => db.Tickets.OrderBy(t => t.NumberValue).Select(t => t.NumberValue).ToList());
        Assert.Equal([before.NumberValue, after.NumberValue], stored);
        var called = await (await App.SupervisorAsync()).CallNextAsync(await App.CounterIdAsync(1));
        Assert.Equal(before.Id, called!.Id);
    }
}
