using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace QueueKiosk.HubServer.Data;

/// <summary>
/// Sends a context's pending BEGIN in front of its next command, so opening a write transaction on
/// PostgreSQL costs no round trip of its own (the queue engine also sends COMMIT in the same
/// command as its writes: see QueueEngine.WriteAsync). Npgsql runs the statements of one command
/// in order and skips those that return no rows when reading results.
/// </summary>
internal sealed class PendingBeginInterceptor : DbCommandInterceptor
{
    public static readonly PendingBeginInterceptor Instance = new();

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Prefix(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Prefix(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Prefix(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Prefix(command, eventData);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Prefix(command, eventData);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Prefix(command, eventData);
        return ValueTask.FromResult(result);
    }

    private static void Prefix(DbCommand command, CommandEventData eventData)
    {
        if (eventData.Context is HubDbContext { PendingBegin: true } db)
        {
            command.CommandText = HubDbContext.BeginStatement + command.CommandText;
            db.PendingBegin = false;
        }
    }
}
