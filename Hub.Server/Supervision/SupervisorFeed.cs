using Microsoft.AspNetCore.SignalR;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Realtime;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>Pushes supervision events to a site's supervisors group.</summary>
public interface ISupervisorFeed
{
    Task AlertAsync(string eventName, AlertDto alert, CancellationToken ct);

    Task DeviceHealthAsync(Guid siteId, DeviceHealthDto device, CancellationToken ct);
}

/// <summary>The real feed: the queue hub's supervisors group (supervisors and admins only may join it).</summary>
public sealed class HubSupervisorFeed(IHubContext<QueueHub> hub) : ISupervisorFeed
{
    public Task AlertAsync(string eventName, AlertDto alert, CancellationToken ct) =>
        hub.Clients.Group(HubGroups.Supervisors(alert.SiteId)).SendAsync(eventName, new AlertEvent(alert.SiteId, alert), ct);

    public Task DeviceHealthAsync(Guid siteId, DeviceHealthDto device, CancellationToken ct) =>
        hub.Clients.Group(HubGroups.Supervisors(siteId)).SendAsync(SupervisionEvents.DeviceHealthChanged, new DeviceHealthEvent(siteId, device), ct);
}
