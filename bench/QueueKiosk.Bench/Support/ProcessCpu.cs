using System.Diagnostics;
using System.Globalization;

namespace QueueKiosk.Bench.Support;

/// <summary>CPU time used by a process (user + system), read from /proc on Linux.</summary>
public static class ProcessCpu
{
    public static TimeSpan Self() => Process.GetCurrentProcess().TotalProcessorTime;

    /// <summary>utime + stime of /proc/&lt;pid&gt;/stat (fields 14 and 15, in clock ticks).</summary>
    public static TimeSpan Of(int processId)
    {
        var stat = File.ReadAllText($"/proc/{processId}/stat");
        // The command name (field 2) may hold spaces; the fields after its closing ')' are plain.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / (double)ClockTicksPerSecond);
    }

    /// <summary>
    /// CPU of every process with this command name (e.g. all "postgres" backends): the database's
    /// share of the same two cores. Processes that end within the window are not counted.
    /// </summary>
    public static TimeSpan OfAllNamed(string command)
    {
        var total = TimeSpan.Zero;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                if (File.ReadAllText(Path.Combine(dir, "comm")).Trim() == command)
                {
                    total += Of(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while being read.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }

        return total;
    }

    /// <summary>The first three figures of /proc/loadavg ("1 5 15" minutes), for the record.</summary>
    public static string LoadAverage() =>
        string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3));

    // USER_HZ is 100 on every Linux architecture .NET runs on.
    private const int ClockTicksPerSecond = 100;
}
