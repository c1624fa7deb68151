using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace QueueKiosk.HubServer.Data;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file once a second (a PASSIVE checkpoint:
/// it never waits for, nor blocks, readers and writers). Left to SQLite, the writer whose commit
/// crosses 1,000 WAL pages does the copy and its fsync inside its own transaction, while every other
/// writer queues behind it on the write gate; at a few thousand queue actions a second that was many
/// checkpoints a second on the write path. Writers still checkpoint themselves past
/// <see cref="WriterCheckpointPages"/>, so the WAL stays bounded if this falls behind.
/// </summary>
public sealed class SqliteCheckpointer(IOptions<DatabaseOptions> options, ILogger<SqliteCheckpointer> logger) : BackgroundService
{
    public const int WriterCheckpointPages = 10_000;

    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.Provider != DatabaseProvider.Sqlite)
        {
            return;
        }

        var connectionString = DataExtensions.SqliteConnectionString(options.Value.ConnectionString);
        using var timer = new PeriodicTimer(Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await using var connection = new SqliteConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                await using var command = connection.CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await command.ExecuteNonQueryAsync(stoppingToken);
            }
            catch (SqliteException e)
            {
                // A missed checkpoint only means the next one (or a writer) copies more.
                logger.LogDebug(e, "SQLite checkpoint skipped");
            }
        }
    }
}
