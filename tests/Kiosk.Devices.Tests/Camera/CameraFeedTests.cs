using System.Diagnostics;
using Microsoft.Extensions.Logging;
using QueueKiosk.Devices.Camera;

namespace QueueKiosk.Devices.Tests.Camera;

/// <summary>Runs the real ffmpeg with small synthetic pictures.</summary>
[Collection(FfmpegCollection.Name)]
public sealed class CameraFeedTests
{
    private static bool IsJpeg(ReadOnlyMemory<byte> data) =>
        data.Length > 100 && data.Span[0] == 0xFF && data.Span[1] == 0xD8 && data.Span[^2] == 0xFF && data.Span[^1] == 0xD9;

    [Fact]
    public async Task Start_SyntheticCamera_SplitsWholeJpegFramesAndReportsHealth()
    {
        await using var feed = new CameraFeed(CameraTestSupport.Synthetic());
        using var viewer = feed.Preview.Subscribe();
        feed.Start();

        var received = new List<JpegFrame>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (received.Count < 5)
            received.Add(await viewer.Frames.ReadAsync(timeout.Token));

        Assert.All(received, f => Assert.True(IsJpeg(f.Data)));
        Assert.Equal(received.Select(f => f.Sequence).Order(), received.Select(f => f.Sequence));
        Assert.True(await Eventually.TrueAsync(() => feed.GetHealth().Fps > 0));
        var health = feed.GetHealth();
        Assert.Equal(CameraState.Running, health.State);
        Assert.NotNull(health.LastFrameUtc);
        Assert.NotNull(health.ProcessId);
        Assert.Equal(0, health.RestartCount);
        Assert.Contains("testsrc2=size=320x240:rate=10", health.CommandLine, StringComparison.Ordinal);
        Assert.True(IsJpeg(feed.Preview.Latest!.Data));
    }

    [Fact]
    public async Task Fanout_TwentyViewersAndOneThatNeverReads_OthersKeepReceiving()
    {
        await using var feed = new CameraFeed(CameraTestSupport.Synthetic());
        using var stalled = feed.Preview.Subscribe(capacity: 1);
        var viewers = Enumerable.Range(0, 20).Select(_ => feed.Preview.Subscribe(capacity: 2)).ToList();
        using var stop = new CancellationTokenSource();
        var counts = new int[viewers.Count];
        var readers = viewers.Select((v, i) => Task.Run(async () =>
        {
            try
            {
                await foreach (var _ in v.Frames.ReadAllAsync(stop.Token))
                    Interlocked.Increment(ref counts[i]);
            }
            catch (OperationCanceledException)
            {
            }
        })).ToList();
        feed.Start();

        Assert.True(await Eventually.TrueAsync(() => feed.Preview.PublishedCount >= 25, TimeSpan.FromSeconds(40)));
        await stop.CancelAsync();
        await Task.WhenAll(readers);
        var published = feed.Preview.PublishedCount;

        // Reading viewers keep receiving while one never reads: its full queue costs the others
        // nothing. (Not "every frame": on a starved machine a reader may itself lag and drop a few.)
        Assert.All(counts, c => Assert.True(c >= published / 2, $"viewer got {c} of {published}"));
        Assert.All(viewers, v => Assert.True(v.OfferedCount >= published));
        Assert.True(stalled.DroppedCount >= published - 2, $"stalled viewer dropped {stalled.DroppedCount} of {published}");
        Assert.Equal(21, feed.Preview.ViewerCount);
        viewers.ForEach(v => v.Dispose());
    }

    [Fact]
    public async Task Kill_FfmpegProcess_IsRestartedAndFramesResume()
    {
        await using var feed = new CameraFeed(CameraTestSupport.Synthetic());
        feed.Start();
        Assert.True(await Eventually.TrueAsync(() => feed.GetHealth().State == CameraState.Running));
        var firstPid = feed.ProcessId!.Value;
        var framesBefore = feed.Preview.PublishedCount;

        using (var ffmpeg = Process.GetProcessById(firstPid))
            ffmpeg.Kill();

        Assert.True(await Eventually.TrueAsync(() =>
            feed.GetHealth() is { State: CameraState.Running, RestartCount: >= 1 } h && h.ProcessId != firstPid));
        Assert.True(await Eventually.TrueAsync(() => feed.Preview.PublishedCount > framesBefore + 3));
        Assert.True(await Eventually.TrueAsync(() => CameraTestSupport.IsGoneOrReaped(firstPid)));
        Assert.Equal(1, feed.GetHealth().RestartCount);
    }

