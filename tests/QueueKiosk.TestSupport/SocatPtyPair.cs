using System.Diagnostics;

namespace QueueKiosk.TestSupport;

/// <summary>
/// Two linked pseudo terminals made by socat: what is written to one end is read at the other,
/// like a null-modem cable. <see cref="Unplug"/> kills socat so both ends hang up and the links
/// vanish; <see cref="Replug"/> makes a new pair under the same names.
/// </summary>
public sealed class SocatPtyPair : IDisposable
{
    private readonly string _directory;
    private Process? _socat;

    public SocatPtyPair()
    {
        _directory = Path.Combine(Path.GetTempPath(), "qk-pty-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(_directory);
        PathA = Path.Combine(_directory, "A");
        PathB = Path.Combine(_directory, "B");
        Start();
    }

    public string PathA { get; }

    public string PathB { get; }

    public bool IsPlugged => _socat is { HasExited: false };

    public void Unplug()
    {
        if (_socat is null)
        {
            return;
        }

        try
        {
            _socat.Kill();
            _socat.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
            // already gone
        }

        _socat.Dispose();
        _socat = null;
        File.Delete(PathA);
        File.Delete(PathB);
    }

    public void Replug()
    {
        Unplug();
        Start();
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
            // a pty link may linger for a moment; the temp dir is harmless
        }
    }

    private void Start()
    {
        var info = new ProcessStartInfo("socat")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-d", "-d", $"pty,raw,echo=0,link={PathA}", $"pty,raw,echo=0,link={PathB}" })
        {
            info.ArgumentList.Add(argument);
        }

        _socat = Process.Start(info) ?? throw new InvalidOperationException("socat did not start");
        _socat.ErrorDataReceived += (_, _) => { };
        _socat.BeginErrorReadLine();
        _socat.BeginOutputReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (!(File.Exists(PathA) && File.Exists(PathB)))
        {
            if (DateTime.UtcNow > deadline || _socat.HasExited)
            {
                throw new InvalidOperationException("socat did not create the pty links in time");
            }

            Thread.Sleep(20);
        }
    }
}
