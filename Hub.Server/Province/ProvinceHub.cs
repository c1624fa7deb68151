using System.Collections.Concurrent;
using System.Threading.Channels;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;

namespace QueueKiosk.HubServer.Province;

/// <summary>
/// The province dashboard's hub: it only puts a connection in the groups of the sites its user may
/// see. Pushes come from <see cref="ProvinceFeed"/> through IHubContext, so a SignalR backplane
/// (Redis) carries them to connections on every province node.
/// </summary>
[Authorize(Policy = Policies.Supervisor)]
public sealed class ProvinceHub(ProvinceReader reader) : Hub
{
    [HubMethodName(HubMethods.JoinProvince)]
    public async Task<int> JoinProvince()
    {
        var sites = await reader.VisibleSiteIdsAsync(Context.User!, Context.ConnectionAborted);
        foreach (var site in sites)
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.ProvinceSite(site));
        }

        return sites.Count;
    }
}

/// <summary>
/// Pushes sites' new summaries to the province users who may see them, after their events are
/// committed, apart from the ingest request: a site that changed is marked, and one loop reads the
/// summaries of every marked site together and pushes each. Under a burst of batches a site is
/// summarised once for all of them instead of once per batch, and a slow push never holds up an
/// ingest answer (the site's next batch). Measured by bench scenario province (docs/province.md).
/// </summary>
public sealed class ProvinceFeed(IHubContext<ProvinceHub> hub, IServiceScopeFactory scopes, ILogger<ProvinceFeed> logger) : BackgroundService
{
    /// <summary>Most sites summarised in one read.</summary>
    private const int MaxSitesPerRead = 200;

    private readonly ConcurrentDictionary<Guid, byte> _marked = new();
    private readonly Channel<Guid> _changed = Channel.CreateUnbounded<Guid>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>The site's events are committed: its dashboards get the new summary soon.</summary>
    public void SiteChanged(Guid siteId)
    {
        if (_marked.TryAdd(siteId, 0))
        {
            _changed.Writer.TryWrite(siteId);
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sites = new List<Guid>(MaxSitesPerRead);
        while (await _changed.Reader.WaitToReadAsync(stoppingToken).AsTask().ContinueWith(t => t.IsCompletedSuccessfully && t.Result, TaskScheduler.Default))
        {
            sites.Clear();
            while (sites.Count < MaxSitesPerRead && _changed.Reader.TryRead(out var site))
            {
                // Unmarked before the read: a commit during the read marks the site again.
                _marked.TryRemove(site, out _);
                sites.Add(site);
            }

            await PushAsync(sites, stoppingToken);
        }
    }

    private async Task PushAsync(IReadOnlyCollection<Guid> sites, CancellationToken ct)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var summaries = await scope.ServiceProvider.GetRequiredService<ProvinceReader>().SummariesAsync(sites, ct);
            // All at once: one after the other, each a backplane round trip, a burst of 200 sites
            // kept the last one waiting for the 199 before it.
            await Task.WhenAll(summaries.Select(summary =>
                hub.Clients.Group(HubGroups.ProvinceSite(summary.SiteId)).SendAsync(HubEvents.ProvinceSiteChanged, summary, ct)));
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Stored already; a dashboard that missed the push catches up on its next snapshot.
            logger.LogWarning(e, "Pushing {Sites} site(s) to the province dashboards failed", sites.Count);
        }
    }
}
