using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using QueueKiosk.Devices.Camera;
using QueueKiosk.HubServer.Supervision;

namespace QueueKiosk.Bench.Scenarios;

/// <summary>
/// One synthetic 1280x720 25 fps camera, recorded in segments, whose 5 fps 640-wide MJPEG preview
/// is served by Hub.Server's camera endpoints on a real Kestrel on 127.0.0.1 first to 1 viewer, then to 20. Viewers are curl
/// processes, so their own cost does not count as the host's. CPU is measured from
/// /proc/&lt;pid&gt;/stat (utime+stime) over each phase, 100 % = one core; RSS from /proc/&lt;pid&gt;/status.
/// </summary>
public sealed class CameraFanoutScenario : IScenario
{
    private const string CameraId = "bench";

    public string Name => "camera-fanout";

    public string Description => "[--seconds 15] [--viewers 20]: one 1280x720 25 fps camera, recording + 5 fps MJPEG to 1 then N viewers";

    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var seconds = int.Parse(Option(args, "--seconds", "15"), CultureInfo.InvariantCulture);
        var manyViewers = int.Parse(Option(args, "--viewers", "20"), CultureInfo.InvariantCulture);
        if (seconds is < 3 or > 120 || manyViewers is < 1 or > 200)
        {
            Console.Error.WriteLine("--seconds must be 3..120 and --viewers 1..200");
            return 2;
        }

        var folder = Path.Combine(Path.GetTempPath(), "qk-camera-fanout-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            await using var app = await StartHostAsync(folder);
            var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
            var feed = app.Services.GetRequiredService<CameraRegistry>().Find(CameraId)!;
            Console.WriteLine($"host pid {Environment.ProcessId}, {address}, recording to {folder}");

            if (!await Eventually.TrueAsync(() => feed.GetHealth().State == CameraState.Running, TimeSpan.FromSeconds(30)))
            {
                Console.Error.WriteLine($"camera did not start: {feed.GetHealth().LastError}");
                return 1;
            }
            Console.WriteLine($"ffmpeg: {feed.Command!.CommandLine}");
            var url = $"{address}/api/cameras/{CameraId}/live.mjpg";
            // Warm-up with one viewer so JIT of the streaming path does not count in the first phase.
            await MeasurePhaseAsync(feed, url, 1, 10, cancellationToken, report: false);
            var one = await MeasurePhaseAsync(feed, url, 1, seconds, cancellationToken);
            var many = await MeasurePhaseAsync(feed, url, manyViewers, seconds, cancellationToken);

            var segments = feed.Recordings!.List();
            Console.WriteLine($"recording: {segments.Count} segments, {segments.Sum(s => s.SizeBytes) / 1048576.0:0.0} MB in {folder}");
            Console.WriteLine("cpu_pct = host + ffmpeg, 100 = one core; rss_mb_20 = host + ffmpeg RSS with the larger viewer count");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT camera-fanout ffmpeg_processes={many.FfmpegProcesses} cpu_pct_1={one.TotalCpuPct:0.0} cpu_pct_20={many.TotalCpuPct:0.0} rss_mb_20={many.TotalRssMb:0} host_cpu_pct_1={one.HostCpuPct:0.0} host_cpu_pct_20={many.HostCpuPct:0.0} ffmpeg_cpu_pct_1={one.FfmpegCpuPct:0.0} ffmpeg_cpu_pct_20={many.FfmpegCpuPct:0.0} viewer_fps_20={many.ViewerFps:0.0}"));
            return 0;
        }
        finally
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private sealed record Phase(int Viewers, double HostCpuPct, double FfmpegCpuPct, double HostRssMb, double FfmpegRssMb, int FfmpegProcesses, double ViewerFps)
    {
        public double TotalCpuPct => HostCpuPct + FfmpegCpuPct;

        public double TotalRssMb => HostRssMb + FfmpegRssMb;
    }

