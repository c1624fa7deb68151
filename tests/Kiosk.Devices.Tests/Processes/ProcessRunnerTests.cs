using QueueKiosk.Devices.Camera;
using QueueKiosk.Devices.Processes;
using QueueKiosk.Devices.Tests.Camera;

namespace QueueKiosk.Devices.Tests.Processes;

/// <summary>The one process runner, against small shell scripts that play ffmpeg or espeak-ng.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class ProcessRunnerTests : IDisposable
{
    private readonly TempFolder _folder = new("qk-fake-exe-");

    public void Dispose() => _folder.Dispose();

    /// <summary>Writes an executable /bin/sh script and returns its path.</summary>
    private string FakeExecutable(string name, string body)
    {
        var path = Path.Combine(_folder.Path, name);
        File.WriteAllText(path, "#!/bin/sh\n" + body + "\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    [Fact]
    public async Task RunAsync_PassesArgumentsAndEnvironment_AndReturnsWhatTheProgramWrote()
    {
        var exe = FakeExecutable("fake-espeak", """echo "args: $1|$2 tz=$TZ"; echo "a warning" >&2; exit 3""");
        var command = new ProcessCommand(exe, ["-v", "vi vn"]) { Environment = new Dictionary<string, string> { ["TZ"] = "UTC" } };

        var result = await ProcessRunner.RunAsync(command, TimeSpan.FromSeconds(20));

        Assert.Equal(3, result.ExitCode);
        Assert.Equal("args: -v|vi vn tz=UTC\n", result.StandardOutput);
        Assert.Equal("a warning\n", result.StandardError);
        Assert.Equal($"TZ=UTC {exe} -v 'vi vn'", command.CommandLine);
    }

    [Fact]
    public async Task Dispose_KillsAProgramThatStillRuns()
    {
        var exe = FakeExecutable("fake-ffmpeg", "echo started; exec sleep 600");
        int pid;
        using (var runner = ProcessRunner.Start(new ProcessCommand(exe, [])))
        {
            pid = runner.Id;
            using var stdout = new StreamReader(runner.StandardOutput);
            Assert.Equal("started", await stdout.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(20)));
            Assert.False(runner.HasExited);
        }

        Assert.True(await Eventually.TrueAsync(() => IsGone(pid)), $"pid {pid} still runs after dispose");
    }

    [Fact]
    public void Start_OfAMissingProgram_SaysWhichOneInVietnameseAndEnglish()
    {
        var missing = Path.Combine(_folder.Path, "no-such-ffmpeg");

        var error = Assert.Throws<ProcessStartException>(() => ProcessRunner.Start(new ProcessCommand(missing, [])));

        Assert.Contains("Không chạy được", error.Message, StringComparison.Ordinal);
        Assert.Contains("cannot start", error.Message, StringComparison.Ordinal);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ACameraOnAFakeFfmpeg_ReportsTheLineItDiedWith()
    {
        // Answers the encoder probe with nothing, then dies as ffmpeg does on a refused RTSP connection.
        var exe = FakeExecutable("ffmpeg", """echo "[tcp @ 0x55d0c2a0] Connection to tcp://10.0.0.5:554 failed: Connection refused" >&2; exit 1""");
        var options = CameraTestSupport.Synthetic("fake");
        options.FfmpegPath = exe;
        options.MinRestartDelaySeconds = 30;
        options.MaxRestartDelaySeconds = 60;
        await using var feed = new CameraFeed(options);

        feed.Start();

        Assert.True(await Eventually.TrueAsync(() => feed.GetHealth().State == CameraState.Restarting), feed.GetHealth().State.ToString());
        var health = feed.GetHealth();
        Assert.Contains("Connection refused", health.LastError, StringComparison.Ordinal);
        Assert.StartsWith($"TZ=UTC {exe} -hide_banner", health.CommandLine, StringComparison.Ordinal);
        Assert.Null(health.ProcessId);
    }

    private static bool IsGone(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        try
        {
            return !File.Exists(stat) || File.ReadAllText(stat).Split(") ")[1].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
