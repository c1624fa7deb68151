using System.Diagnostics;
using System.Globalization;
using QueueKiosk.Bench.Support;
using QueueKiosk.Devices.Camera;
using QueueKiosk.Devices.Camera.Analytics;
using QueueKiosk.TestSupport.Cameras;

namespace QueueKiosk.Bench.Scenarios;

/// <summary>
/// Eight cameras, each playing a scripted scene recorded by ffmpeg (ScriptedScenes: two officers'
/// seats and a strip of waiting area, answers known), analysed at 2 fps by <see cref="SceneAnalyzer"/>.
/// Accuracy: every analysis frame of the eight clips, made as the camera's ffmpeg makes them, judged
/// against the script (instants within 0.5 s of someone arriving or leaving and the first 2 s of
/// learning are not judged). CPU: the eight live <see cref="CameraFeed"/>s (one ffmpeg each, as in
/// the hub) with their analysis running, over --seconds; cpu_pct_per_camera is this process's CPU
/// (analysis plus reading the feeds) / 8, 100 = one core; ffmpeg's own CPU is printed apart since
/// capture runs with or without analytics.
/// </summary>
public sealed class CameraAnalyticsScenario : IScenario
{
    private const int Cameras = 8;
    private const int AnalysisFps = 2;

    public string Name => "camera-analytics";

    public string Description => "[--seconds 20] [--hog]: 8 synthetic cameras, seat presence and hall estimate at 2 fps; accuracy on scripted clips; --hog also measures OpenCV's HOG people detector on the same clips";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var i = Array.IndexOf(args, "--seconds");
        var seconds = i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : 20;
        if (seconds is < 5 or > 120)
        {
            Console.Error.WriteLine("--seconds must be 5..120");
            return 2;
        }

        using var folder = new TempFolder("qk-camera-analytics-");
        var scenes = Enumerable.Range(0, Cameras).Select(ScriptedScenes.CounterScene).ToList();
        var clips = new List<string>();
        for (var c = 0; c < Cameras; c++)
        {
            var clip = Path.Combine(folder.Path, $"scene{c}.mp4");
            await scenes[c].RecordAsync(clip, cancellationToken);
            clips.Add(clip);
        }

