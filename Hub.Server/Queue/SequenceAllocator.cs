using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubServer.Data;

namespace QueueKiosk.HubServer.Queue;

/// <summary>
/// Per-site event sequence numbers. Bumping one counter row per transaction would make every
/// writer of the site wait for the previous commit's disk flush on PostgreSQL (one flush per
/// action, a few hundred actions a second at best) and costs a statement per action on SQLite.
/// Instead this process hands out the numbers (it is the only writer of its sites' events; the
/// (SiteId, Sequence) primary key refuses a duplicate), starting after the highest stored one, and
/// remembers which are not yet committed, so a snapshot can say exactly which events it includes:
/// every number up to the watermark is committed (or abandoned) before the snapshot reads.
/// A number whose transaction failed is a gap; clients treat any gap by fetching a snapshot.
/// </summary>
public sealed class SequenceAllocator
{
    private readonly Dictionary<Guid, SiteState> _sites = [];
    private readonly SemaphoreSlim _init = new(1, 1);

    public async ValueTask<long> AllocateAsync(HubDbContext db, Guid siteId, int count, CancellationToken ct)
    {
        var state = await StateAsync(db, siteId, ct);
        lock (state)
        {
            var first = state.Last + 1;
            state.Last += count;
            for (var s = first; s <= state.Last; s++)
            {
                state.InFlight.Add(s);
            }

            return first;
        }
    }

    /// <summary>Called after commit or rollback of the transaction that used the numbers.</summary>
    public void Complete(Guid siteId, long first, int count)
    {
        SiteState? state;
        lock (_sites)
        {
            state = _sites.GetValueOrDefault(siteId);
        }

        if (state is null)
        {
            return;
        }

        lock (state)
        {
            for (var s = first; s < first + count; s++)
            {
                state.InFlight.Remove(s);
            }
        }
    }

    /// <summary>The highest sequence such that no lower or equal number is still in flight.</summary>
    public async ValueTask<long> WatermarkAsync(HubDbContext db, Guid siteId, CancellationToken ct)
    {
        var state = await StateAsync(db, siteId, ct);
        lock (state)
        {
            return state.InFlight.Count > 0 ? state.InFlight.Min - 1 : state.Last;
        }
    }

    private async ValueTask<SiteState> StateAsync(HubDbContext db, Guid siteId, CancellationToken ct)
    {
        lock (_sites)
        {
            if (_sites.TryGetValue(siteId, out var known))
            {
                return known;
            }
        }

        await _init.WaitAsync(ct);
        try
        {
            lock (_sites)
            {
                if (_sites.TryGetValue(siteId, out var known))
                {
                    return known;
                }
            }

            var last = await db.TicketEvents.Where(e => e.SiteId == siteId).MaxAsync(e => (long?)e.Sequence, ct) ?? 0;
            var state = new SiteState { Last = last };
            lock (_sites)
            {
                _sites[siteId] = state;
            }

            return state;
        }
        finally
        {
            _init.Release();
        }
    }

    private sealed class SiteState
    {
        public long Last { get; set; }

        public SortedSet<long> InFlight { get; } = [];
    }
}
