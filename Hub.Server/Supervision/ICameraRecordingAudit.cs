using QueueKiosk.Devices.Camera;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>
/// Optional: register one in DI and every opening of a recording (who, which segment, when) is
/// reported, e.g. to a database the admins can list. Called once per view, not per range request
/// of the browser's video player (only for requests without a Range or starting at byte 0).
/// </summary>
public interface ICameraRecordingAudit
{
    ValueTask RecordingOpenedAsync(HttpContext context, RecordingSegment segment, CancellationToken cancellationToken);
}
