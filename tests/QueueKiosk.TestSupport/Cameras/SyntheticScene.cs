using System.Diagnostics;
using System.Globalization;
using System.Text;
using QueueKiosk.Devices.Camera;
using QueueKiosk.Devices.Camera.Analytics;

namespace QueueKiosk.TestSupport.Cameras;

/// <summary>A drawn person: seated (still, with the small movements of someone working) or walking across.</summary>
public sealed record SceneFigure(NormalizedRegion Start, double From, double To, double WalkToX = double.NaN, int Colour = 0x1c2a4a)
{
    public bool Walks => !double.IsNaN(WalkToX);

    /// <summary>Seated in <paramref name="seat"/> from <paramref name="from"/> to <paramref name="to"/> seconds.</summary>
    public static SceneFigure Seated(NormalizedRegion seat, double from, double to, int colour = 0x1c2a4a) =>
        new(new NormalizedRegion(seat.X + seat.Width * 0.2, seat.Y + seat.Height * 0.15, seat.Width * 0.6, seat.Height * 0.8), from, to, Colour: colour);

    /// <summary>A person about 7 % of the image wide walking at height <paramref name="y"/> from x <paramref name="fromX"/> to <paramref name="toX"/>.</summary>
    public static SceneFigure Walking(double y, double fromX, double toX, double from, double to, int colour = 0xd8d4c8) =>
        new(new NormalizedRegion(fromX, y, 0.07, 0.3), from, to, toX, colour);

    public bool VisibleAt(double t) => t >= From && t < To;
}

/// <summary>
/// A scripted camera scene drawn by ffmpeg (a textured room with sensor noise, people drawn as
/// boxes entering, sitting, walking, leaving) whose right answers are known at every instant:
/// who sits in which region and how many people are in view.
/// </summary>
public sealed record SyntheticScene(double Seconds, IReadOnlyList<SceneFigure> Figures)
{
    public const int Width = 320;
    public const int Height = 240;
    public const int FrameRate = 10;

    /// <summary>True when a seated figure is in <paramref name="seat"/> at <paramref name="t"/> seconds.</summary>
    public bool SeatTakenAt(NormalizedRegion seat, double t) =>
        Figures.Any(f => !f.Walks && f.VisibleAt(t) && Overlaps(f.Start, seat));

    /// <summary>People in view inside <paramref name="area"/> at <paramref name="t"/>.</summary>
    public int PeopleAt(NormalizedRegion area, double t) =>
        Figures.Count(f => f.VisibleAt(t) && Overlaps(PositionAt(f, t), area));

    /// <summary>Instants where the answer changes: a frame this close to one has no single right answer.</summary>
    public IEnumerable<double> Transitions => Figures.SelectMany(f => new[] { f.From, f.To });

    public bool NearTransition(double t, double margin) => Transitions.Any(x => Math.Abs(x - t) <= margin);

    /// <summary>Draws the scene into an MP4 file (mpeg4, any ffmpeg has it).</summary>
    public async Task RecordAsync(string path, CancellationToken ct = default)
    {
        var graph = new StringBuilder(string.Create(CultureInfo.InvariantCulture,
            $"color=c=0x5a6470:s={Width}x{Height}:r={FrameRate}:d={Seconds},drawgrid=w=40:h=30:t=1:c=0x78808c,drawbox=x=0:y=170:w=320:h=14:c=0x3a3028:t=fill[bg0]"));
        for (var i = 0; i < Figures.Count; i++)
        {
            var f = Figures[i];
            var (x, y, w, h) = f.Start.ToPixels(Width, Height);
            graph.Append(CultureInfo.InvariantCulture, $";color=c=0x{f.Colour:x6}:s={w}x{h}:r={FrameRate}:d={Seconds}[f{i}]");
            // A seated person sways a few pixels; a walker moves at constant speed.
            var xExpr = f.Walks
                ? string.Create(CultureInfo.InvariantCulture, $"{x}+({(f.WalkToX - f.Start.X) * Width:0.###})*(t-{f.From})/({f.To - f.From})")
                : string.Create(CultureInfo.InvariantCulture, $"{x}+3*sin(2.3*t+{i})");
            var yExpr = f.Walks ? string.Create(CultureInfo.InvariantCulture, $"{y}+2*sin(6*t)") : string.Create(CultureInfo.InvariantCulture, $"{y}+2*sin(1.7*t+{i})");
            graph.Append(CultureInfo.InvariantCulture, $";[bg{i}][f{i}]overlay=x='{xExpr}':y='{yExpr}':enable='between(t,{f.From},{f.To - 0.001})'[bg{i + 1}]");
        }
        graph.Append(CultureInfo.InvariantCulture, $";[bg{Figures.Count}]noise=alls=6:allf=t[out]");
        await RunFfmpegAsync(["-hide_banner", "-nostdin", "-loglevel", "error", "-y", "-filter_complex", graph.ToString(), "-map", "[out]",
            "-t", Seconds.ToString(CultureInfo.InvariantCulture), "-c:v", "mpeg4", "-q:v", "4", "-pix_fmt", "yuv420p", path], null, ct);
    }

    /// <summary>
    /// The analysis frames of a clip, made as the camera's ffmpeg makes them (FfmpegCommandBuilder:
    /// fps, scale to 160x120, gray); frame i shows the instant i / <paramref name="fps"/>.
    /// </summary>
    public static async Task<IReadOnlyList<byte[]>> AnalysisFramesAsync(string clip, int fps, CancellationToken ct = default)
    {
        using var output = new MemoryStream();
        await RunFfmpegAsync(["-hide_banner", "-nostdin", "-loglevel", "error", "-i", clip,
            "-vf", string.Create(CultureInfo.InvariantCulture, $"fps={fps},scale={MotionMeter.FrameWidth}:{MotionMeter.FrameHeight},format=gray"),
            "-f", "rawvideo", "pipe:1"], output, ct);
        var bytes = output.ToArray();
        return [.. Enumerable.Range(0, bytes.Length / MotionMeter.FrameBytes).Select(i => bytes.AsSpan(i * MotionMeter.FrameBytes, MotionMeter.FrameBytes).ToArray())];
    }

    private static NormalizedRegion PositionAt(SceneFigure f, double t) =>
        f.Walks ? f.Start with { X = f.Start.X + (f.WalkToX - f.Start.X) * (t - f.From) / (f.To - f.From) } : f.Start;

    /// <summary>The figure's centre lies in the region.</summary>
    private static bool Overlaps(NormalizedRegion figure, NormalizedRegion region)
    {
        var cx = figure.X + figure.Width / 2;
        var cy = figure.Y + figure.Height / 2;
        return cx >= region.X && cx < region.X + region.Width && cy >= region.Y && cy < region.Y + region.Height;
    }

    private static async Task RunFfmpegAsync(IReadOnlyList<string> arguments, Stream? stdout, CancellationToken ct)
    {
        var psi = new ProcessStartInfo("ffmpeg") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in arguments)
            psi.ArgumentList.Add(a);
        using var process = Process.Start(psi) ?? throw new InvalidOperationException("ffmpeg did not start");
        var errors = process.StandardError.ReadToEndAsync(ct);
        if (stdout is not null)
            await process.StandardOutput.BaseStream.CopyToAsync(stdout, ct);
        else
            await process.StandardOutput.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"ffmpeg failed ({process.ExitCode}): {await errors}");
    }
}
