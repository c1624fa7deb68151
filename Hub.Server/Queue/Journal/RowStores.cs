using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using Npgsql;
using QueueKiosk.HubServer.Data;

namespace QueueKiosk.HubServer.Queue.Journal;

/// <summary>Writes a batch of rows in one transaction, all or nothing.</summary>
public interface IRowStore : IAsyncDisposable
{
    /// <summary>Commits every row, or throws having rolled back (a refused row: <see cref="RowRefusedException"/>).</summary>
    Task WriteAsync(IReadOnlyList<RowWrite> rows, CancellationToken ct);
}

/// <summary>A row write touched no row: the database no longer holds what the engine saw.</summary>
public sealed class RowRefusedException(RowWrite row, int affected)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"{row} changed {affected} rows instead of 1: the stored queue differs from the live one"));

/// <summary>
/// PostgreSQL: the batch goes out as one NpgsqlBatch (one round trip; BEGIN rides in front of it)
/// and COMMIT follows once every row is checked. The statements are the same few all day, so
/// Npgsql's automatic preparation parses and plans them once per connection.
/// </summary>
public sealed class PostgresRowStore(NpgsqlConnection connection) : IRowStore
{
    private static readonly Dictionary<RowKind, string> Statements =
        RowWrite.AllKinds.ToDictionary(k => k, k => RowWrite.Sql(k, i => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)));

    public async Task WriteAsync(IReadOnlyList<RowWrite> rows, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand(Statements[row.Kind]);
            foreach (var value in row.Values)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = value is DateTime d ? DateTime.SpecifyKind(d, DateTimeKind.Utc) : value ?? DBNull.Value });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct);
        for (var i = 0; i < rows.Count; i++)
        {
            if (batch.BatchCommands[i].RecordsAffected != 1)
            {
                throw new RowRefusedException(rows[i], batch.BatchCommands[i].RecordsAffected);
            }
        }

        await transaction.CommitAsync(ct);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

/// <summary>
/// SQLite: one prepared command per kind of row, kept for the life of the connection (parsing the
/// statement is most of the cost of a small insert), run inside BEGIN IMMEDIATE under the process's
/// write gate. Values are bound the way the EF model stores them: Guid as upper-case text, DateOnly
/// as "yyyy-MM-dd", DateTime as Microsoft.Data.Sqlite writes it.
/// </summary>
public sealed class SqliteRowStore(SqliteConnection connection, WriteGate gate) : IRowStore
{
    private readonly Dictionary<RowKind, SqliteCommand> _commands = [];

    public async Task WriteAsync(IReadOnlyList<RowWrite> rows, CancellationToken ct)
    {
        using var entered = await gate.EnterAsync(ct);
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var row in rows)
        {
            var command = Command(row.Kind);
            command.Transaction = transaction;
            for (var i = 0; i < row.Values.Length; i++)
            {
                command.Parameters[i].Value = row.Values[i] switch
                {
                    null => DBNull.Value,
                    Guid g => g.ToString().ToUpperInvariant(),
                    DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    var v => v,
                };
            }

            var affected = command.ExecuteNonQuery();
            if (affected != 1)
            {
                throw new RowRefusedException(row, affected);
            }
        }

        transaction.Commit();
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
        {
            await command.DisposeAsync();
        }

        await connection.DisposeAsync();
    }

    private SqliteCommand Command(RowKind kind)
    {
        if (_commands.TryGetValue(kind, out var command))
        {
            return command;
        }

        command = connection.CreateCommand();
        // One parameter per placeholder the statement uses, in index order (Parameters[i] is @p{i}).
        var indexes = new SortedSet<int>();
        command.CommandText = RowWrite.Sql(kind, i =>
        {
            indexes.Add(i);
            return "@p" + i.ToString(CultureInfo.InvariantCulture);
        });
        foreach (var i in indexes)
        {
            command.Parameters.Add(new SqliteParameter("@p" + i.ToString(CultureInfo.InvariantCulture), DBNull.Value));
        }

        _commands[kind] = command;
        return command;
    }
}

/// <summary>Opens the row store of the configured database on a connection of its own.</summary>
public sealed class RowStoreFactory(IOptions<DatabaseOptions> options, WriteGate gate)
{
    public async Task<IRowStore> OpenAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            var connection = new NpgsqlConnection(DataExtensions.PostgresConnectionString(settings.ConnectionString));
            await connection.OpenAsync(ct);
            return new PostgresRowStore(connection);
        }

        var sqlite = new SqliteConnection(DataExtensions.SqliteConnectionString(settings.ConnectionString));
        await sqlite.OpenAsync(ct);
        using (var pragmas = sqlite.CreateCommand())
        {
            pragmas.CommandText = DataExtensions.SqliteConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync(ct);
        }

        return new SqliteRowStore(sqlite, gate);
    }
}
