using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Queue.Journal;

/// <summary>
/// What each kind of row writes, in terms of the model: an insert writes every column of its
/// entity; an update writes only the properties the queue owns (a counter's name, LED address or
/// camera belong to the catalogue and are never overwritten from the live queue), found by its key,
/// and a ticket update also by the status the engine saw.
/// </summary>
internal abstract record RowShape(RowKind Kind, Type Entity)
{
    public static readonly IReadOnlyList<RowShape> All =
    [
        new InsertShape(RowKind.InsertTicket, typeof(Ticket)),
        UpdateShape.Of<Ticket>(RowKind.UpdateTicket, guard: t => t.Status,
            t => t.ServiceId, t => t.Status, t => t.CounterId, t => t.TargetCounterId, t => t.CalledAt, t => t.ServiceStartedAt, t => t.FinishedAt, t => t.RecallCount),
        UpdateShape.Of(RowKind.UpdateCounter, guard: null, [.. Counter.LiveState]),
        new InsertShape(RowKind.InsertEvent, typeof(TicketEvent)),
        new InsertShape(RowKind.InsertRating, typeof(Rating)),
        new InsertShape(RowKind.InsertOutbox, typeof(ProvinceLink.OutboxMessage)),
    ];
}

internal sealed record InsertShape(RowKind Kind, Type Entity) : RowShape(Kind, Entity);

internal sealed record UpdateShape(RowKind Kind, Type Entity, string? Guard, IReadOnlyList<string> Set) : RowShape(Kind, Entity)
{
    public static UpdateShape Of<T>(RowKind kind, Expression<Func<T, object?>>? guard, params Expression<Func<T, object?>>[] set) =>
        new(kind, typeof(T), guard is null ? null : PropertyName(guard), [.. set.Select(PropertyName)]);

    private static string PropertyName<T>(Expression<Func<T, object?>> property) =>
        ((MemberExpression)(property.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : property.Body)).Member.Name;
}

/// <summary>
/// One parameter of a statement: the column it fills, how to read its value from a row (through the
/// model's property getter), and the model's type mapping (value converters included: a DateTime
/// marked UTC, an enum as its number) that turns it into what the database stores.
/// </summary>
public sealed class RowParameter(string column, RelationalTypeMapping mapping, Func<RowWrite, object?> read)
{
    private readonly Func<object?, object?>? _toProvider = mapping.Converter?.ConvertToProvider;

    public string Column { get; } = column;

    public RelationalTypeMapping Mapping { get; } = mapping;

    /// <summary>The value as the database stores it, or DBNull.</summary>
    public object Value(RowWrite row) =>
        read(row) is { } value ? (_toProvider is null ? value : _toProvider(value) ?? DBNull.Value) : DBNull.Value;
}

/// <summary>The statement of one kind of row, with its parameters in placeholder order.</summary>
public sealed class RowStatement(RowKind kind, IReadOnlyList<RowParameter> parameters, Func<Func<int, string>, string> sql, IReadOnlyList<RowParameter> key)
{
    public RowKind Kind { get; } = kind;

    public IReadOnlyList<RowParameter> Parameters { get; } = parameters;

    /// <summary>The SQL, its parameter i written by <paramref name="placeholder"/>(i).</summary>
    public string Sql(Func<int, string> placeholder) => sql(placeholder);

    /// <summary>For logs: the kind and the key of the row.</summary>
    public string Describe(RowWrite row) =>
        $"{Kind} {string.Join(", ", key.Select(k => k.Column + "=" + Convert.ToString(k.Value(row), CultureInfo.InvariantCulture)))}";
}

/// <summary>
/// The group commit's statements, built once from the EF model of the configured provider: table
/// and column names, and each value's reader and converter, all come from the entity configurations
/// (Data/EntityConfigurations.cs), the schema's one source.
/// </summary>
public sealed class RowStatements
{
    private readonly Dictionary<RowKind, RowStatement> _statements;

    public RowStatements(IModel model, ISqlGenerationHelper sql)
    {
        _statements = RowShape.All.ToDictionary(s => s.Kind, s => Build(s, model, sql));
    }

    public RowStatement this[RowKind kind] => _statements[kind];

    public IEnumerable<RowStatement> All => _statements.Values;

    private static RowStatement Build(RowShape shape, IModel model, ISqlGenerationHelper sql)
    {
        var entity = model.FindEntityType(shape.Entity) ?? throw new InvalidOperationException($"{shape.Entity.Name} is not in the model");
        var table = sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Select(Column).ToList();
        switch (shape)
        {
            case InsertShape:
                {
                    var columns = entity.GetProperties().Select(Column).ToList();
                    var names = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Column)));
                    return new RowStatement(shape.Kind, columns,
                        p => $"INSERT INTO {table} ({names}) VALUES ({string.Join(", ", columns.Select((_, i) => p(i)))})", key);
                }

            case UpdateShape update:
                {
                    var set = update.Set.Select(name => Property(entity, name)).Select(Column).ToList();
                    var where = new List<RowParameter>(key);
                    if (update.Guard is { } guard)
                    {
                        where.Add(Parameter(Property(entity, guard), row => row.ExpectedStatus
                            ?? throw new InvalidOperationException($"{shape.Kind} needs the status the engine saw")));
                    }

                    return new RowStatement(shape.Kind, [.. set, .. where],
                        p => $"UPDATE {table} SET {string.Join(", ", set.Select((c, i) => $"{sql.DelimitIdentifier(c.Column)} = {p(i)}"))} " +
                             $"WHERE {string.Join(" AND ", where.Select((c, i) => $"{sql.DelimitIdentifier(c.Column)} = {p(set.Count + i)}"))}",
                        key);
                }

            default:
                throw new ArgumentOutOfRangeException(nameof(shape), shape, null);
        }
    }

    private static IProperty Property(IEntityType entity, string name) =>
        entity.FindProperty(name) ?? throw new InvalidOperationException($"{entity.ClrType.Name}.{name} is not a mapped property");

    /// <summary>A column whose value is the entity's property.</summary>
    private static RowParameter Column(IProperty property)
    {
        var getter = property.GetGetter();
        return Parameter(property, row => getter.GetClrValue(row.Entity));
    }

    private static RowParameter Parameter(IProperty property, Func<RowWrite, object?> read)
    {
        var mapping = property.GetTableColumnMappings().Single();
        return new RowParameter(mapping.Column.Name, mapping.TypeMapping, read);
    }
}
