using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Realtime;

/// <summary>What the queue engine tells the outside world after a commit.</summary>
public interface IQueueNotifier
{
    /// <summary>Queues a sequenced event for the hub; events of a site go out in sequence order.</summary>
    void Publish(IHubEvent hubEvent);

    /// <summary>Marks a site's waiting counts as changed so the next stats tick pushes QueueStats.</summary>
    void MarkDirty(Guid siteId);
}
