using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Realtime;

/// <summary>
/// A thin hub: it only manages group membership. Everything it delivers is pushed from outside
/// by HubQueueNotifier through IHubContext after the database commit. A caller joins only the
/// groups of its own site (staff and devices carry their site; issue 15, item 7); the connection
/// itself passed the same-origin check (Security/SameOriginCheck).
/// </summary>
[Authorize(Policy = Policies.AnyClient)]
public sealed class QueueHub(CatalogueCache catalogue) : Hub
{
    private const string OtherSite = "Chỉ được theo dõi đơn vị của mình (your own site only).";

    [HubMethodName(HubMethods.JoinSite)]
    public Task JoinSite(Guid siteId)
    {
        RequireOwnSite(siteId);
        return Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Site(siteId));
    }

    [HubMethodName(HubMethods.JoinDisplays)]
    public Task JoinDisplays(Guid siteId)
    {
        RequireOwnSite(siteId);
        return Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Displays(siteId));
    }

    [HubMethodName(HubMethods.JoinCounter)]
    public async Task JoinCounter(Guid counterId)
    {
        var counters = (await catalogue.GetAsync(Context.ConnectionAborted)).Counters;
        if (!counters.TryGetValue(counterId, out var counter) || counter.SiteId != Context.User!.SiteOf())
        {
            throw new HubException(OtherSite);
        }

        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Counter(counterId));
    }

    [HubMethodName(HubMethods.JoinSupervisors)]
    public Task JoinSupervisors(Guid siteId)
    {
        if (!Context.User!.IsSupervisorOrAdmin())
        {
            throw new HubException("Chỉ giám sát viên hoặc quản trị được vào nhóm này (supervisors only).");
        }

        RequireOwnSite(siteId);
        return Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Supervisors(siteId));
    }

    [HubMethodName(HubMethods.Leave)]
    public Task Leave(string group) => Groups.RemoveFromGroupAsync(Context.ConnectionId, group);

    private void RequireOwnSite(Guid siteId)
    {
        if (Context.User!.SiteOf() != siteId)
        {
            throw new HubException(OtherSite);
        }
    }
}
