namespace QueueKiosk.Devices.Camera;

/// <summary>Where a camera's picture comes from.</summary>
public enum CameraSourceKind
{
    /// <summary>An IP camera over RTSP (TCP transport).</summary>
    Rtsp,

    /// <summary>A USB camera through Video4Linux2, e.g. /dev/video0.</summary>
    V4l2,

    /// <summary>A video file played in a loop at its own speed (demo, tests).</summary>
    File,

    /// <summary>ffmpeg's moving test pattern (testsrc2), or a still colour (demo, tests).</summary>
    Synthetic,
}

/// <summary>
/// One camera, bound from configuration section <c>Cameras:N</c>. Times are in seconds so the
/// JSON stays readable for installers.
/// </summary>
public sealed class CameraOptions
{
    /// <summary>Short id used in URLs and recording file names: letters, digits, '-' and '_'.</summary>
    public string Id { get; set; } = "";

    /// <summary>Name shown to supervisors, e.g. "Quầy 1".</summary>
    public string Name { get; set; } = "";

    /// <summary>One of Rtsp, V4l2, File, Synthetic (case-insensitive). Kept as text so a typo is
    /// reported with its key instead of failing inside the configuration binder.</summary>
    public string Source { get; set; } = nameof(CameraSourceKind.Synthetic);

    /// <summary>RTSP address, e.g. rtsp://user:pass@192.168.1.64:554/Streaming/Channels/102.</summary>
    public string? Url { get; set; }

    /// <summary>V4L2 device, e.g. /dev/video0.</summary>
    public string? Device { get; set; }

    /// <summary>Video file played in a loop.</summary>
    public string? File { get; set; }

    /// <summary>Synthetic: lavfi pattern, "testsrc2" (moving) or a colour name such as "blue" (still).</summary>
    public string Pattern { get; set; } = "testsrc2";

    /// <summary>Capture width for V4L2 and Synthetic sources.</summary>
    public int Width { get; set; } = 1280;

    /// <summary>Capture height for V4L2 and Synthetic sources.</summary>
    public int Height { get; set; } = 720;

    /// <summary>Capture frame rate for V4L2 and Synthetic sources.</summary>
    public int FrameRate { get; set; } = 25;

    /// <summary>V4L2 input format, e.g. mjpeg or yuyv422.</summary>
    public string V4l2InputFormat { get; set; } = "mjpeg";

    /// <summary>Live preview frame rate and width (height keeps the aspect ratio).</summary>
    public int PreviewFps { get; set; } = 5;

    public int PreviewWidth { get; set; } = 640;

    /// <summary>Rate of the small gray analysis frames (motion level, camera analytics): 1-5, 2 by default.</summary>
    public int AnalysisFps { get; set; } = 2;

    /// <summary>Folder for MP4 segments; empty disables recording.</summary>
    public string? RecordingFolder { get; set; }

    public int SegmentSeconds { get; set; } = 60;

    /// <summary>Segments older than this are deleted; 0 keeps them (the disk budget still applies).</summary>
    public double RetentionDays { get; set; } = 30;

    /// <summary>Most disk space the camera's segments may use; 0 means no budget.</summary>
    public double DiskBudgetMb { get; set; }

    /// <summary>"auto" (copy RTSP, re-encode others), "copy", "libx264" or "mpeg4".</summary>
    public string RecordingCodec { get; set; } = "auto";

    /// <summary>No frame for this long and ffmpeg is restarted.</summary>
    public double StallSeconds { get; set; } = 15;

    /// <summary>RTSP socket timeout handed to ffmpeg.</summary>
    public double RtspTimeoutSeconds { get; set; } = 10;

    /// <summary>First restart delay; doubled after each failed run up to <see cref="MaxRestartDelaySeconds"/>.</summary>
    public double MinRestartDelaySeconds { get; set; } = 1;

    public double MaxRestartDelaySeconds { get; set; } = 60;

    /// <summary>A run that delivered frames this long counts as healthy and resets the backoff.</summary>
    public double StableRunSeconds { get; set; } = 10;

    /// <summary>How often retention runs.</summary>
    public double RetentionIntervalSeconds { get; set; } = 300;

    /// <summary>The ffmpeg executable.</summary>
    public string FfmpegPath { get; set; } = "ffmpeg";

    /// <summary>The parsed <see cref="Source"/>; valid after validation.</summary>
    public CameraSourceKind SourceKind =>
        Enum.TryParse<CameraSourceKind>(Source, ignoreCase: true, out var kind) ? kind : CameraSourceKind.Synthetic;

    public bool RecordingEnabled => !string.IsNullOrWhiteSpace(RecordingFolder);
}

/// <summary>All cameras of a host: configuration section <c>Cameras</c> (a list).</summary>
public sealed class CamerasOptions
{
    public const string SectionName = "Cameras";

    public List<CameraOptions> Cameras { get; } = [];
}
