namespace QueueKiosk.Devices.Printing.Queue;

public sealed record PrintQueueOptions(string JournalPath)
{
    /// <summary>First wait after a failure; doubles on each further failure up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);
}
