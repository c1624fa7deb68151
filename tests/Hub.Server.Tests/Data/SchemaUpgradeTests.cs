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
    private static readonly string[] BaselineTables =
        ["Alerts", "CounterServices", "Counters", "Devices", "Dossiers", "Fields", "Officers", "Procedures", "Ratings", "RecordingViews", "Services", "Sites", "TicketEvents", "Tickets"];

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
        var schemaBefore = await database.ReadSchemaAsync();
        var tables = schemaBefore.Select(t => t.Name).ToList();
        var columnsBefore = schemaBefore.ToDictionary(t => t.Name, t => t.Columns.Select(c => c.Name).ToHashSet());
        var before = await database.ReadRowsAsync(tables);
        // The fixture has rows in every table of the baseline (the hand-written schema's tables), or the test would prove less than it says.
        Assert.Equal(BaselineTables, tables.Order(StringComparer.Ordinal));
        Assert.All(before, table => Assert.True(table.Value.Count > 0, $"the fixture has no row in {table.Key}"));

        await database.MigrateAsync();

        // The baseline recorded as applied (its tables were already there), every later migration run.
        var (history, generated) = await database.WithContextAsync(async db => (
            (await db.GetService<IHistoryRepository>().GetAppliedMigrationsAsync()).Select(r => r.MigrationId).ToList(),
            db.GetService<IMigrationsAssembly>().Migrations.Keys.ToList()));
        Assert.Equal([.. HandWrittenMigrations.Ids, .. generated], history);
        Assert.Empty(DatabaseSchema.Compare(await database.ModelSchemaAsync(), await database.ReadSchemaAsync()));
        var after = await database.ReadRowsAsync(tables, columnsBefore);
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

        // Columns added later give the rows already there the values a new record has: nothing is retired by an upgrade.
        var kept = await database.WithContextAsync(async db => (
            Counters: await db.Counters.CountAsync(c => c.Active), Fields: await db.Fields.CountAsync(f => f.Active),
            IdleSeconds: await db.Sites.Select(s => s.KioskIdleSeconds).Distinct().ToListAsync()));
        Assert.Equal(before["Counters"].Count, kept.Counters);
        Assert.Equal(before["Fields"].Count, kept.Fields);
        Assert.Equal([60], kept.IdleSeconds);

        // Started again, nothing more to do.
        await database.MigrateAsync();
    }
}
