namespace QueueKiosk.Devices.Printing.Status;

/// <summary>
/// Status polling. With the defaults a dead link is noticed within PollInterval + ReplyTimeout
/// = 1.5 s (the requirement is 2 s): a pulled LAN or RS-232 cable only shows as a reply that
/// never comes.
/// </summary>
public sealed record PrinterStatusOptions
{
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public TimeSpan ReplyTimeout { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The slowest rate a printer consumes a job at. After a job the first status reply queues
    /// behind the job's bytes, so its wait is ReplyTimeout + job length / this rate.
    /// </summary>
    public int MinBytesPerSecond { get; init; } = 1000;
}