    private static async Task<WebApplication> StartHostAsync(string folder)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cameras:0:Id"] = CameraId,
            ["Cameras:0:Name"] = "Camera đo tải",
            ["Cameras:0:Source"] = "Synthetic",
            ["Cameras:0:Width"] = "1280",
            ["Cameras:0:Height"] = "720",
            ["Cameras:0:FrameRate"] = "25",
            ["Cameras:0:PreviewFps"] = "5",
            ["Cameras:0:PreviewWidth"] = "640",
            ["Cameras:0:RecordingFolder"] = folder,
            ["Cameras:0:SegmentSeconds"] = "10",
            ["Cameras:0:DiskBudgetMb"] = "500",
        });
        builder.Services.AddCameras(builder.Configuration);
        var app = builder.Build();
        app.MapCameraEndpoints(authorizationPolicy: null);
        await app.StartAsync();
        return app;
    }

    private static async Task<Phase> MeasurePhaseAsync(CameraFeed feed, string url, int viewers, int seconds, CancellationToken cancellationToken, bool report = true)
    {
        var curls = new List<Process>();
        try
        {
            for (var i = 0; i < viewers; i++)
            {
                var psi = new ProcessStartInfo("curl") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
                foreach (var a in new[] { "-s", "-N", "-o", "/dev/null", "-w", "%{size_download}", "--max-time", (seconds + 4).ToString(CultureInfo.InvariantCulture), url })
                    psi.ArgumentList.Add(a);
                curls.Add(Process.Start(psi)!);
            }
            if (!await Eventually.TrueAsync(() => feed.Preview.ViewerCount >= viewers, TimeSpan.FromSeconds(15)))
                Console.Error.WriteLine($"only {feed.Preview.ViewerCount} of {viewers} viewers connected");
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);

            var ffmpegPid = feed.ProcessId ?? 0;
            var hostPid = Environment.ProcessId;
            var hostStart = CpuTicks(hostPid);
            var ffmpegStart = CpuTicks(ffmpegPid);
            var framesStart = feed.Preview.PublishedCount;
            var clock = Stopwatch.StartNew();
            double hostRss = 0, ffmpegRss = 0;
            var ffmpegProcesses = 0;
            while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
            {
                await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
                hostRss = Math.Max(hostRss, RssMb(hostPid));
                ffmpegRss = Math.Max(ffmpegRss, RssMb(ffmpegPid));
                ffmpegProcesses = Math.Max(ffmpegProcesses, CountChildFfmpeg(hostPid));
            }
            var elapsed = clock.Elapsed.TotalSeconds;
            var hostCpu = (CpuTicks(hostPid) - hostStart) / (double)TicksPerSecond / elapsed * 100;
            var ffmpegCpu = (CpuTicks(ffmpegPid) - ffmpegStart) / (double)TicksPerSecond / elapsed * 100;
            var previewFps = (feed.Preview.PublishedCount - framesStart) / elapsed;
            if (feed.ProcessId != ffmpegPid)
                Console.Error.WriteLine("ffmpeg restarted during the phase: its CPU figure is incomplete");

            var bytes = new List<long>();
            foreach (var curl in curls)
            {
                await curl.WaitForExitAsync(cancellationToken);
                bytes.Add(long.TryParse((await curl.StandardOutput.ReadToEndAsync(cancellationToken)).Trim(), out var b) ? b : 0);
            }
            var frameBytes = feed.Preview.Latest?.Data.Length ?? 1;
            var viewerFps = bytes.Average() / (frameBytes + 80) / (seconds + 4);
            if (report)
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"viewers={viewers}: host cpu {hostCpu:0.0}% rss {hostRss:0} MB; ffmpeg cpu {ffmpegCpu:0.0}% rss {ffmpegRss:0} MB; ffmpeg processes {ffmpegProcesses}; preview {previewFps:0.0} fps, jpeg ~{frameBytes / 1024.0:0} kB; per viewer ~{viewerFps:0.0} fps (min {bytes.Min() / 1024.0:0} kB, max {bytes.Max() / 1024.0:0} kB received)"));
            return new Phase(viewers, hostCpu, ffmpegCpu, hostRss, ffmpegRss, ffmpegProcesses, viewerFps);
        }
        finally
        {
            foreach (var curl in curls)
            {
                if (!curl.HasExited)
                    curl.Kill();
                curl.Dispose();
            }
        }
    }

    /// <summary>USER_HZ: 100 on every mainstream Linux build.</summary>
    private const int TicksPerSecond = 100;

    /// <summary>utime + stime (fields 14 and 15 of /proc/pid/stat), in clock ticks.</summary>
    private static long CpuTicks(int pid)
    {
        var fields = StatFields(pid);
        return fields is null ? 0 : long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
    }

    /// <summary>Fields after "pid (comm) ": index 0 is field 3 (state).</summary>
    private static string[]? StatFields(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }

    private static double RssMb(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? 0 : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) / 1024.0;
        }
        catch (IOException)
        {
            return 0;
        }
    }

    private static int CountChildFfmpeg(int parentPid) =>
        Directory.EnumerateDirectories("/proc")
            .Select(Path.GetFileName)
            .Where(n => n!.All(char.IsAsciiDigit))
            .Count(n =>
            {
                try
                {
                    var text = File.ReadAllText($"/proc/{n}/stat");
                    return text.Contains("(ffmpeg)", StringComparison.Ordinal) && StatFields(int.Parse(n!, CultureInfo.InvariantCulture))?[1] == parentPid.ToString(CultureInfo.InvariantCulture);
                }
                catch (IOException)
                {
                    return false;
                }
            });

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
