namespace QueueKiosk.Devices.Printing.Queue;

public sealed record PrintQueueOptions(string JournalPath)
{
    /// <summary>First wait after a failure; doubles on each further failure up to <see cref="RetryMaxDelay"/>.</summary>
    public TimeSpan RetryInitialDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan RetryMaxDelay { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The journal is compacted on start and, while the kiosk runs, whenever the queue is empty
    /// and the file has grown past this size (a busy day of raster tickets is ~10 MB).
    /// </summary>
    public long CompactAfterBytes { get; init; } = 4 * 1024 * 1024;
}