        var (right, judged, hallError, hallJudged, msPerFrame) = await MeasureAccuracyAsync(scenes, clips, cancellationToken);
        var accuracy = judged == 0 ? 0 : (double)right / judged;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"accuracy: seats right {right} of {judged}; hall mean error {hallError / Math.Max(1, hallJudged):0.00} people over {hallJudged} frames; {msPerFrame:0.00} ms per frame (MOG2, 160x120, one thread)"));
        if (args.Contains("--hog"))
        {
            // The same clips and judging through the HOG people detector, at the analysis size and larger.
            foreach (var (w, h) in new[] { (MotionMeter.FrameWidth, MotionMeter.FrameHeight), (SyntheticScene.Width, SyntheticScene.Height), (2 * SyntheticScene.Width, 2 * SyntheticScene.Height) })
            {
                var hog = await HogComparison.MeasureAsync(scenes, clips, AnalysisFps, w, h, cancellationToken);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"hog {w}x{h}: seats right {hog.SeatsRight} of {hog.SeatsJudged} ({(double)hog.SeatsRight / Math.Max(1, hog.SeatsJudged):0.000}); hall mean error {hog.HallError / Math.Max(1, hog.HallJudged):0.00} people over {hog.HallJudged} frames; {hog.Detections} detections in all; {hog.MsPerFrame:0.00} ms per frame (one thread)"));
            }
        }

        var load = await MeasureLoadAsync(clips, seconds, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"load over {seconds} s: host cpu {load.HostCpuPct:0.0}% for {Cameras} cameras, ffmpeg cpu {load.FfmpegCpuPct / Cameras:0.0}% per camera (capture, not analytics), {load.AnalysisFps:0.00} analysed fps per camera, analysis {load.AnalysisMsPerFrame:0.00} ms per frame"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RESULT camera-analytics cameras={Cameras} analysis_fps={load.AnalysisFps:0.00} cpu_pct_per_camera={load.HostCpuPct / Cameras:0.00} presence_accuracy={accuracy:0.000}"));
        return 0;
    }

    private static async Task<(int Right, int Judged, double HallError, int HallJudged, double MsPerFrame)> MeasureAccuracyAsync(
        List<SyntheticScene> scenes, List<string> clips, CancellationToken ct)
    {
        int right = 0, judged = 0, hallJudged = 0, analysed = 0;
        double hallError = 0;
        long ticks = 0;
        for (var c = 0; c < scenes.Count; c++)
        {
            var frames = await SyntheticScene.AnalysisFramesAsync(clips[c], AnalysisFps, ct);
            using var analyzer = new SceneAnalyzer(ScriptedScenes.Layout);
            for (var f = 0; f < frames.Count; f++)
            {
                var t = (double)f / AnalysisFps;
                var start = Stopwatch.GetTimestamp();
                var figures = analyzer.Analyze(frames[f]);
                ticks += Stopwatch.GetTimestamp() - start;
                analysed++;
                if (t < 2)
                    continue;
                var (r, j) = ScriptedScenes.Judge(scenes[c], figures, t, margin: 0.5);
                right += r;
                judged += j;
                if (figures.HallPeople is { } people && !scenes[c].NearTransition(t, 0.5))
                {
                    hallError += Math.Abs(people - scenes[c].PeopleAt(ScriptedScenes.Hall, t));
                    hallJudged++;
                }
            }
        }
        return (right, judged, hallError, hallJudged, Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds / Math.Max(1, analysed));
    }

    private sealed record Load(double HostCpuPct, double FfmpegCpuPct, double AnalysisFps, double AnalysisMsPerFrame);

    private static async Task<Load> MeasureLoadAsync(List<string> clips, int seconds, CancellationToken ct)
    {
        var feeds = clips.Select((clip, c) => new CameraFeed(new CameraOptions
        {
            Id = $"bench{c}",
            Source = nameof(CameraSourceKind.File),
            File = clip,
            PreviewFps = 1,
            PreviewWidth = 320,
            AnalysisFps = AnalysisFps,
        })).ToList();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        long analysed = 0;
        long analysisTicks = 0;
        var measuring = false;
        var readers = feeds.Select(feed => Task.Run(async () =>
        {
            using var analyzer = new SceneAnalyzer(ScriptedScenes.Layout, new AnalyzerSettings { FramesPerSecond = AnalysisFps });
            try
            {
                await foreach (var frame in feed.AnalysisFrames.ReadAllAsync(stop.Token))
                {
                    var start = Stopwatch.GetTimestamp();
                    analyzer.Analyze(frame.Gray);
                    if (Volatile.Read(ref measuring))
                    {
                        Interlocked.Add(ref analysisTicks, Stopwatch.GetTimestamp() - start);
                        Interlocked.Increment(ref analysed);
                    }
                }
            }
            catch (OperationCanceledException)
            {
            }
        }, CancellationToken.None)).ToList();
        try
        {
            foreach (var feed in feeds)
                feed.Start();
            // Warm-up: every ffmpeg delivers pictures and the JIT has run the analysis.
            if (!await Eventually.TrueAsync(() => feeds.All(f => f.GetHealth().State == CameraState.Running), TimeSpan.FromSeconds(30)))
                Console.Error.WriteLine("not every camera started: " + string.Join("; ", feeds.Select(f => $"{f.Id} {f.GetHealth().State} {f.GetHealth().LastError}")));
            await Task.Delay(TimeSpan.FromSeconds(3), ct);

            var ffmpegPids = feeds.Select(f => f.ProcessId ?? 0).ToList();
            var hostStart = ProcessCpu.Self();
            var ffmpegStart = ffmpegPids.Select(Cpu).ToList();
            Volatile.Write(ref measuring, true);
            var clock = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(seconds), ct);
            Volatile.Write(ref measuring, false);
            var elapsed = clock.Elapsed.TotalSeconds;
            var hostCpu = (ProcessCpu.Self() - hostStart).TotalSeconds / elapsed * 100;
            var ffmpegCpu = ffmpegPids.Select((pid, k) => (Cpu(pid) - ffmpegStart[k]).TotalSeconds).Sum() / elapsed * 100;
            var frames = Interlocked.Read(ref analysed);
            return new Load(hostCpu, ffmpegCpu, frames / elapsed / feeds.Count,
                frames == 0 ? 0 : Stopwatch.GetElapsedTime(0, Interlocked.Read(ref analysisTicks)).TotalMilliseconds / frames);
        }
        finally
        {
            await Task.WhenAll(feeds.Select(f => f.DisposeAsync().AsTask()));
            await stop.CancelAsync();
            await Task.WhenAll(readers);
        }
    }

    private static TimeSpan Cpu(int pid)
    {
        try
        {
            return pid == 0 ? TimeSpan.Zero : ProcessCpu.Of(pid);
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }
}
