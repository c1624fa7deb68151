namespace QueueKiosk.Devices.Camera.Analytics;

/// <summary>What one camera watches: seats (a key, e.g. the counter number, and its region) and optionally a waiting area.</summary>
public sealed record SceneLayout(IReadOnlyList<SeatRegion> Seats, NormalizedRegion? Hall)
{
    public static readonly SceneLayout Empty = new([], null);
}

/// <summary>A place where someone sits, e.g. the officer's chair of counter 3.</summary>
public sealed record SeatRegion(string Key, NormalizedRegion Region);

/// <summary>
/// The figures of one analysed frame; nothing else about the picture is kept.
/// <see cref="Seats"/> is in the order of <see cref="SceneLayout.Seats"/>.
/// </summary>
public sealed record FrameFigures(IReadOnlyList<SeatFigure> Seats, int? HallPeople);

/// <summary>Whether someone is at a seat, and the share (0..1) of its region that differs from the learned empty scene.</summary>
public sealed record SeatFigure(string Key, bool Present, double ForegroundShare);

/// <summary>
/// How <see cref="SceneAnalyzer"/> decides. The defaults were chosen by measuring on the scripted
/// clips of tests/Kiosk.Devices.Tests/Camera/Analytics and bench camera-analytics (hardware-docs/cameras.md).
/// </summary>
public sealed record AnalyzerSettings
{
    /// <summary>Frames per second the analyzer is fed (learning rates are per frame).</summary>
    public double FramesPerSecond { get; init; } = 2;

    /// <summary>Someone is at a seat when at least this share of its region is foreground...</summary>
    public double PresentShare { get; init; } = 0.12;

    /// <summary>...and stays there until the share falls below this one (hysteresis against flicker).</summary>
    public double AbsentShare { get; init; } = 0.06;

    /// <summary>An empty seat's picture is learned over about this long (lighting that drifts).</summary>
    public double EmptySceneSeconds { get; init; } = 60;

    /// <summary>
    /// Someone who sits perfectly still fades into the background after about this long; real people
    /// move, which keeps them seen. While a seat is taken the model learns this much more slowly.
    /// </summary>
    public double StillPersonMinutes { get; init; } = 30;

    /// <summary>People waiting in the hall sit still for long: they fade into the background after about this long.</summary>
    public double HallStillMinutes { get; init; } = 15;

    /// <summary>A foreground blob in the waiting area counts as a person from this share of the analysed image.</summary>
    public double PersonMinShare { get; init; } = 0.004;

    /// <summary>Frames learned before figures are given: until then seats are empty and the hall unknown.</summary>
    public int WarmUpFrames { get; init; } = 3;
}
