using QueueKiosk.Devices.EscPos;

namespace QueueKiosk.Devices.Printing.Queue;

/// <summary>What a kiosk shows and reports: how many tickets wait, what is printing, why not.</summary>
/// <param name="QueuedCount">Jobs accepted and not yet printed, including the current one.</param>
/// <param name="CurrentJob">The job being sent or waited on, if any.</param>
/// <param name="LastError">Why the head of the queue is waiting, in the office's language (Vietnamese); null when printing normally.</param>
public sealed record PrintQueueState(
    int QueuedCount,
    PrintJobInfo? CurrentJob,
    PrinterStatus PrinterStatus,
    string? LastError,
    PrintJobInfo? LastPrinted,
    DateTimeOffset? LastPrintedAt);
