namespace QueueKiosk.Bench.Support;

/// <summary>
/// How the bench starts our hosts as real processes (Release builds, through the end-to-end
/// tests' <see cref="HostProcess"/>): benchmarks measure the system as it runs, not in-process.
/// </summary>
public static class BenchHosts
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(90);

    // Request logging at Information would measure the console, not the queue.
    private static readonly Dictionary<string, string> QuietLogs = new() { ["Logging__LogLevel__Default"] = "Warning" };

    /// <summary>Hub.Server, ready when /health/ready answers.</summary>
    public static Task<HostProcess> StartHubAsync(IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken) =>
        StartAsync("Hub.Server", settings, "/health/ready", null, cancellationToken);

    /// <summary>
    /// Any of our hosts, ready when <paramref name="readyPath"/> answers and, if given, its body
    /// satisfies <paramref name="readyBody"/> (e.g. Counter.Display already in sync with the hub).
    /// </summary>
    public static Task<HostProcess> StartAsync(
        string project,
        IReadOnlyDictionary<string, string?> settings,
        string readyPath,
        Func<string, bool>? readyBody,
        CancellationToken cancellationToken) =>
        HostProcess.StartAsync(
            new HostLaunch(project, settings)
            {
                ReadyPath = readyPath,
                ReadyBody = readyBody,
                StartTimeout = StartTimeout,
                Environment = QuietLogs,
            },
            cancellationToken);
}
