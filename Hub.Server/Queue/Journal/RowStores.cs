using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage;
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
public sealed class RowRefusedException(string row, int affected)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"{row} changed {affected} rows instead of 1: the stored queue differs from the live one"));

/// <summary>
/// PostgreSQL: the batch goes out as one NpgsqlBatch (one round trip; BEGIN rides in front of it)
/// and COMMIT follows once every row is checked. The statements are the same few all day, so
/// Npgsql's automatic preparation parses and plans them once per connection.
/// </summary>
public sealed class PostgresRowStore(NpgsqlConnection connection, RowStatements statements) : IRowStore
{
    private readonly Dictionary<RowKind, string> _sql =
        statements.All.ToDictionary(s => s.Kind, s => s.Sql(i => "$" + (i + 1).ToString(CultureInfo.InvariantCulture)));

    public async Task WriteAsync(IReadOnlyList<RowWrite> rows, CancellationToken ct)
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var row in rows)
        {
            var command = new NpgsqlBatchCommand(_sql[row.Kind]);
            foreach (var parameter in statements[row.Kind].Parameters)
            {
                command.Parameters.Add(new NpgsqlParameter { Value = parameter.Value(row) });
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct);
        for (var i = 0; i < rows.Count; i++)
        {
            if (batch.BatchCommands[i].RecordsAffected != 1)
            {
                throw new RowRefusedException(statements[rows[i].Kind].Describe(rows[i]), batch.BatchCommands[i].RecordsAffected);
            }
        }

        await transaction.CommitAsync(ct);
    }

    public ValueTask DisposeAsync() => connection.DisposeAsync();
}

/// <summary>
/// SQLite: one prepared command per kind of row, kept for the life of the connection (parsing the
/// statement is most of the cost of a small insert), run inside BEGIN IMMEDIATE under the process's
/// write gate. Each parameter is made by the model's type mapping of its column, so values are bound
/// exactly as EF binds them (Guid as upper-case text, DateOnly as "yyyy-MM-dd"...).
/// </summary>
public sealed class SqliteRowStore(SqliteConnection connection, WriteGate gate, RowStatements statements) : IRowStore
{
    private readonly Dictionary<RowKind, SqliteCommand> _commands = [];

    public async Task WriteAsync(IReadOnlyList<RowWrite> rows, CancellationToken ct)
    {
        using var entered = await gate.EnterAsync(ct);
        using var transaction = connection.BeginTransaction(deferred: false);
        foreach (var row in rows)
        {
            var statement = statements[row.Kind];
            var command = Command(statement);
            command.Transaction = transaction;
            for (var i = 0; i < statement.Parameters.Count; i++)
            {
                command.Parameters[i].Value = statement.Parameters[i].Value(row);
            }

            var affected = command.ExecuteNonQuery();
            if (affected != 1)
            {
                throw new RowRefusedException(statement.Describe(row), affected);
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

    private SqliteCommand Command(RowStatement statement)
    {
        if (_commands.TryGetValue(statement.Kind, out var command))
        {
            return command;
        }

        command = connection.CreateCommand();
        command.CommandText = statement.Sql(Placeholder);
        for (var i = 0; i < statement.Parameters.Count; i++)
        {
            command.Parameters.Add(statement.Parameters[i].Mapping.CreateParameter(command, Placeholder(i), null, nullable: true));
        }

        _commands[statement.Kind] = command;
        return command;
    }

    private static string Placeholder(int i) => "@p" + i.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Opens the row store of the configured database on a connection of its own.</summary>
public sealed class RowStoreFactory(IOptions<DatabaseOptions> options, WriteGate gate, IServiceScopeFactory scopes)
{
    private RowStatements? _statements;

    public async Task<IRowStore> OpenAsync(CancellationToken ct)
    {
        var settings = options.Value;
        var statements = _statements ??= Statements();
        if (settings.Provider == DatabaseProvider.Postgres)
        {
            var connection = new NpgsqlConnection(DataExtensions.PostgresConnectionString(settings.ConnectionString));
            await connection.OpenAsync(ct);
            return new PostgresRowStore(connection, statements);
        }

        var sqlite = new SqliteConnection(DataExtensions.SqliteConnectionString(settings.ConnectionString));
        await sqlite.OpenAsync(ct);
        using (var pragmas = sqlite.CreateCommand())
        {
            pragmas.CommandText = DataExtensions.SqliteConnectionPragmas;
            await pragmas.ExecuteNonQueryAsync(ct);
        }

        return new SqliteRowStore(sqlite, gate, statements);
    }

    /// <summary>Built once, from the model of the configured provider.</summary>
    private RowStatements Statements()
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return new RowStatements(db.Model, db.GetService<ISqlGenerationHelper>());
    }
}
