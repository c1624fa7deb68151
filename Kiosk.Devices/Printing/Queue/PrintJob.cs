namespace QueueKiosk.Devices.Printing.Queue;

/// <summary>A job as the queue keeps it: the exact bytes for the printer and what to show about it.</summary>
internal sealed record PrintJob(Guid Id, long Sequence, DateTimeOffset CreatedAt, string? Label, byte[] Data)
{
    public PrintJobInfo Info => new(Id, Sequence, Label, CreatedAt, Data.Length);
}

/// <summary>What callers see of a job (no bytes).</summary>
/// <param name="Label">Free text from the caller, e.g. the ticket number "A012", shown on the supervisor screen.</param>
public sealed record PrintJobInfo(Guid Id, long Sequence, string? Label, DateTimeOffset CreatedAt, int Length);
