using QueueKiosk.Devices.Camera;
using QueueKiosk.Devices.Camera.Analytics;
using QueueKiosk.TestSupport.Cameras;
using Xunit.Abstractions;

namespace QueueKiosk.Devices.Tests.Camera.Analytics;

/// <summary>
/// The analyzer on clips recorded by ffmpeg from scripted scenes whose answers are known, read back
/// as the camera's ffmpeg makes analysis frames (2 fps, 160x120 gray).
/// </summary>
[Collection(FfmpegCollection.Name)]
public sealed class SceneAnalyzerTests(ITestOutputHelper output)
{
    private const int Fps = 2;

    [Fact]
    public async Task Seats_AreTakenExactlyWhileSomeoneSitsThere()
    {
        using var folder = new TempFolder();
        var right = 0;
        var judged = 0;
        foreach (var variant in new[] { 0, 5 })
        {
            var scene = ScriptedScenes.CounterScene(variant);
            var frames = await RecordAndDecodeAsync(scene, folder.Path, variant);
            using var analyzer = new SceneAnalyzer(ScriptedScenes.Layout);
            for (var i = 0; i < frames.Count; i++)
            {
                var figures = analyzer.Analyze(frames[i]);
                var (r, j) = ScriptedScenes.Judge(scene, figures, (double)i / Fps, margin: 0.5);
                right += r;
                judged += j;
            }
        }
        output.WriteLine($"seats right {right} of {judged}");
        Assert.True(judged > 150, $"only {judged} seat answers judged");
        Assert.True(right >= 0.95 * judged, $"seats right {right} of {judged}");
    }

    [Fact]
    public async Task WaitingArea_CountsThePeopleInView()
    {
        using var folder = new TempFolder();
        var scene = ScriptedScenes.CounterScene(2);
        var frames = await RecordAndDecodeAsync(scene, folder.Path, 2);
        using var analyzer = new SceneAnalyzer(ScriptedScenes.Layout);
        var errors = new List<int>();
        var seenTwo = false;
        for (var i = 0; i < frames.Count; i++)
        {
            var t = (double)i / Fps;
            var people = analyzer.Analyze(frames[i]).HallPeople;
            if (people is null || scene.NearTransition(t, 0.5))
                continue;
            var expected = scene.PeopleAt(ScriptedScenes.Hall, t);
            seenTwo |= expected == 2 && people == 2;
            errors.Add(Math.Abs(people.Value - expected));
        }
        Assert.True(errors.Count > 30, $"only {errors.Count} hall frames judged");
        var exactShare = errors.Count(e => e == 0) / (double)errors.Count;
        output.WriteLine($"hall: {errors.Count} frames, exact {exactShare:P0}, mean error {errors.Average():0.00}");
        Assert.True(seenTwo, "two people in view were never counted as two");
        Assert.True(exactShare >= 0.9, $"hall count exact in {exactShare:P0} of frames");
    }

    [Fact]
    public void EmptyStillScene_HasNobody()
    {
        var frame = new byte[MotionMeter.FrameBytes];
        new Random(7).NextBytes(frame);
        using var analyzer = new SceneAnalyzer(ScriptedScenes.Layout);
        FrameFigures last = null!;
        for (var i = 0; i < 20; i++)
            last = analyzer.Analyze(frame);
        Assert.All(last.Seats, s => Assert.False(s.Present));
        Assert.Equal(0, last.HallPeople);
    }

    [Fact]
    public void WarmingUp_GivesNoHallFigure()
    {
        using var analyzer = new SceneAnalyzer(ScriptedScenes.Layout);
        var figures = analyzer.Analyze(new byte[MotionMeter.FrameBytes]);
        Assert.Null(figures.HallPeople);
        Assert.Equal(["A", "B"], figures.Seats.Select(s => s.Key));
    }

    [Fact]
    public void WrongFrameSize_IsRefused()
    {
        using var analyzer = new SceneAnalyzer(SceneLayout.Empty);
        var ex = Assert.Throws<ArgumentException>(() => analyzer.Analyze(new byte[100]));
        Assert.Contains("19200", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, 0, 1, 1, true)]
    [InlineData(0.5, 0.5, 0.5, 0.5, true)]
    [InlineData(0.6, 0, 0.5, 0.5, false)]
    [InlineData(-0.1, 0, 0.5, 0.5, false)]
    [InlineData(0, 0, 0, 0.5, false)]
    public void Region_IsValidOnlyInsideTheImage(double x, double y, double w, double h, bool valid) =>
        Assert.Equal(valid, new NormalizedRegion(x, y, w, h).IsValid);

    [Fact]
    public void Region_MapsToPixels() =>
        Assert.Equal((8, 10, 40, 54), ScriptedScenes.SeatA.ToPixels(MotionMeter.FrameWidth, MotionMeter.FrameHeight));

    private static async Task<IReadOnlyList<byte[]>> RecordAndDecodeAsync(SyntheticScene scene, string folder, int variant)
    {
        var clip = Path.Combine(folder, $"scene{variant}.mp4");
        await scene.RecordAsync(clip);
        var frames = await SyntheticScene.AnalysisFramesAsync(clip, Fps);
        Assert.InRange(frames.Count, scene.Seconds * Fps - 2, scene.Seconds * Fps + 2);
        return frames;
    }
}
