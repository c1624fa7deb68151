using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using QueueKiosk.HubServer.Data;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Data;

/// <summary>
/// A database made by the hand-written migrations (the demo's, an office already running) migrates
/// to the schema generated from the model without losing a row. The database is built from a dump
/// of one made by that code (Data/Fixtures, see the header of each file).
/// </summary>
public sealed class SchemaUpgradeTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Sqlite", "sqlite-20261122020000.sql")]
    [InlineData("Postgres", "postgres-20261122020000.sql")]
    public async Task HandWrittenSchemaDatabase_MigratesKeepingEveryRow(string provider, string fixture)
    {
        await using var database = await SchemaDatabase.CreateAsync(provider, output);
        if (database is null)
        {
            return;
        }

        await database.ExecuteScriptAsync(await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "Data", "Fixtures", fixture)));
        var tables = (await database.ReadSchemaAsync()).Select(t => t.Name).ToList();
        var before = await database.ReadRowsAsync(tables);
        // The fixture has rows in every table of the model, or the test would prove less than it says.
        Assert.Equal((await database.ModelSchemaAsync()).Select(t => t.Name).Order(StringComparer.Ordinal), tables.Order(StringComparer.Ordinal));
        Assert.All(before, table => Assert.True(table.Value.Count > 0, $"the fixture has no row in {table.Key}"));

        await database.MigrateAsync();

        // The baseline recorded as applied (its tables were already there), every later migration run.
        var (history, generated) = await database.WithContextAsync(async db => (
            (await db.GetService<IHistoryRepository>().GetAppliedMigrationsAsync()).Select(r => r.MigrationId).ToList(),
            db.GetService<IMigrationsAssembly>().Migrations.Keys.ToList()));
        Assert.Equal([.. HandWrittenMigrations.Ids, .. generated], history);
        Assert.Empty(DatabaseSchema.Compare(await database.ModelSchemaAsync(), await database.ReadSchemaAsync()));
        var after = await database.ReadRowsAsync(tables);
        foreach (var table in tables)
        {
            Assert.Equal(before[table], after[table]);
        }

        // The model reads every kept row (values convert back: Guid, DateOnly, DateTime, enums).
        var counts = await database.WithContextAsync(async db => new[]
        {
            await db.Tickets.CountAsync(), await db.TicketEvents.CountAsync(), await db.Ratings.CountAsync(),
            (await db.Tickets.ToListAsync()).Count, (await db.Counters.ToListAsync()).Count, (await db.Dossiers.ToListAsync()).Count,
        });
        Assert.Equal([before["Tickets"].Count, before["TicketEvents"].Count, before["Ratings"].Count,
            before["Tickets"].Count, before["Counters"].Count, before["Dossiers"].Count], counts);

        // Started again, nothing more to do.
        await database.MigrateAsync();
    }
}
