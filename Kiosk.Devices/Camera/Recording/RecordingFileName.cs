using System.Globalization;

namespace QueueKiosk.Devices.Camera;

/// <summary>
/// Segment file names: <c>{cameraId}-yyyyMMdd-HHmmss.mp4</c>, the UTC start time (ffmpeg runs
/// with TZ=UTC so its strftime writes UTC).
/// </summary>
public static class RecordingFileName
{
    private const string TimeFormat = "yyyyMMdd-HHmmss";

    /// <summary>The ffmpeg strftime pattern for a camera.</summary>
    public static string Pattern(string cameraId) => cameraId + "-%Y%m%d-%H%M%S.mp4";

    public static string For(string cameraId, DateTimeOffset startUtc) =>
        $"{cameraId}-{startUtc.UtcDateTime.ToString(TimeFormat, CultureInfo.InvariantCulture)}.mp4";

    /// <summary>The start time in a segment's name, or null when the name is not one of this camera's segments.</summary>
    public static DateTimeOffset? TryParseStart(string cameraId, string fileName)
    {
        var prefix = cameraId + "-";
        if (!fileName.StartsWith(prefix, StringComparison.Ordinal) || !fileName.EndsWith(".mp4", StringComparison.Ordinal))
            return null;
        var stamp = fileName[prefix.Length..^4];
        return DateTime.TryParseExact(stamp, TimeFormat, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var start)
            ? new DateTimeOffset(start, TimeSpan.Zero)
            : null;
    }
}
