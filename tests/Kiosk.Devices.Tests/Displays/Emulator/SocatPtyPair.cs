using System.Diagnostics;

namespace QueueKiosk.KioskDevices.Tests.Displays.Emulator;

/// <summary>Two linked pseudo terminals from socat, in a temp dir removed on dispose.</summary>
public sealed class SocatPtyPair : IDisposable
{
    private readonly Process _socat;
    private readonly string _directory;

    private SocatPtyPair(Process socat, string directory)
    {
        _socat = socat;
        _directory = directory;
    }

    /// <summary>The side the driver under test opens.</summary>
    public string HostPath => Path.Combine(_directory, "host");

    /// <summary>The side the emulated boards listen on.</summary>
    public string BoardPath => Path.Combine(_directory, "board");

    public static async Task<SocatPtyPair> StartAsync()
    {
        var directory = Directory.CreateTempSubdirectory("qk-led-").FullName;
        var start = new ProcessStartInfo("socat") { RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add($"pty,raw,echo=0,link={Path.Combine(directory, "host")}");
        start.ArgumentList.Add($"pty,raw,echo=0,link={Path.Combine(directory, "board")}");
        var socat = Process.Start(start) ?? throw new InvalidOperationException("socat did not start");
        socat.ErrorDataReceived += (_, _) => { };
        socat.BeginErrorReadLine();
        var pair = new SocatPtyPair(socat, directory);
        var deadline = Stopwatch.StartNew();
        while (!(File.Exists(pair.HostPath) && File.Exists(pair.BoardPath)))
        {
            if (deadline.Elapsed > TimeSpan.FromSeconds(15) || socat.HasExited)
            {
                pair.Dispose();
                throw new InvalidOperationException("socat did not create the pty links within 15 s");
            }

            await Task.Delay(20);
        }

        return pair;
    }

    public void Dispose()
    {
        try
        {
            if (!_socat.HasExited)
            {
                _socat.Kill();
                _socat.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _socat.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
