using QueueKiosk.Devices.Camera;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>
/// Optional: register one in DI and every read of a recording (who, which segment, when) is
/// reported, e.g. to a database the admins can list. Called for every request of a segment, range
/// requests included (a browser's video player makes several per view): an implementation that
/// wants one row per view groups them itself, never by trusting the Range header.
/// </summary>
public interface ICameraRecordingAudit
{
    ValueTask RecordingOpenedAsync(HttpContext context, RecordingSegment segment, CancellationToken cancellationToken);
}
