using System.Collections.Concurrent;
using QueueKiosk.Devices.Processes;

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
            var result = ProcessRunner.RunAsync(new ProcessCommand(ffmpegPath, ["-hide_banner", "-encoders"]), TimeSpan.FromSeconds(10))
                .GetAwaiter().GetResult();
            return result.StandardOutput.Contains(" libx264 ", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is ProcessStartException or TimeoutException)
        {
            return false; // no ffmpeg, or one that hangs: the camera itself will report that
        }
    }
}
