namespace QueueKiosk.Devices.Camera;

/// <summary>
/// Picks the line of ffmpeg's stderr that explains a failure ("Connection refused",
/// "404 Not Found", "No such file or directory") over generic trailers ("Conversion failed!"). Pure.
/// </summary>
public static class FfmpegErrorLine
{
    private static readonly string[] GenericLines =
    [
        "Conversion failed!",
        "Exiting normally",
        "Error opening output files",
        "Error opening input files",
        "Error while filtering",
        "Error initializing output stream",
        "Error while processing the decoded data",
        "Terminating thread with return code",
        "Nothing was written into output file",
    ];

    /// <summary>Strips the "[tcp @ 0x55...] " context prefix and surrounding blanks; null for empty lines.</summary>
    public static string? Clean(string? line)
    {
        if (string.IsNullOrWhiteSpace(line))
            return null;
        var text = line.Trim();
        if (text.StartsWith('[') && text.IndexOf(" @ 0x", StringComparison.Ordinal) is > 0 and var at)
        {
            var close = text.IndexOf(']', at);
            if (close > 0)
                text = text[(close + 1)..].Trim();
        }
        return text.Length == 0 ? null : text;
    }

    /// <summary>True when the line names a cause rather than a consequence.</summary>
    public static bool IsMeaningful(string cleanedLine) =>
        !GenericLines.Any(g => cleanedLine.StartsWith(g, StringComparison.OrdinalIgnoreCase));
}
