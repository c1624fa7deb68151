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

/// <summary>Pushes a site's new summary to the province users who may see it, after its events are committed.</summary>
public sealed class ProvinceFeed(IHubContext<ProvinceHub> hub, ProvinceReader reader, ILogger<ProvinceFeed> logger)
{
    public async Task SiteChangedAsync(Guid siteId, CancellationToken ct)
    {
        try
        {
            var summary = (await reader.SummariesAsync([siteId], ct)).SingleOrDefault();
            if (summary is not null)
            {
                await hub.Clients.Group(HubGroups.ProvinceSite(siteId)).SendAsync(HubEvents.ProvinceSiteChanged, summary, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Stored already; a dashboard that missed the push catches up on its next snapshot.
            logger.LogWarning(e, "Pushing site {Site} to the province dashboards failed", siteId);
        }
    }
}
