using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubClient.Realtime.Resync;

/// <summary>Where a <see cref="QueueFeed"/> gets the whole queue state when it cannot trust its events.</summary>
public interface ISnapshotSource
{
    Task<QueueSnapshotDto> GetSnapshotAsync(Guid siteId, CancellationToken cancellationToken);
}

/// <summary>A snapshot source from a delegate, for callers that already have the REST call (over HTTP: Rest.DeviceApiClient).</summary>
public sealed class DelegateSnapshotSource(Func<Guid, CancellationToken, Task<QueueSnapshotDto>> fetch) : ISnapshotSource
{
    public Task<QueueSnapshotDto> GetSnapshotAsync(Guid siteId, CancellationToken cancellationToken) => fetch(siteId, cancellationToken);
}
