using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue.Journal;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Data;

/// <summary>
/// The queue journal's statements come from the EF model: an insert writes every column the
/// migrated table has, and the ticket update keeps its guard (the key and the status the engine saw).
/// </summary>
public sealed class RowStatementsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task Statements_WriteTheMigratedTables(string provider)
    {
        await using var database = await SchemaDatabase.MigratedAsync(provider, output);
        if (database is null)
        {
            return;
        }
        var statements = await database.WithContextAsync(db => Task.FromResult(new RowStatements(db.Model, db.GetService<ISqlGenerationHelper>())));
        var tables = (await database.ReadSchemaAsync()).ToDictionary(t => t.Name);

        foreach (var (kind, table) in new[] { (RowKind.InsertTicket, "Tickets"), (RowKind.InsertEvent, "TicketEvents"), (RowKind.InsertRating, "Ratings") })
        {
            Assert.Equal(tables[table].Columns.Select(c => c.Name).Order(StringComparer.Ordinal),
                statements[kind].Parameters.Select(p => p.Column).Order(StringComparer.Ordinal));
        }

        var placeholder = (int i) => "@p" + i;
        Assert.Equal(
            """UPDATE "Tickets" SET "ServiceId" = @p0, "Status" = @p1, "CounterId" = @p2, "TargetCounterId" = @p3, "CalledAt" = @p4, "ServiceStartedAt" = @p5, "FinishedAt" = @p6, "RecallCount" = @p7 WHERE "Id" = @p8 AND "Status" = @p9""",
            statements[RowKind.UpdateTicket].Sql(placeholder));
        Assert.Equal(
            """UPDATE "Counters" SET "State" = @p0, "PauseReason" = @p1, "CurrentTicketId" = @p2, "StateChangedAt" = @p3, "OfficerId" = @p4 WHERE "Id" = @p5""",
            statements[RowKind.UpdateCounter].Sql(placeholder));

        // Values go through the model's converters: the guard's status as its number, a key for the log.
        var now = DateTime.UtcNow;
        var counter = new Counter { Id = Guid.NewGuid() };
        counter.Open(now);
        counter.Pause("Nghỉ trưa", now);
        var update = RowWrite.Update(counter);
        counter.Resume(now); // the row keeps the counter as the action left it
        var values = statements[RowKind.UpdateCounter].Parameters.Select(p => p.Value(update)).ToList();
        Assert.Equal((int)CounterState.Paused, Convert.ToInt32(values[0], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal("Nghỉ trưa", values[1]);
        Assert.Equal(DBNull.Value, values[2]);
        Assert.Equal($"UpdateCounter Id={counter.Id}", statements[RowKind.UpdateCounter].Describe(update), StringComparer.OrdinalIgnoreCase);
    }
}
