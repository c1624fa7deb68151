using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Camera;
using QueueKiosk.Devices.Camera.Analytics;

namespace QueueKiosk.HubServer.Supervision.Analytics;

/// <summary>
/// Runs a <see cref="SceneAnalyzer"/> on the analysis frames of each camera named in
/// CameraAnalytics (one task per camera, on the frames its single ffmpeg already makes) and puts
/// the figures on the <see cref="PresenceBoard"/>. The frames themselves are dropped at once.
/// </summary>
public sealed class CameraAnalyticsService(
    IOptions<CameraAnalyticsOptions> options, PresenceBoard board, ILogger<CameraAnalyticsService> logger, CameraRegistry? cameras = null) : BackgroundService
{
    /// <summary>The seats and hall region of each camera, from the options.</summary>
    public static Dictionary<string, SceneLayout> Layouts(CameraAnalyticsOptions o)
    {
        var ids = o.Counters.Values.Select(r => r.CameraId).Concat(o.Hall.Select(h => h.CameraId)).Distinct(StringComparer.OrdinalIgnoreCase);
        return ids.ToDictionary(id => id, id => new SceneLayout(
            [.. o.Counters.Where(c => string.Equals(c.Value.CameraId, id, StringComparison.OrdinalIgnoreCase)).Select(c => new SeatRegion(c.Key, c.Value.Region))],
            // One waiting-area region per camera: the first one given.
            o.Hall.FirstOrDefault(h => string.Equals(h.CameraId, id, StringComparison.OrdinalIgnoreCase))?.Region), StringComparer.OrdinalIgnoreCase);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var runs = new List<Task>();
        foreach (var (cameraId, layout) in Layouts(options.Value))
        {
            if (cameras?.Find(cameraId) is not { } feed)
            {
                logger.LogWarning("CameraAnalytics names camera {CameraId}, which is not in Cameras: its counters get no presence figures", cameraId);
                continue;
            }
            runs.Add(Task.Run(() => AnalyseAsync(feed, layout, stoppingToken), CancellationToken.None));
        }
        return Task.WhenAll(runs);
    }

    private async Task AnalyseAsync(CameraFeed feed, SceneLayout layout, CancellationToken stop)
    {
        var o = options.Value;
        using var analyzer = new SceneAnalyzer(layout, new AnalyzerSettings
        {
            FramesPerSecond = feed.Options.AnalysisFps,
            PresentShare = o.PresentShare,
            AbsentShare = o.PresentShare / 2,
            StillPersonMinutes = o.StillPersonMinutes,
        });
        try
        {
            await foreach (var frame in feed.AnalysisFrames.ReadAllAsync(stop))
                board.Record(feed.Id, analyzer.Analyze(frame.Gray), frame.CapturedUtc);
        }
        catch (OperationCanceledException)
        {
        }
    }
}
