namespace QueueKiosk.TestSupport.Hosts;

/// <summary>
/// How to start one of our hosts with <see cref="HostProcess"/>: the project, its configuration
/// (each key=value passed as --key=value, the way ./run.sh passes it) and when it counts as ready.
/// </summary>
public sealed record HostLaunch(string Project, IReadOnlyDictionary<string, string?> Settings)
{
    /// <summary>The loopback port to listen on; 0 picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>The path that answers with a success status once the host is ready.</summary>
    public string ReadyPath { get; init; } = "/health/live";

    /// <summary>If given, the body of <see cref="ReadyPath"/> must also satisfy it (e.g. a display already in sync with the hub).</summary>
    public Func<string, bool>? ReadyBody { get; init; }

    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>Environment variables added to the host's, on top of ASPNETCORE_ENVIRONMENT=Production.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
