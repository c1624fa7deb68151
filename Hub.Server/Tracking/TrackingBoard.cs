using System.Collections.Concurrent;
using System.Text.Json;
using System.Threading.Channels;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Schedule;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Tracking;

/// <summary>
/// What every phone of a site may see, computed once per change of the site's queue rather than
/// once per phone: each open ticket's view by token, and the hall. A change (from the queue
/// engine's notifications) marks the site; one refresh reads the open tickets and counters in one
/// go and wakes every stream of the site, which then looks its own ticket up in memory. Changes
/// that arrive during a refresh are folded into the next one, so 50 counters calling at once cost
/// a few refreshes, not 50 x 1,000 reads.
/// </summary>
public sealed class TrackingBoard(IServiceScopeFactory scopes, CatalogueCache catalogueCache, WaitEstimator estimator, TimeProvider time,
    IOptions<JsonOptions> json, ILogger<TrackingBoard> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, SiteBoard> _boards = new();
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _changed = new();
    private readonly Channel<Guid> _dirty = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _refreshGate = new(1, 1);

    /// <summary>One site's views: open tickets by token, and the hall.</summary>
    public sealed record SiteBoard(Guid SiteId, IReadOnlyDictionary<string, TrackedView> ByToken, PublicHallDto Hall, OpeningHours? Hours);

    /// <summary>A ticket's view and its JSON, made once per refresh so that each stream only looks it up and compares.</summary>
    public sealed record TrackedView(Guid SiteId, TrackedTicketDto View, string Json);

    /// <summary>Called after a commit changed the site's queue.</summary>
    public void MarkChanged(Guid siteId) => _dirty.Writer.TryWrite(siteId);

    /// <summary>Completes at the next refresh of the site (streams wait on it).</summary>
    public Task NextChange(Guid siteId) =>
        _changed.GetOrAdd(siteId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).Task;

    /// <summary>The ticket's view; null for a token no ticket has.</summary>
    public async Task<TrackedView?> FindAsync(string token, CancellationToken ct)
    {
        foreach (var board in _boards.Values)
        {
            if (board.ByToken.TryGetValue(token, out var open))
            {
                return Current(board, open);
            }
        }

        // Not open (finished, or another day's), or the site's board is not built yet.
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.TrackingToken == token, ct);
        if (ticket is null)
        {
            return null;
        }

        if (ticket.IsOpen)
        {
            // Issued after the board's last refresh (its change is still on the way): read it now.
            var board = await RefreshAsync(ticket.SiteId, ct);
            if (board.ByToken.TryGetValue(token, out var open))
            {
                return Current(board, open);
            }
        }

        var catalogue = await catalogueCache.GetAsync(ct);
        return Made(ticket.SiteId, Stamp(ViewOf(ticket, catalogue, 0, 0), Today(catalogue, ticket.SiteId)));
    }

    /// <summary>The site the hall page shows: the only (or first) site of the hub.</summary>
    public async Task<Guid?> HallSiteAsync(CancellationToken ct) => (await catalogueCache.GetAsync(ct)).ResolveSite(null)?.Site.Id;

    public async Task<PublicHallDto?> HallAsync(Guid? siteId, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var site = catalogue.ResolveSite(siteId);
        if (site is null)
        {
            return null;
        }

        var board = _boards.GetValueOrDefault(site.Site.Id) ?? await RefreshAsync(site.Site.Id, ct);
        return board.Hall;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var pending = new HashSet<Guid>();
        while (await _dirty.Reader.WaitToReadAsync(stoppingToken))
        {
            while (_dirty.Reader.TryRead(out var siteId))
            {
                pending.Add(siteId);
            }

            foreach (var siteId in pending)
            {
                try
                {
                    await RefreshAsync(siteId, stoppingToken);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // The next change retries; phones keep the last view meanwhile.
                    logger.LogWarning(e, "Tracking board of site {SiteId} not refreshed", siteId);
                }
            }

            pending.Clear();
        }
    }

    private async Task<SiteBoard> RefreshAsync(Guid siteId, CancellationToken ct)
    {
        await _refreshGate.WaitAsync(ct);
        try
        {
            var board = await ReadAsync(siteId, ct);
            _boards[siteId] = board;
            // Swap the signal before completing it, so a stream that wakes waits on the next one.
            var next = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (_changed.TryGetValue(siteId, out var previous) && _changed.TryUpdate(siteId, next, previous))
            {
                previous.TrySetResult();
            }
            else
            {
                _changed.TryAdd(siteId, next);
            }

            return board;
        }
        finally
        {
            _refreshGate.Release();
        }
    }

    private async Task<SiteBoard> ReadAsync(Guid siteId, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
        var open = await db.Tickets.AsNoTracking()
            .Where(t => t.SiteId == siteId && (t.Status == TicketStatus.Waiting || t.Status == TicketStatus.Called || t.Status == TicketStatus.Serving))
            .ToListAsync(ct);
        var counters = await db.Counters.AsNoTracking().Include(c => c.Services).Where(c => c.SiteId == siteId && c.Active).ToListAsync(ct);
        var now = time.GetUtcNow().UtcDateTime;
        var waiting = open.Where(t => t.Status == TicketStatus.Waiting).ToList();
        var ahead = CallOrder.PeopleAhead(waiting, [.. counters.Select(c => CallingCounter.Of(c, catalogue))], now);
        var byToken = new Dictionary<string, TrackedView>(open.Count, StringComparer.Ordinal);
        var today = Today(catalogue, siteId);
        foreach (var ticket in open)
        {
            if (ticket.TrackingToken is null)
            {
                continue;
            }

            var n = ahead.GetValueOrDefault(ticket.Id);
            var minutes = ticket.Status == TicketStatus.Waiting && catalogue.Services.TryGetValue(ticket.ServiceId, out var service)
                ? estimator.EstimateMinutes(service, n)
                : 0;
            byToken[ticket.TrackingToken] = Made(siteId, Stamp(ViewOf(ticket, catalogue, n, minutes), today));
        }

        return new SiteBoard(siteId, byToken, HallOf(siteId, catalogue, open, waiting), catalogue.Sites.GetValueOrDefault(siteId)?.Hours);
    }

    private static PublicHallDto HallOf(Guid siteId, CatalogueData catalogue, List<Ticket> open, List<Ticket> waiting)
    {
        var counts = waiting.GroupBy(t => t.ServiceId).ToDictionary(g => g.Key, g => g.Count());
        var calls = open.Where(t => t.Status is TicketStatus.Called or TicketStatus.Serving && t.CounterId is not null)
            .OrderByDescending(t => t.CalledAt)
            .Select(t => (Ticket: t, Counter: catalogue.Counters.GetValueOrDefault(t.CounterId!.Value)))
            .Where(x => x.Counter is not null)
            .Select(x => new PublicCallDto(x.Ticket.Number, x.Counter!.Number, x.Counter.Name,
                catalogue.Services.GetValueOrDefault(x.Ticket.ServiceId)?.Name ?? "", x.Ticket.Status))
            .ToList();
        var services = catalogue.Services.Values.Where(s => s.SiteId == siteId && s.Active).OrderBy(s => s.Code, StringComparer.Ordinal)
            .Select(s => new PublicWaitingDto(s.Code, s.Name, counts.GetValueOrDefault(s.Id)))
            .ToList();
        var siteName = catalogue.Sites.GetValueOrDefault(siteId)?.Site.Name ?? "";
        return new PublicHallDto(siteName, calls, services);
    }

    private static TrackedTicketDto ViewOf(Ticket ticket, CatalogueData catalogue, int ahead, int minutes)
    {
        var counter = ticket.CounterId is { } c ? catalogue.Counters.GetValueOrDefault(c) : null;
        return new TrackedTicketDto(ticket.Number, catalogue.Services.GetValueOrDefault(ticket.ServiceId)?.Name ?? "", ticket.Status,
            ahead, minutes, counter?.Number, counter?.Name, ticket.RecallCount, ticket.LocalDay, Expired: false);
    }

    /// <summary>The board's view, unless the day ended since the board was made (no change needed to tell a phone so).</summary>
    private TrackedView Current(SiteBoard board, TrackedView open)
    {
        var today = board.Hours?.LocalDay(time.GetUtcNow().UtcDateTime);
        return today is { } day && !open.View.Expired && open.View.LocalDay < day ? Made(board.SiteId, Stamp(open.View, day)) : open;
    }

    private TrackedView Made(Guid siteId, TrackedTicketDto view) => new(siteId, view, JsonSerializer.Serialize(view, json.Value.SerializerOptions));

    private DateOnly? Today(CatalogueData catalogue, Guid siteId) =>
        catalogue.Sites.GetValueOrDefault(siteId)?.Hours.LocalDay(time.GetUtcNow().UtcDateTime);

    /// <summary>A ticket of an earlier day tells only its number and day: the page says tracking has ended.</summary>
    private static TrackedTicketDto Stamp(TrackedTicketDto view, DateOnly? today) =>
        today is not { } day || view.LocalDay >= day
            ? view
            : new TrackedTicketDto(view.Number, view.ServiceName, view.Status, 0, 0, null, null, 0, view.LocalDay, Expired: true);
}
