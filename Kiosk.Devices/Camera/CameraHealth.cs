namespace QueueKiosk.Devices.Camera;

public enum CameraState
{
    /// <summary>ffmpeg started, no frame yet.</summary>
    Starting,

    /// <summary>Frames are arriving.</summary>
    Running,

    /// <summary>ffmpeg exited or stalled; waiting <see cref="CameraHealth.NextRestartDelay"/> before the next start.</summary>
    Restarting,

    /// <summary>ffmpeg cannot be started at all (e.g. not installed); still retried at the longest delay.</summary>
    Failed,

    /// <summary>Disposed.</summary>
    Stopped,
}

/// <summary>A snapshot of a camera's health for dashboards and alerts.</summary>
/// <param name="Fps">Preview frames per second measured over the last few seconds.</param>
/// <param name="LastError">The last meaningful ffmpeg error line, or the supervisor's own reason (stall).</param>
/// <param name="MotionLevel">0 (still) .. 100, from consecutive small gray frames.</param>
/// <param name="CommandLine">The ffmpeg command line, passwords masked, to paste in a terminal.</param>
public sealed record CameraHealth(
    string CameraId,
    string Name,
    CameraState State,
    double Fps,
    DateTimeOffset? LastFrameUtc,
    int RestartCount,
    string? LastError,
    DateTimeOffset? LastErrorUtc,
    double MotionLevel,
    int? ProcessId,
    TimeSpan? NextRestartDelay,
    int Viewers,
    string? CommandLine);
