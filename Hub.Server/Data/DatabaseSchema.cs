using System.Data.Common;
using Microsoft.EntityFrameworkCore.Metadata;

namespace QueueKiosk.HubServer.Data;

/// <summary>A table as the database holds it, or as the EF model says it should be.</summary>
public sealed record TableShape(string Name, IReadOnlyList<ColumnShape> Columns, IReadOnlyList<string> PrimaryKey, IReadOnlyList<IndexShape> Indexes);

/// <summary>A column; StoreType as the database spells it (TEXT, character varying(400), uuid...).</summary>
public sealed record ColumnShape(string Name, string StoreType, bool Nullable);

public sealed record IndexShape(string Name, IReadOnlyList<string> Columns, bool Unique, bool Filtered);

/// <summary>
/// Reads the tables, columns, primary keys and indexes of a database (SQLite pragmas, PostgreSQL
/// catalogue) and of an EF relational model in the same terms, and lists where they differ. The
/// schema tests use it to prove that the migrated database is the model; the start-up uses it before
/// taking over a database made by the hand-written migrations (<see cref="HandWrittenMigrations"/>).
/// </summary>
public static class DatabaseSchema
{
    /// <summary>EF's own bookkeeping tables, which no entity maps.</summary>
    private const string EfTablesPrefix = "__EFMigrations";

