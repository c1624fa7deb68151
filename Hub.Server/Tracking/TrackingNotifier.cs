using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Realtime;

namespace QueueKiosk.HubServer.Tracking;

/// <summary>Passes the queue's notifications to the hub and marks the site's tracking board changed.</summary>
public sealed class TrackingNotifier(IQueueNotifier hub, TrackingBoard board) : IQueueNotifier
{
    public void Publish(IHubEvent hubEvent)
    {
        hub.Publish(hubEvent);
        board.MarkChanged(hubEvent.SiteId);
    }

    public void MarkDirty(Guid siteId)
    {
        hub.MarkDirty(siteId);
        board.MarkChanged(siteId);
    }
}
