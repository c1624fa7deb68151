using QueueKiosk.Devices.Camera.Analytics;

namespace QueueKiosk.TestSupport.Cameras;

/// <summary>
/// The scripted counter-camera scenes of the analytics tests and bench camera-analytics: two
/// officers' seats and a strip of the waiting area in one picture; officers arrive and leave at
/// different times in each variant, people walk through the waiting area and one sits down there.
/// </summary>
public static class ScriptedScenes
{
    public static readonly NormalizedRegion SeatA = new(0.05, 0.08, 0.25, 0.45);
    public static readonly NormalizedRegion SeatB = new(0.45, 0.08, 0.25, 0.45);
    public static readonly NormalizedRegion Hall = new(0, 0.58, 1, 0.42);

    public static SceneLayout Layout => new([new SeatRegion("A", SeatA), new SeatRegion("B", SeatB)], Hall);

    /// <summary>Variant 0..7 of a 40 s scene.</summary>
    public static SyntheticScene CounterScene(int variant) => new(40,
    [
        SceneFigure.Seated(SeatA, 4 + variant, 24 + variant),
        SceneFigure.Seated(SeatB, 10 + variant / 2.0, 33 - variant, colour: 0xe0dcd0),
        SceneFigure.Walking(0.62, 0.05, 0.85, 6, 18),
        SceneFigure.Walking(0.62, 0.9, 0.55, 20, 34, colour: 0x302018),
        // Someone who comes in and sits down to wait.
        SceneFigure.Walking(0.64, 0.1, 0.3, 22, 26, colour: 0xc8c0b0),
        new(new NormalizedRegion(0.3, 0.64, 0.07, 0.3), 26, 37, Colour: 0xc8c0b0),
    ]);

    /// <summary>Seat answers of a frame: how many of the frame's seats are right; skips instants with no single right answer.</summary>
    public static (int Right, int Judged) Judge(SyntheticScene scene, FrameFigures figures, double t, double margin)
    {
        if (scene.NearTransition(t, margin))
            return (0, 0);
        var right = 0;
        foreach (var seat in figures.Seats)
        {
            var region = seat.Key == "A" ? SeatA : SeatB;
            if (scene.SeatTakenAt(region, t) == seat.Present)
                right++;
        }
        return (right, figures.Seats.Count);
    }
}
