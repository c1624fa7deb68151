namespace QueueKiosk.HubServer.Supervision;

/// <summary>Section "Supervision": when alerts fire, and the demo cameras.</summary>
public sealed class SupervisionOptions
{
    public const string Section = "Supervision";

    /// <summary>How often devices are expected to report (Kiosk:HeartbeatSeconds of the kiosks).</summary>
    public int HeartbeatSeconds { get; set; } = 30;

    /// <summary>A device that was seen once and then misses this many heartbeats is reported offline.</summary>
    public int MissedHeartbeats { get; set; } = 3;

    /// <summary>How often waits, pauses, devices and cameras are checked for alerts.</summary>
    public int CheckSeconds { get; set; } = 10;

    /// <summary>A counter paused longer than this raises an alert.</summary>
    public int PausedTooLongMinutes { get; set; } = 30;

    /// <summary>A ticket called and not started (nor finished) this long raises an alert: the citizen may not have heard the call.</summary>
    public int CalledNotStartedMinutes { get; set; } = 5;

    /// <summary>A counter open this long with no officer signed in raises an alert (signed out without closing).</summary>
    public int OpenWithoutOfficerMinutes { get; set; } = 2;

    /// <summary>
    /// A raised open-without-officer, unattended or occupied-while-closed alert clears only after its
    /// state has been false this long in a row: presence flickers (a camera frame, a reconnecting console).
    /// </summary>
    public int PresenceAlertClearSeconds { get; set; } = 60;

    public TimeSpan PresenceAlertClearAfter => TimeSpan.FromSeconds(PresenceAlertClearSeconds);

    /// <summary>A camera without a picture for this long raises an alert (covers ffmpeg's start and short restarts).</summary>
    public int CameraDownAfterSeconds { get; set; } = 30;

    /// <summary>
    /// In demo mode with no "Cameras" configured, host two small synthetic cameras (cam1, cam2).
    /// Unset: on, except in the in-process test host (environment "Testing"), so API tests do not
    /// start ffmpeg.
    /// </summary>
    public bool? DemoCameras { get; set; }

    public int DemoCameraWidth { get; set; } = 640;

    public int DemoCameraHeight { get; set; } = 360;

    public int DemoCameraFrameRate { get; set; } = 5;

    public int DemoSegmentSeconds { get; set; } = 10;

    /// <summary>Where demo cameras record; default: "recordings" next to the SQLite database.</summary>
    public string? DemoRecordingFolder { get; set; }

    public TimeSpan OfflineAfter => TimeSpan.FromSeconds((double)HeartbeatSeconds * MissedHeartbeats);
}
