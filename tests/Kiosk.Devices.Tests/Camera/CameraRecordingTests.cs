using System.Diagnostics;
using System.Globalization;
using QueueKiosk.Devices.Camera;

namespace QueueKiosk.Devices.Tests.Camera;

[Collection(FfmpegCollection.Name)]
public sealed class CameraRecordingTests
{
    private static async Task<double> ProbeDurationSecondsAsync(string file)
    {
        var psi = new ProcessStartInfo("ffprobe") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-show_entries", "format=duration", "-of", "default=nw=1:nk=1", file })
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var output = await p.StandardOutput.ReadToEndAsync();
        await p.WaitForExitAsync();
        return double.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Recording_WritesPlayableSegments_ThenRetentionRemovesThemByAgeAndBudget()
    {
        using var folder = new TempFolder();
        var started = DateTimeOffset.UtcNow;
        var feed = new CameraFeed(CameraTestSupport.Synthetic("rec", recordingFolder: folder.Path));
        await using (feed)
        {
            feed.Start();
            Assert.True(await Eventually.TrueAsync(() => feed.Recordings!.List().Count >= 4, TimeSpan.FromSeconds(40)));
        }

        // After dispose (SIGTERM) every segment, the last one too, is a finished MP4.
        var segments = new RecordingStore("rec", folder.Path, maxAge: null, budgetBytes: null).List();
        Assert.True(segments.Count >= 4);
        Assert.All(segments, s => Assert.InRange(s.StartUtc, started.AddSeconds(-2), DateTimeOffset.UtcNow));
        var middle = segments[1];
        Assert.InRange(await ProbeDurationSecondsAsync(middle.FullPath), 1.5, 2.5);
        Assert.True(await ProbeDurationSecondsAsync(segments[^1].FullPath) > 0);
        Assert.Equal([middle], RecordingIndex.Overlapping(segments, middle.StartUtc.AddMilliseconds(100), middle.EndUtc.AddMilliseconds(-100)));

        // Budget: only the newest fits.
        var budget = new RecordingStore("rec", folder.Path, maxAge: null, budgetBytes: segments[^1].SizeBytes);
        var deletedByBudget = budget.ApplyRetention();
        Assert.Equal(segments.Count - 1, deletedByBudget.Count);
        Assert.Equal([segments[^1].FileName], Directory.GetFiles(folder.Path).Select(Path.GetFileName));

        // Age: a clock a day ahead with one hour of retention removes all but the newest.
        File.Copy(segments[^1].FullPath, Path.Combine(folder.Path, RecordingFileName.For("rec", segments[^1].StartUtc.AddSeconds(-10))));
        var aged = new RecordingStore("rec", folder.Path, TimeSpan.FromHours(1), budgetBytes: null, new FixedClock(DateTimeOffset.UtcNow.AddDays(1)));
        var deletedByAge = aged.ApplyRetention();
        Assert.Single(deletedByAge);
        Assert.Equal([segments[^1].FileName], Directory.GetFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Registry_RunsRetentionPeriodically_WhileRecording()
    {
        using var folder = new TempFolder();
        var options = CameraTestSupport.Synthetic("budget", recordingFolder: folder.Path);
        options.DiskBudgetMb = 0.000001; // smaller than any segment: only the one being written stays
        options.RetentionIntervalSeconds = 0.5;
        await using var registry = new CameraRegistry(
            Microsoft.Extensions.Options.Options.Create(new CamerasOptions { Cameras = { options } }),
            Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        await registry.StartAsync(CancellationToken.None);
        var feed = registry.Find("BUDGET")!;

        // Segments keep being cut every 2 s; retention must keep the folder at one or two files.
        Assert.True(await Eventually.TrueAsync(() => feed.GetHealth().RestartCount == 0 && feed.Recordings!.List().Count >= 1));
        var start = DateTime.UtcNow;
        var maxSeen = 0;
        var names = new HashSet<string>();
        while (DateTime.UtcNow - start < TimeSpan.FromSeconds(8))
        {
            var list = feed.Recordings!.List();
            maxSeen = Math.Max(maxSeen, list.Count);
            names.UnionWith(list.Select(s => s.FileName));
            await Task.Delay(200);
        }

        Assert.True(names.Count >= 3, $"saw {names.Count} different segments");
        Assert.InRange(maxSeen, 1, 2);
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
