using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Migrations;

namespace QueueKiosk.HubServer.Data;

/// <summary>
/// Databases made before the schema came from the EF model: until December 2026 the migrations were
/// written by hand, and a database they made (the demo's, an office already running) records these
/// three ids in __EFMigrationsHistory. Its tables are what the first generated migration (the
/// baseline) creates, so the baseline is recorded as applied instead of run, once the database has
/// been read and found to be exactly the baseline's schema; later migrations then run as usual.
/// A database whose schema differs is refused with the list of differences, never altered.
/// </summary>
internal static class HandWrittenMigrations
{
    public static readonly IReadOnlyList<string> Ids = ["20261122000000_Initial", "20261122010000_Supervision", "20261122020000_LiveQueue"];

    /// <summary>Records the baseline as applied on a database made by the hand-written migrations; does nothing on any other.</summary>
    public static async Task AdoptAsync(HubDbContext db, CancellationToken ct)
    {
        var history = db.GetService<IHistoryRepository>();
        if (!await history.ExistsAsync(ct))
        {
            return;
        }

        var applied = (await history.GetAppliedMigrationsAsync(ct)).Select(r => r.MigrationId).ToList();
        var handWritten = applied.Intersect(Ids, StringComparer.Ordinal).ToList();
        if (handWritten.Count == 0)
        {
            return;
        }

        var migrations = db.GetService<IMigrationsAssembly>();
        var (baselineId, baselineType) = migrations.Migrations.First();
        if (applied.Contains(baselineId, StringComparer.Ordinal))
        {
            return;
        }

        if (!applied.SequenceEqual(Ids, StringComparer.Ordinal))
        {
            throw new InvalidOperationException(
                $"The database's migration history ({string.Join(", ", applied)}) is not the hand-written migrations' ({string.Join(", ", Ids)}): " +
                "only a database they brought up to date can be taken over; bring it up to date with the release before December 2026 first.");
        }

        var baseline = migrations.CreateMigration(baselineType, db.Database.ProviderName!);
        var target = db.GetService<IModelRuntimeInitializer>().Initialize(
            ((Microsoft.EntityFrameworkCore.Metadata.IMutableModel)baseline.TargetModel!).FinalizeModel(), designTime: true, validationLogger: null);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var differences = DatabaseSchema.Compare(
                DatabaseSchema.Of(target.GetRelationalModel()),
                await DatabaseSchema.ReadAsync(db.Database.GetDbConnection(), db.IsPostgres, ct));
            if (differences.Count > 0)
            {
                throw new InvalidOperationException(
                    $"The database was made by the hand-written migrations but its schema is not theirs, so migration {baselineId} cannot be recorded as applied:{Environment.NewLine}  " +
                    string.Join(Environment.NewLine + "  ", differences));
            }

            await db.Database.ExecuteSqlRawAsync(history.GetInsertScript(new HistoryRow(baselineId, ProductInfo.GetVersion())), ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
