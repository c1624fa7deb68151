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
    public async Task StartedBySystemd_SendsReadyOnTheNotifySocket()
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
            var received = await notify.ReceiveAsync(buffer, SocketFlags.None, timeout.Token);

            Assert.Contains("READY=1", Encoding.ASCII.GetString(buffer, 0, received).Split('\n'));
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }
}
