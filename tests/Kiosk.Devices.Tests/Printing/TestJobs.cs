using System.Text;
using System.Text.RegularExpressions;

namespace QueueKiosk.Devices.Tests.Printing;

/// <summary>Small text jobs with a marker each, so what a printer received can be read back as a job list.</summary>
internal static partial class TestJobs
{
    public static byte[] Job(int number, int padding = 0) =>
        Encoding.ASCII.GetBytes($"\x1b@JOB:{number:D3}{new string('.', padding)}END:{number:D3}\n");

    /// <summary>Numbers of the complete jobs in the order they were received.</summary>
    public static IReadOnlyList<int> Complete(string received) =>
        [.. CompleteJob().Matches(received).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))];

    [GeneratedRegex(@"JOB:(\d{3})\.*END:\1")]
    private static partial Regex CompleteJob();
}
