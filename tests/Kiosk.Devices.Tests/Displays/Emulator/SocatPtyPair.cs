using System.Diagnostics;

namespace QueueKiosk.Devices.Tests.Displays.Emulator;

/// <summary>
/// Two linked pseudo terminals from socat, in a temp dir removed on dispose. <see cref="Unplug"/>
/// kills socat (both ends hang up, like pulling the USB adapter); <see cref="StartAsync()"/> again
/// makes a new pair under the same names.
/// </summary>
public sealed class SocatPtyPair : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qk-led-").FullName;
    private Process? _socat;

    /// <summary>The side the driver under test opens.</summary>
    public string HostPath => Path.Combine(_directory, "host");

    /// <summary>The side the emulated boards listen on.</summary>
    public string BoardPath => Path.Combine(_directory, "board");

    public async Task StartAsync()
    {
        Unplug();
        var start = new ProcessStartInfo("socat") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add($"pty,raw,echo=0,link={HostPath}");
        start.ArgumentList.Add($"pty,raw,echo=0,link={BoardPath}");
        var socat = Process.Start(start) ?? throw new InvalidOperationException("socat did not start");
        socat.ErrorDataReceived += (_, _) => { };
        socat.BeginErrorReadLine();
        _socat = socat;
        var deadline = Stopwatch.StartNew();
        while (!(File.Exists(HostPath) && File.Exists(BoardPath)))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(15) || socat.HasExited)
            {
                throw new InvalidOperationException("socat did not create the pty links within 15 s");
            }

            await Task.Delay(20);
        }
    }

    public void Unplug()
    {
        if (_socat is null)
        {
            return;
        }

        try
        {
            if (!_socat.HasExited)
            {
                _socat.Kill();
                _socat.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _socat.Dispose();
        _socat = null;

        // SIGKILL leaves the links dangling; a new socat must be able to make them again.
        File.Delete(HostPath);
        File.Delete(BoardPath);
    }

    public void Dispose()
    {
        Unplug();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
