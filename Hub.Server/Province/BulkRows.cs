using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace QueueKiosk.HubServer.Province;

/// <summary>What an insert does with a row whose primary key is already stored.</summary>
public enum OnConflict
{
    /// <summary>Fails the statement and so the transaction (the key must be new).</summary>
    Fail,

    /// <summary>Keeps the stored row.</summary>
    Ignore,

    /// <summary>Overwrites the stored row's other columns, or merges them as the caller says.</summary>
    Update,
}

/// <summary>
/// Writes many rows of one entity in one statement, <c>INSERT … SELECT FROM unnest(arrays)</c>, one
/// array parameter per column. The table, its columns, their types and its key are read from the EF
/// model, so the SQL holds no second copy of the schema. The ingest uses it instead of tracked
/// entities, which were most of a batch's cost (docs/province.md, "Bench").
/// </summary>
public sealed class BulkRows<T>
    where T : class
{
    private readonly (IProperty Property, string ArrayType)[] _columns;
    private readonly string _sql;

    private BulkRows((IProperty, string)[] columns, string sql)
    {
        _columns = columns;
        _sql = sql;
    }

    /// <param name="model">The context's model, which names the table and columns.</param>
    /// <param name="onConflict">What a stored key does.</param>
    /// <param name="merge">
    /// With <see cref="OnConflict.Update"/>: for some properties, how the stored value (<c>existing.{0}</c>)
    /// and the new one (<c>EXCLUDED.{0}</c>) combine, <c>{0}</c> being the quoted column; the others are overwritten.
    /// </param>
    public static BulkRows<T> For(IModel model, OnConflict onConflict, IReadOnlyDictionary<string, string>? merge = null)
    {
        var entity = ModelSql.Entity<T>(model);
        var columns = entity.GetProperties().ToArray();
        var key = entity.FindPrimaryKey()!.Properties;
        var sql = $"INSERT INTO {ModelSql.Table(entity)} AS existing ({string.Join(", ", columns.Select(ModelSql.Column))}) "
            + $"SELECT * FROM unnest({string.Join(", ", columns.Select((p, i) => $"${i + 1}::{ArrayType(p)}"))})";
        var conflict = $" ON CONFLICT ({string.Join(", ", key.Select(ModelSql.Column))})";
        sql += onConflict switch
        {
            OnConflict.Fail => "",
            OnConflict.Ignore => conflict + " DO NOTHING",
            _ => conflict + " DO UPDATE SET " + string.Join(", ", columns.Except(key).Select(p =>
                $"{ModelSql.Column(p)} = " + (merge?.GetValueOrDefault(p.Name) is { } how
                    ? string.Format(System.Globalization.CultureInfo.InvariantCulture, how, ModelSql.Column(p))
                    : $"EXCLUDED.{ModelSql.Column(p)}"))),
        };
        if (merge?.Keys.Except(columns.Select(p => p.Name)).FirstOrDefault() is { } unknown)
        {
            throw new InvalidOperationException($"{typeof(T).Name} has no property {unknown} to merge");
        }

        return new BulkRows<T>([.. columns.Select(p => (p, ArrayType(p)))], sql);
    }

    /// <summary>The statement for these rows, to add to a batch; null when there are none.</summary>
    public NpgsqlBatchCommand? Command(IReadOnlyCollection<T> rows)
    {
        if (rows.Count == 0)
        {
            return null;
        }

        var command = new NpgsqlBatchCommand(_sql);
        foreach (var (column, arrayType) in _columns)
        {
            var values = Array.CreateInstance(column.ClrType, rows.Count);
            var i = 0;
            foreach (var row in rows)
            {
                values.SetValue(column.PropertyInfo!.GetValue(row), i++);
            }

            // Typed by the column, not by the values: Npgsql would take an array of DateTime? that
            // starts with null for "timestamp without time zone" and then refuse its UTC values.
            command.Parameters.Add(new NpgsqlParameter { Value = values, DataTypeName = arrayType });
        }

        return command;
    }

    /// <summary>
    /// The column's array type. Text goes as <c>text[]</c>, not <c>varchar(n)[]</c>: an explicit cast
    /// to varchar(n) cuts a long value silently, where storing it in the column refuses it.
    /// </summary>
    private static string ArrayType(IProperty p) =>
        (p.GetColumnType().StartsWith("character varying", StringComparison.Ordinal) ? "text" : p.GetColumnType()) + "[]";
}

/// <summary>Names from the EF model for hand-written SQL, quoted for PostgreSQL, so no SQL spells a table or column itself.</summary>
public static class ModelSql
{
    public static IEntityType Entity<T>(IModel model) =>
        model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model");

    /// <summary>schema.table, quoted.</summary>
    public static string Table(IEntityType entity) =>
        entity.GetSchema() is { } schema ? $"{Quote(schema)}.{Quote(entity.GetTableName()!)}" : Quote(entity.GetTableName()!);

    /// <summary>The property's column, quoted.</summary>
    public static string Column(IProperty property) =>
        Quote(property.GetColumnName(StoreObjectIdentifier.Table(property.DeclaringType.GetTableName()!, property.DeclaringType.GetSchema()))!);

    public static string Column<T>(IModel model, string property) =>
        Column(Entity<T>(model).FindProperty(property) ?? throw new InvalidOperationException($"{typeof(T).Name} has no property {property}"));

    /// <summary>The first text of these rows longer than its column allows, or null.</summary>
    public static (string Property, int Max)? TooLong<T>(IModel model, IEnumerable<T> rows)
    {
        var limited = Entity<T>(model).GetProperties().Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is not null).ToArray();
        foreach (var row in rows)
        {
            foreach (var p in limited)
            {
                if (p.PropertyInfo!.GetValue(row) is string text && text.Length > p.GetMaxLength())
                {
                    return (p.Name, p.GetMaxLength()!.Value);
                }
            }
        }

        return null;
    }

    private static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
