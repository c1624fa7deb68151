using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;

namespace QueueKiosk.HubServer.Realtime;

/// <summary>
/// A thin hub: it only manages group membership. Everything it delivers is pushed from outside
/// by HubQueueNotifier through IHubContext after the database commit.
/// </summary>
[Authorize(Policy = Policies.AnyClient)]
public sealed class QueueHub : Hub
{
    [HubMethodName(HubMethods.JoinSite)]
    public Task JoinSite(Guid siteId) => Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Site(siteId));

    [HubMethodName(HubMethods.JoinDisplays)]
    public Task JoinDisplays(Guid siteId) => Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Displays(siteId));

    [HubMethodName(HubMethods.JoinCounter)]
    public Task JoinCounter(Guid counterId) => Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Counter(counterId));

    [HubMethodName(HubMethods.JoinSupervisors)]
    public Task JoinSupervisors(Guid siteId)
    {
        if (!Context.User!.IsInRole(nameof(HubClient.Contracts.OfficerRole.Supervisor)) && !Context.User.IsInRole(nameof(HubClient.Contracts.OfficerRole.Admin)))
        {
            throw new HubException("Chỉ giám sát viên hoặc quản trị được vào nhóm này (supervisors only).");
        }

        return Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Supervisors(siteId));
    }

    [HubMethodName(HubMethods.Leave)]
    public Task Leave(string group) => Groups.RemoveFromGroupAsync(Context.ConnectionId, group);
}