    public static IReadOnlyList<TableShape> Of(IRelationalModel model) =>
    [
        .. model.Tables.OrderBy(t => t.Name, StringComparer.Ordinal).Select(t => new TableShape(
            t.Name,
            [.. t.Columns.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => new ColumnShape(c.Name, c.StoreType, c.IsNullable))],
            [.. t.PrimaryKey?.Columns.Select(c => c.Name) ?? []],
            [.. t.Indexes.OrderBy(i => i.Name, StringComparer.Ordinal).Select(i => new IndexShape(i.Name, [.. i.Columns.Select(c => c.Name)], i.IsUnique, i.Filter is not null))])),
    ];

    /// <summary>The schema of the database <paramref name="connection"/> (open) is connected to.</summary>
    public static async Task<IReadOnlyList<TableShape>> ReadAsync(DbConnection connection, bool postgres, CancellationToken ct)
    {
        var tables = new List<TableShape>();
        foreach (var table in await ListAsync(connection, postgres
            ? $"SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND left(table_name, {EfTablesPrefix.Length}) <> '{EfTablesPrefix}'"
            : $"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND substr(name, 1, {EfTablesPrefix.Length}) <> '{EfTablesPrefix}'", null, r => r.GetString(0), ct))
        {
            tables.Add(postgres ? await ReadPostgresTableAsync(connection, table, ct) : await ReadSqliteTableAsync(connection, table, ct));
        }

        return [.. tables.OrderBy(t => t.Name, StringComparer.Ordinal)];
    }

    /// <summary>Every difference, in words; empty when the database is the model.</summary>
    public static IReadOnlyList<string> Compare(IReadOnlyList<TableShape> expected, IReadOnlyList<TableShape> actual)
    {
        var differences = new List<string>();
        var actualTables = actual.ToDictionary(t => t.Name, StringComparer.Ordinal);
        foreach (var table in expected)
        {
            if (!actualTables.Remove(table.Name, out var found))
            {
                differences.Add($"table {table.Name}: missing from the database");
                continue;
            }

            CompareColumns(table, found, differences);
            if (!table.PrimaryKey.SequenceEqual(found.PrimaryKey, StringComparer.Ordinal))
            {
                differences.Add($"table {table.Name}: primary key ({string.Join(", ", found.PrimaryKey)}) in the database, ({string.Join(", ", table.PrimaryKey)}) in the model");
            }

            CompareIndexes(table, found, differences);
        }

        differences.AddRange(actualTables.Keys.Select(name => $"table {name}: in the database, not in the model"));
        return differences;
    }

    private static void CompareColumns(TableShape expected, TableShape actual, List<string> differences)
    {
        var columns = actual.Columns.ToDictionary(c => c.Name, StringComparer.Ordinal);
        foreach (var column in expected.Columns)
        {
            if (!columns.Remove(column.Name, out var found))
            {
                differences.Add($"column {expected.Name}.{column.Name}: missing from the database");
            }
            else if (!string.Equals(column.StoreType, found.StoreType, StringComparison.OrdinalIgnoreCase) || column.Nullable != found.Nullable)
            {
                differences.Add($"column {expected.Name}.{column.Name}: {Describe(found)} in the database, {Describe(column)} in the model");
            }
        }

        differences.AddRange(columns.Keys.Select(name => $"column {expected.Name}.{name}: in the database, not in the model"));
    }

    private static void CompareIndexes(TableShape expected, TableShape actual, List<string> differences)
    {
        var indexes = actual.Indexes.ToDictionary(i => i.Name, StringComparer.Ordinal);
        foreach (var index in expected.Indexes)
        {
            if (!indexes.Remove(index.Name, out var found))
            {
                differences.Add($"index {expected.Name}.{index.Name}: missing from the database");
            }
            else if (!index.Columns.SequenceEqual(found.Columns, StringComparer.Ordinal) || index.Unique != found.Unique || index.Filtered != found.Filtered)
            {
                differences.Add($"index {expected.Name}.{index.Name}: {Describe(found)} in the database, {Describe(index)} in the model");
            }
        }

        differences.AddRange(indexes.Keys.Select(name => $"index {expected.Name}.{name}: in the database, not in the model"));
    }

    private static string Describe(ColumnShape c) => c.StoreType + (c.Nullable ? " NULL" : " NOT NULL");

    private static string Describe(IndexShape i) =>
        $"{(i.Unique ? "UNIQUE " : "")}({string.Join(", ", i.Columns)}){(i.Filtered ? " filtered" : "")}";

    private static async Task<TableShape> ReadSqliteTableAsync(DbConnection connection, string table, CancellationToken ct)
    {
        var columns = await ListAsync(connection, "SELECT name, type, \"notnull\", pk FROM pragma_table_info(@name) ORDER BY cid", table,
            r => (Column: new ColumnShape(r.GetString(0), r.GetString(1), r.GetInt64(2) == 0), KeyOrder: r.GetInt64(3)), ct);
        // origin 'c': made by CREATE INDEX (EF's indexes); 'pk' and 'u' are the constraints' own.
        var indexes = new List<IndexShape>();
        foreach (var (name, unique, partial) in await ListAsync(connection, "SELECT name, \"unique\", partial FROM pragma_index_list(@name) WHERE origin = 'c'", table,
            r => (r.GetString(0), r.GetInt64(1) == 1, r.GetInt64(2) == 1), ct))
        {
            indexes.Add(new IndexShape(name, await ListAsync(connection, "SELECT name FROM pragma_index_info(@name) ORDER BY seqno", name, r => r.GetString(0), ct), unique, partial));
        }

        return new TableShape(
            table,
            [.. columns.Select(c => c.Column).OrderBy(c => c.Name, StringComparer.Ordinal)],
            [.. columns.Where(c => c.KeyOrder > 0).OrderBy(c => c.KeyOrder).Select(c => c.Column.Name)],
            [.. indexes.OrderBy(i => i.Name, StringComparer.Ordinal)]);
    }

    private static async Task<TableShape> ReadPostgresTableAsync(DbConnection connection, string table, CancellationToken ct)
    {
        const string Relation = "to_regclass(quote_ident(current_schema()) || '.' || quote_ident(@name))";
        var columns = await ListAsync(connection,
            $"SELECT attname, format_type(atttypid, atttypmod), NOT attnotnull FROM pg_attribute WHERE attrelid = {Relation} AND attnum > 0 AND NOT attisdropped",
            table, r => new ColumnShape(r.GetString(0), r.GetString(1), r.GetBoolean(2)), ct);
        var indexes = await ListAsync(connection,
            $"""
            SELECT i.relname, x.indisunique, x.indisprimary, x.indpred IS NOT NULL,
                   array(SELECT a.attname::text FROM unnest(x.indkey) WITH ORDINALITY k(attnum, n)
                         JOIN pg_attribute a ON a.attrelid = x.indrelid AND a.attnum = k.attnum ORDER BY k.n)
            FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
            WHERE x.indrelid = {Relation}
            """,
            table, r => (Primary: r.GetBoolean(2), Index: new IndexShape(r.GetString(0), r.GetFieldValue<string[]>(4), r.GetBoolean(1), r.GetBoolean(3))), ct);
        return new TableShape(
            table,
            [.. columns.OrderBy(c => c.Name, StringComparer.Ordinal)],
            indexes.SingleOrDefault(i => i.Primary).Index?.Columns ?? [],
            [.. indexes.Where(i => !i.Primary).Select(i => i.Index).OrderBy(i => i.Name, StringComparer.Ordinal)]);
    }

    /// <summary>Runs <paramref name="sql"/> with its one parameter @name (when given) and maps each row.</summary>
    private static async Task<List<T>> ListAsync<T>(DbConnection connection, string sql, string? table, Func<DbDataReader, T> map, CancellationToken ct)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (table is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@name";
            parameter.Value = table;
            command.Parameters.Add(parameter);
        }

        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            rows.Add(map(reader));
        }

        return rows;
    }
}
