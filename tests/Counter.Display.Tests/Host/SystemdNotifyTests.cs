using System.Diagnostics;
using System.Net.Sockets;
using System.Runtime.Versioning;
using System.Text;

namespace QueueKiosk.CounterDisplay.Tests.Host;

/// <summary>
/// The host as systemd runs it (hardware-docs/systemd.md): a real Counter.Display process whose
/// parent is named "systemd" and whose NOTIFY_SOCKET is a Unix datagram socket this test listens
/// on. Microsoft.Extensions.Hosting.Systemd only acts under a parent of that name.
/// </summary>
public sealed class SystemdNotifyTests : IDisposable
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(60);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("qk-systemd-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task StartedBySystemd_SendsReadyOnTheNotifySocket() =>
        Assert.Contains("READY=1", await ReceiveAsync(watchdogUsec: null, until: m => m.Contains("READY=1")));

    [Fact]
    [SupportedOSPlatform("linux")]
    public async Task WithAWatchdog_SendsKeepAlivesAfterReady()
    {
        // WatchdogSec=0.4 s: a keep-alive every 0.2 s (half, as systemd advises).
        var messages = await ReceiveAsync(watchdogUsec: "400000", until: m => m.Count(x => x == "WATCHDOG=1") >= 3);

        Assert.True(messages.Count(m => m == "WATCHDOG=1") >= 3, string.Join(" | ", messages));
        Assert.Contains("READY=1", messages);
    }

    /// <summary>The host's notify datagrams, one line each, until <paramref name="until"/> holds.</summary>
    [SupportedOSPlatform("linux")]
    private async Task<List<string>> ReceiveAsync(string? watchdogUsec, Func<List<string>, bool> until)
    {
        var socketPath = Path.Combine(_folder.FullName, "notify");
        using var notify = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        notify.Bind(new UnixDomainSocketEndPoint(socketPath));

        // A script's process takes the script's file name as its name (/proc/PID/comm).
        var parent = Path.Combine(_folder.FullName, "systemd");
        await File.WriteAllTextAsync(parent, "#!/bin/sh\n\"$@\"\nexit $?\n");
        File.SetUnixFileMode(parent, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var host = Path.Combine(AppContext.BaseDirectory, "Counter.Display.dll");
        var start = new ProcessStartInfo(parent, ["dotnet", host])
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true, // the host's journald-format log, read and dropped below
            RedirectStandardError = true,
        };
        start.Environment["NOTIFY_SOCKET"] = socketPath;
        if (watchdogUsec is not null)
        {
            start.Environment["WATCHDOG_USEC"] = watchdogUsec;
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in DisplayHostFactory.Settings())
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        using var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            using var timeout = new CancellationTokenSource(Deadline);
            var buffer = new byte[1024];
            var messages = new List<string>();
            while (!until(messages))
            {
                var received = await notify.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);
                messages.AddRange(Encoding.ASCII.GetString(buffer, 0, received).Split('\n', StringSplitOptions.RemoveEmptyEntries));
            }

            return messages;
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
