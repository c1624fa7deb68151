using System.Collections.Concurrent;
using System.Diagnostics;

namespace QueueKiosk.Devices.Camera;

/// <summary>Asks an ffmpeg binary once which encoders it has (Debian's has libx264, minimal builds may not).</summary>
public static class FfmpegEncoders
{
    private static readonly ConcurrentDictionary<string, bool> HasLibx264Cache = new();

    public static bool HasLibx264(string ffmpegPath) => HasLibx264Cache.GetOrAdd(ffmpegPath, Probe);

    private static bool Probe(string ffmpegPath)
    {
        try
        {
            var psi = new ProcessStartInfo(ffmpegPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            psi.ArgumentList.Add("-hide_banner");
            psi.ArgumentList.Add("-encoders");
            using var p = Process.Start(psi)!;
            var errors = p.StandardError.ReadToEndAsync();
            var output = p.StandardOutput.ReadToEnd();
            if (!p.WaitForExit(10_000))
                p.Kill(entireProcessTree: true);
            _ = errors.Result;
            return output.Contains(" libx264 ", StringComparison.Ordinal);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false; // no ffmpeg: the camera itself will report that
        }
    }
}
