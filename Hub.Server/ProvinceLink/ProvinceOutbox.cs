using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QueueKiosk.HubServer.Data;

namespace QueueKiosk.HubServer.ProvinceLink;

/// <summary>
/// Numbers the outbox. Every transaction that writes outbox rows holds a lease from before its rows
/// are numbered until it has committed or failed, so the numbers are contiguous and commit in their
/// order on both databases (a site is one process per database; docs/province.md says why this is
/// not left to a database sequence). A lease is taken before the write gate, never inside it. With
/// the link off the lease is free and writes nothing.
/// </summary>
public sealed class ProvinceOutbox(IOptions<ProvinceLinkOptions> options, IServiceScopeFactory scopes)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _written = new(0, 1);
    private long? _last;

    public bool Enabled { get; } = options.Value.Enabled;

    public async ValueTask<OutboxLease> LeaseAsync(CancellationToken ct)
    {
        if (!Enabled)
        {
            return OutboxLease.Off;
        }

        await _gate.WaitAsync(ct);
        try
        {
            _last ??= await LastStoredAsync(ct);
            return new OutboxLease(this, _last.Value);
        }
        catch
        {
            _gate.Release();
            throw;
        }
    }

    /// <summary>Completes when rows were committed since the last call (or the token fires): the shipper's wake-up.</summary>
    public async Task WaitForRowsAsync(TimeSpan max, CancellationToken ct)
    {
        try
        {
            await _written.WaitAsync(max, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    internal void Committed(long last)
    {
        _last = last;
        if (_written.CurrentCount == 0)
        {
            try
            {
                _written.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another commit already woke the shipper.
            }
        }
    }

    internal void Release(bool failed)
    {
        if (failed)
        {
            // The transaction may or may not have reached the disk (a lost connection at COMMIT):
            // the next lease reads the last number back from the database.
            _last = null;
        }

        _gate.Release();
    }

    /// <summary>
    /// The last number used. The shipper deletes acknowledged rows but always keeps the newest one,
    /// so the numbering survives a restart with an empty backlog.
    /// </summary>
    private async Task<long> LastStoredAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        return await db.Set<OutboxMessage>().MaxAsync(m => (long?)m.Sequence, ct) ?? 0;
    }
}

/// <summary>The right to number outbox rows until disposed; <see cref="Commit"/> once the transaction has committed.</summary>
public sealed class OutboxLease : IDisposable
{
    public static readonly OutboxLease Off = new(null, 0);

    private readonly ProvinceOutbox? _outbox;
    private readonly long _first;
    private long _next;
    private bool _done;

    internal OutboxLease(ProvinceOutbox? outbox, long last)
    {
        _outbox = outbox;
        _first = last;
        _next = last;
    }

    /// <summary>False with the link off: callers skip building payloads.</summary>
    public bool Active => _outbox is not null;

    public OutboxMessage Next(Guid siteId, string kind, DateTime at, string payload) => new()
    {
        Sequence = ++_next,
        SiteId = siteId,
        Kind = kind,
        At = at,
        Payload = payload.Length <= OutboxMessageConfiguration.MaxPayload ? payload : throw new InvalidOperationException($"Outbox payload of {kind} is {payload.Length} characters"),
    };

    /// <summary>Adds a row to an EF context, to be saved by its caller's one SaveChanges.</summary>
    public void Add(DbContext db, Guid siteId, string kind, DateTime at, string payload)
    {
        if (Active)
        {
            db.Set<OutboxMessage>().Add(Next(siteId, kind, at, payload));
        }
    }

    public void Commit()
    {
        if (_outbox is null || _done)
        {
            return;
        }

        _done = true;
        if (_next != _first)
        {
            _outbox.Committed(_next);
        }

        _outbox.Release(failed: false);
    }

    public void Dispose()
    {
        if (_outbox is null || _done)
        {
            return;
        }

        _done = true;
        _outbox.Release(failed: _next != _first);
    }
}
