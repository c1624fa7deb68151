namespace QueueKiosk.Bench;

/// <summary>
/// One benchmark scenario. Each scenario prints its figures and ends with a single line
/// <c>RESULT &lt;name&gt; key=value ...</c> so scripts can read the last line.
/// </summary>
public interface IScenario
{
    /// <summary>The first command-line argument that selects this scenario.</summary>
    string Name { get; }

    /// <summary>One line for the usage text.</summary>
    string Description { get; }

    /// <summary>Runs the scenario with the remaining arguments; returns the process exit code.</summary>
    Task<int> RunAsync(string[] args, CancellationToken cancellationToken);
}