    [Fact]
    public async Task Dispose_StopsFfmpeg_NoZombieLeft()
    {
        var feed = new CameraFeed(CameraTestSupport.Synthetic());
        feed.Start();
        Assert.True(await Eventually.TrueAsync(() => feed.GetHealth().State == CameraState.Running));
        var pid = feed.ProcessId!.Value;

        await feed.DisposeAsync();

        Assert.True(CameraTestSupport.IsGoneOrReaped(pid));
        Assert.Equal(CameraState.Stopped, feed.GetHealth().State);
    }

    [Fact]
    public async Task BadRtspUrl_StatusNamesTheError_RestartsBackOff_NoLogFlood()
    {
        var logs = new CapturingLoggerFactory();
        var options = CameraTestSupport.Synthetic("rtsp-bad");
        options.Source = "Rtsp";
        options.Url = $"rtsp://127.0.0.1:{CameraTestSupport.ClosedLocalPort()}/x";
        options.MinRestartDelaySeconds = 0.25;
        await using var feed = new CameraFeed(options, new CapturingLogger<CameraFeed>(logs));
        feed.Start();

        Assert.True(await Eventually.TrueAsync(() => feed.GetHealth().RestartCount >= 4, TimeSpan.FromSeconds(40)));

        var health = feed.GetHealth();
        Assert.NotEqual(CameraState.Running, health.State);
        Assert.Contains("Connection refused", health.LastError, StringComparison.Ordinal);
        var delays = feed.RestartDelays;
        Assert.Equal([0.25, 0.5, 1, 2], delays.Take(4).Select(d => d.TotalSeconds));
        // One log line per restart at most, whatever ffmpeg prints.
        var restarts = feed.GetHealth().RestartCount;
        var cameraLogs = logs.Entries.Count(e => e.Category.EndsWith(nameof(CameraFeed), StringComparison.Ordinal) && e.Level >= LogLevel.Information);
        Assert.True(cameraLogs <= 2 * (restarts + 1), $"{cameraLogs} log lines for {restarts} restarts");
        Assert.Single(logs.Entries, e => e.Level == LogLevel.Warning);
        Assert.True(feed.StderrLineCount >= restarts, "stderr was read");
        Assert.Contains(feed.RecentErrorLines, l => l.Contains("Connection refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MissingFile_StatusSaysNoSuchFile()
    {
        var options = CameraTestSupport.Synthetic("file-missing");
        options.Source = "File";
        options.File = "/nonexistent/qk-hall.mp4";
        await using var feed = new CameraFeed(options);
        feed.Start();

        Assert.True(await Eventually.TrueAsync(() => feed.GetHealth().LastError?.Contains("No such file", StringComparison.Ordinal) == true));
        Assert.NotEqual(CameraState.Running, feed.GetHealth().State);
    }

    [Fact]
    public async Task MissingFfmpeg_StateIsFailedWithTheReason()
    {
        var options = CameraTestSupport.Synthetic("no-ffmpeg");
        options.FfmpegPath = "/nonexistent/ffmpeg";
        await using var feed = new CameraFeed(options);
        feed.Start();

        Assert.True(await Eventually.TrueAsync(() => feed.GetHealth().State == CameraState.Failed));
        Assert.Contains("Không chạy được ffmpeg", feed.GetHealth().LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MotionLevel_MovingPatternIsHigherThanStillColour()
    {
        await using var moving = new CameraFeed(CameraTestSupport.Synthetic("moving"));
        await using var still = new CameraFeed(CameraTestSupport.Synthetic("still", pattern: "blue"));
        moving.Start();
        still.Start();

        Assert.True(await Eventually.TrueAsync(() => moving.GetHealth().MotionLevel > 0.5, TimeSpan.FromSeconds(30)));
        Assert.True(await Eventually.TrueAsync(() => still.Preview.PublishedCount >= 5, TimeSpan.FromSeconds(30)));
        Assert.True(still.GetHealth().MotionLevel < 0.1, $"still colour gave motion {still.GetHealth().MotionLevel}");
        Assert.True(moving.GetHealth().MotionLevel > still.GetHealth().MotionLevel);
    }

    [Fact]
    public async Task Stall_NoFrameForStallSeconds_RestartsWithAReason()
    {
        // A V4L2 device path that is a FIFO nobody writes: ffmpeg opens it and waits forever.
        using var folder = new TempFolder();
        var fifo = Path.Combine(folder.Path, "video-fifo");
        using (var mkfifo = Process.Start("mkfifo", fifo))
            await mkfifo.WaitForExitAsync();
        var options = CameraTestSupport.Synthetic("stalled");
        options.Source = "File";
        options.File = fifo;
        options.StallSeconds = 2;
        await using var feed = new CameraFeed(options);
        feed.Start();

        Assert.True(await Eventually.TrueAsync(() => feed.GetHealth().RestartCount >= 1, TimeSpan.FromSeconds(30)));
        Assert.Contains("no frame for 2 s", feed.GetHealth().LastError, StringComparison.Ordinal);
    }
}
