using System.Diagnostics;
using System.Globalization;
using OpenCvSharp;
using QueueKiosk.Devices.Camera.Analytics;
using QueueKiosk.TestSupport.Cameras;

namespace QueueKiosk.Bench.Scenarios;

/// <summary>
/// The alternative hardware-docs/cameras.md weighs against background subtraction: OpenCV's HOG
/// people detector (default 64x128 people SVM) on the same scripted clips, judged the same way.
/// A seat is taken when a detection's centre lies in it; the hall count is the detections whose
/// centre lies in the hall. Frames are made by ffmpeg at the given size, gray, 2 fps.
/// </summary>
public static class HogComparison
{
    public sealed record Figures(int SeatsRight, int SeatsJudged, double HallError, int HallJudged, int Detections, double MsPerFrame);

    public static async Task<Figures> MeasureAsync(List<SyntheticScene> scenes, List<string> clips, int fps, int width, int height, CancellationToken ct)
    {
        using var hog = new HOGDescriptor();
        hog.SetSVMDetector(HOGDescriptor.GetDefaultPeopleDetector());
        int right = 0, judged = 0, hallJudged = 0, detections = 0, frames = 0;
        double hallError = 0;
        long ticks = 0;
        for (var c = 0; c < scenes.Count; c++)
        {
            var clip = await FramesAsync(clips[c], fps, width, height, ct);
            for (var f = 0; f < clip.Count; f++)
            {
                var t = (double)f / fps;
                using var mat = Mat.FromPixelData(height, width, MatType.CV_8UC1, clip[f]);
                var start = Stopwatch.GetTimestamp();
                // A frame smaller than the 64x128 window cannot hold a detection: OpenCV would refuse it.
                var found = width >= 64 && height >= 128 ? hog.DetectMultiScale(mat, 0, new Size(8, 8), new Size(0, 0), 1.05, 2) : [];
                ticks += Stopwatch.GetTimestamp() - start;
                frames++;
                detections += found.Length;
                if (t < 2 || scenes[c].NearTransition(t, 0.5))
                    continue;
                var centres = found.Select(r => ((r.X + r.Width / 2.0) / width, (r.Y + r.Height / 2.0) / height)).ToList();
                foreach (var seat in new[] { ScriptedScenes.SeatA, ScriptedScenes.SeatB })
                {
                    var seen = centres.Any(p => Inside(p, seat));
                    right += seen == scenes[c].SeatTakenAt(seat, t) ? 1 : 0;
                    judged++;
                }
                hallError += Math.Abs(centres.Count(p => Inside(p, ScriptedScenes.Hall)) - scenes[c].PeopleAt(ScriptedScenes.Hall, t));
                hallJudged++;
            }
        }
        return new Figures(right, judged, hallError, hallJudged, detections, Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds / Math.Max(1, frames));
    }

    private static bool Inside((double X, double Y) p, NormalizedRegion r) => p.X >= r.X && p.X < r.X + r.Width && p.Y >= r.Y && p.Y < r.Y + r.Height;

    private static async Task<List<byte[]>> FramesAsync(string clip, int fps, int width, int height, CancellationToken ct)
    {
        var start = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-hide_banner", "-nostdin", "-loglevel", "error", "-i", clip, "-vf",
            string.Create(CultureInfo.InvariantCulture, $"fps={fps},scale={width}:{height},format=gray"), "-f", "rawvideo", "pipe:1" })
            start.ArgumentList.Add(arg);
        using var process = Process.Start(start)!;
        using var output = new MemoryStream();
        var errors = process.StandardError.ReadToEndAsync(ct);
        await process.StandardOutput.BaseStream.CopyToAsync(output, ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException("ffmpeg: " + await errors);
        var bytes = output.ToArray();
        var size = width * height;
        return [.. Enumerable.Range(0, bytes.Length / size).Select(i => bytes.AsSpan(i * size, size).ToArray())];
    }
}
