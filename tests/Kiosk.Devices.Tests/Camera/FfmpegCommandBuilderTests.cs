using QueueKiosk.Devices.Camera;

namespace QueueKiosk.Devices.Tests.Camera;

public sealed class FfmpegCommandBuilderTests
{
    private const string Motion = "tcp://127.0.0.1:40000";

    private static bool ContainsSequence(IReadOnlyList<string> args, params string[] sequence) =>
        Enumerable.Range(0, args.Count - sequence.Length + 1).Any(i => sequence.Select((s, j) => args[i + j] == s).All(x => x));

    [Fact]
    public void Build_Rtsp_UsesTcpTransportTimeoutInMicrosecondsAndCopiesRecording()
    {
        var options = new CameraOptions { Id = "q1", Source = "Rtsp", Url = "rtsp://admin:secret@192.168.1.64:554/Streaming/Channels/102", RtspTimeoutSeconds = 5, RecordingFolder = "/var/rec", SegmentSeconds = 60 };

        var args = FfmpegCommandBuilder.Build(options, Motion, hasLibx264: true).Arguments;

        Assert.True(ContainsSequence(args, "-rtsp_transport", "tcp", "-timeout", "5000000", "-i", options.Url!));
        Assert.True(ContainsSequence(args, "-map", "0:v:0", "-an", "-c:v", "copy"));
        Assert.True(ContainsSequence(args, "-f", "segment", "-segment_time", "60"));
        Assert.True(ContainsSequence(args, "-reset_timestamps", "1", "-strftime", "1", "/var/rec/q1-%Y%m%d-%H%M%S.mp4"));
        Assert.Contains("[0:v]split=2[prev][mot];[prev]fps=5,scale=640:-2[preview];[mot]fps=2,scale=160:120,format=gray[motion]", args);
        Assert.True(ContainsSequence(args, "-c:v", "mjpeg", "-pix_fmt", "yuvj420p", "-q:v", "7", "-f", "mjpeg", "pipe:1"));
        Assert.True(ContainsSequence(args, "-map", "[motion]", "-an", "-f", "rawvideo", Motion));
    }

    [Fact]
    public void Build_Synthetic_PacesInputAndForcesKeyframesAtEachCut()
    {
        var options = new CameraOptions { Id = "demo", Source = "synthetic", Width = 1280, Height = 720, FrameRate = 25, RecordingFolder = "/r", SegmentSeconds = 10 };

        var args = FfmpegCommandBuilder.Build(options, Motion, hasLibx264: true).Arguments;

        Assert.True(ContainsSequence(args, "-re", "-f", "lavfi", "-i", "testsrc2=size=1280x720:rate=25"));
        Assert.True(ContainsSequence(args, "-map", "[rec]", "-an", "-c:v", "libx264", "-preset", "ultrafast"));
        Assert.True(ContainsSequence(args, "-force_key_frames", "expr:gte(t,n_forced*10)"));
        Assert.StartsWith("[0:v]split=3[prev][mot][rec];", args[args.ToList().IndexOf("-filter_complex") + 1], StringComparison.Ordinal);
    }

    [Fact]
    public void Build_WithoutLibx264_FallsBackToMpeg4()
    {
        var options = new CameraOptions { Id = "demo", Source = "File", File = "/videos/hall.mp4", RecordingFolder = "/r" };

        var args = FfmpegCommandBuilder.Build(options, Motion, hasLibx264: false).Arguments;

        Assert.True(ContainsSequence(args, "-stream_loop", "-1", "-re", "-i", "/videos/hall.mp4"));
        Assert.True(ContainsSequence(args, "-c:v", "mpeg4"));
        Assert.DoesNotContain("libx264", args);
    }

    [Fact]
    public void Build_V4l2_WithoutRecording_HasNoSegmentOutput()
    {
        var options = new CameraOptions { Id = "usb", Source = "V4l2", Device = "/dev/video0", Width = 640, Height = 480, FrameRate = 15 };

        var args = FfmpegCommandBuilder.Build(options, Motion, hasLibx264: true).Arguments;

        Assert.True(ContainsSequence(args, "-f", "v4l2", "-input_format", "mjpeg", "-video_size", "640x480", "-framerate", "15", "-i", "/dev/video0"));
        Assert.DoesNotContain("segment", args);
    }

    [Fact]
    public void CommandLine_MasksThePasswordAndQuotesTheFilterGraph()
    {
        var options = new CameraOptions { Id = "q1", Source = "Rtsp", Url = "rtsp://admin:secret@10.0.0.5:554/cam/realmonitor?channel=1&subtype=1" };

        var line = FfmpegCommandBuilder.Build(options, Motion, hasLibx264: true).CommandLine;

        Assert.DoesNotContain("secret", line, StringComparison.Ordinal);
        Assert.Contains("'rtsp://admin:***@10.0.0.5:554/cam/realmonitor?channel=1&subtype=1'", line, StringComparison.Ordinal);
        Assert.StartsWith("TZ=UTC ffmpeg -hide_banner -nostdin", line, StringComparison.Ordinal); // as it runs: segment names are UTC
        Assert.Contains("-filter_complex '[0:v]split=2", line, StringComparison.Ordinal);
    }
}
