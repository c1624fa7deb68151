using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubServer.Data;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Data;

/// <summary>
/// The EF model is the schema's one source (Data/EntityConfigurations.cs): the migrations generated
/// from it must make exactly the database it describes, on both providers.
/// </summary>
public sealed class SchemaTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task MigratedDatabase_IsTheModel(string provider)
    {
        await using var database = await SchemaDatabase.MigratedAsync(provider, output);
        if (database is null)
        {
            return;
        }

        // The migrations and their snapshot are up to date with the model (a changed entity without
        // scripts/add-migration.sh fails here, and at start-up: PendingModelChangesWarning is an error).
        Assert.False(await database.WithContextAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())),
            "The model has changes no migration holds: run scripts/add-migration.sh <Name>.");

        // And the database they made is the model, column by column and index by index.
        var model = await database.ModelSchemaAsync();
        var actual = await database.ReadSchemaAsync();
        Assert.Equal(model.Count, actual.Count);
        Assert.Empty(DatabaseSchema.Compare(model, actual));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("Postgres")]
    public async Task SchemaComparison_NamesEveryKindOfDifference(string provider)
    {
        await using var database = await SchemaDatabase.MigratedAsync(provider, output);
        if (database is null)
        {
            return;
        }
        await database.ExecuteScriptAsync("""
            ALTER TABLE "Ratings" ADD COLUMN "Extra" INTEGER NULL;
            DROP INDEX "IX_Tickets_ServiceId";
            CREATE INDEX "IX_Sites_Name" ON "Sites" ("Name");
            CREATE TABLE "Stray" ("Id" INTEGER NOT NULL PRIMARY KEY);
            """);
        if (database.IsPostgres)
        {
            await database.ExecuteScriptAsync("""ALTER TABLE "Dossiers" ALTER COLUMN "Note" SET NOT NULL""");
        }

        var differences = DatabaseSchema.Compare(await database.ModelSchemaAsync(), await database.ReadSchemaAsync());

        var expected = new List<string>
        {
            "column Ratings.Extra: in the database, not in the model",
            "index Tickets.IX_Tickets_ServiceId: missing from the database",
            "index Sites.IX_Sites_Name: in the database, not in the model",
            "table Stray: in the database, not in the model",
        };
        if (database.IsPostgres)
        {
            expected.Add("column Dossiers.Note: character varying(400) NOT NULL in the database, character varying(400) NULL in the model");
        }

        Assert.Equal(expected.Order(StringComparer.Ordinal), differences.Order(StringComparer.Ordinal));
    }
}
