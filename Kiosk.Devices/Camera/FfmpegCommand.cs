using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using QueueKiosk.Devices.Processes;

namespace QueueKiosk.Devices.Camera;

/// <summary>An ffmpeg invocation; its printable form masks RTSP passwords.</summary>
public sealed record FfmpegCommand(string FileName, IReadOnlyList<string> Arguments) : ProcessCommand(FileName, Arguments)
{
    protected override string Printable(string argument) => FfmpegCommandBuilder.MaskPassword(argument);
}

/// <summary>
/// Builds the single ffmpeg process of a camera (hardware-docs/cameras.md): one input split into a live MJPEG
/// preview on stdout, segmented MP4 recordings, and 160x120 gray frames for the motion level.
/// Pure: options in, argument list out.
/// </summary>
public static partial class FfmpegCommandBuilder
{
    [GeneratedRegex("(?<=://[^:/@\\s]+:)[^@/\\s]+(?=@)")]
    private static partial Regex UrlPassword();

    /// <param name="options">The camera.</param>
    /// <param name="motionOutputUrl">Where ffmpeg sends the gray frames, e.g. tcp://127.0.0.1:40123.</param>
    /// <param name="hasLibx264">Whether this ffmpeg has libx264 (else mpeg4 is used when re-encoding).</param>
    public static FfmpegCommand Build(CameraOptions options, string motionOutputUrl, bool hasLibx264)
    {
        var args = new List<string> { "-hide_banner", "-nostdin", "-nostats", "-loglevel", "error" };
        AddInput(options, args);

        var codec = RecordingCodec(options, hasLibx264);
        var recordFromFilter = options.RecordingEnabled && codec != "copy";
        var splitCount = recordFromFilter ? 3 : 2;
        var graph = new StringBuilder(string.Create(CultureInfo.InvariantCulture, $"[0:v]split={splitCount}[prev][mot]"));
        if (recordFromFilter)
            graph.Append("[rec]");
        graph.Append(CultureInfo.InvariantCulture, $";[prev]fps={options.PreviewFps},scale={options.PreviewWidth}:-2[preview]");
        graph.Append(CultureInfo.InvariantCulture, $";[mot]fps={options.AnalysisFps},scale={MotionMeter.FrameWidth}:{MotionMeter.FrameHeight},format=gray[motion]");
        args.AddRange(["-filter_complex", graph.ToString()]);

        // Live preview first: stdout is the output the host reads continuously.
        args.AddRange(["-map", "[preview]", "-an", "-c:v", "mjpeg", "-pix_fmt", "yuvj420p", "-q:v", "7", "-f", "mjpeg", "pipe:1"]);

        if (options.RecordingEnabled)
        {
            if (codec == "copy")
            {
                // Cuts follow the camera's own keyframes (its GOP setting), so segments may run a little long.
                args.AddRange(["-map", "0:v:0", "-an", "-c:v", "copy"]);
            }
            else
            {
                args.AddRange(["-map", "[rec]", "-an"]);
                args.AddRange(codec == "libx264"
                    ? ["-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p"]
                    : ["-c:v", "mpeg4", "-q:v", "5", "-pix_fmt", "yuv420p"]);
                // A segment can only start on a keyframe: force one at every cut.
                args.AddRange(["-force_key_frames", string.Create(CultureInfo.InvariantCulture, $"expr:gte(t,n_forced*{options.SegmentSeconds})")]);
            }
            args.AddRange([
                "-f", "segment",
                "-segment_time", options.SegmentSeconds.ToString(CultureInfo.InvariantCulture),
                "-segment_format", "mp4",
                "-segment_format_options", "movflags=+faststart",
                "-reset_timestamps", "1",
                "-strftime", "1",
                Path.Combine(Path.GetFullPath(options.RecordingFolder!), RecordingFileName.Pattern(options.Id)),
            ]);
        }

        args.AddRange(["-map", "[motion]", "-an", "-f", "rawvideo", motionOutputUrl]);
        // Segment names carry UTC times (RecordingFileName), whatever the machine's zone.
        return new FfmpegCommand(options.FfmpegPath, args) { Environment = new Dictionary<string, string> { ["TZ"] = "UTC" } };
    }

    /// <summary>The codec actually used for recordings.</summary>
    public static string RecordingCodec(CameraOptions options, bool hasLibx264) => options.RecordingCodec switch
    {
        "auto" when options.SourceKind == CameraSourceKind.Rtsp => "copy",
        "auto" or "libx264" when hasLibx264 => "libx264",
        "auto" or "libx264" => "mpeg4",
        var other => other,
    };

    /// <summary>Replaces the password of user:password@host URLs with ***.</summary>
    public static string MaskPassword(string text) => UrlPassword().Replace(text, "***");

    private static void AddInput(CameraOptions o, List<string> args)
    {
        var size = string.Create(CultureInfo.InvariantCulture, $"{o.Width}x{o.Height}");
        var rate = o.FrameRate.ToString(CultureInfo.InvariantCulture);
        switch (o.SourceKind)
        {
            case CameraSourceKind.Rtsp:
                var timeoutMicroseconds = ((long)(o.RtspTimeoutSeconds * 1_000_000)).ToString(CultureInfo.InvariantCulture);
                args.AddRange(["-rtsp_transport", "tcp", "-timeout", timeoutMicroseconds, "-i", o.Url!]);
                break;
            case CameraSourceKind.V4l2:
                args.AddRange(["-f", "v4l2", "-input_format", o.V4l2InputFormat, "-video_size", size, "-framerate", rate, "-i", o.Device!]);
                break;
            case CameraSourceKind.File:
                // -re paces a file at its own frame rate; without it ffmpeg would read it as fast as it can.
                args.AddRange(["-stream_loop", "-1", "-re", "-i", o.File!]);
                break;
            case CameraSourceKind.Synthetic:
                var source = o.Pattern.Equals("testsrc2", StringComparison.OrdinalIgnoreCase)
                    ? $"testsrc2=size={size}:rate={rate}"
                    : $"color=c={o.Pattern}:size={size}:rate={rate}";
                args.AddRange(["-re", "-f", "lavfi", "-i", source]);
                break;
        }
    }
}
