namespace QueueKiosk.Devices.Printing.Queue;

/// <summary>
/// The kiosk's print queue. A job is on disk before <see cref="EnqueueAsync"/> returns; jobs
/// print strictly in order; a job is marked printed only after its bytes were sent and flushed
/// and the printer then reported itself fine.
/// </summary>
public interface ITicketPrintQueue
{
    PrintQueueState State { get; }

    /// <summary>Raised after every change of <see cref="State"/>. Handlers must not block.</summary>
    event EventHandler<PrintQueueState>? StateChanged;

    /// <summary>Raised when a job has been printed.</summary>
    event EventHandler<PrintJobInfo>? JobPrinted;

    /// <summary>Persists the job (fsync) and queues it. Returns once it is safe on disk, not when printed.</summary>
    Task<PrintJobInfo> EnqueueAsync(ReadOnlyMemory<byte> job, string? label = null, CancellationToken cancellationToken = default);

    /// <summary>Queues the last printed job again; null when nothing has been printed yet.</summary>
    Task<PrintJobInfo?> ReprintLastAsync(CancellationToken cancellationToken = default);
}
