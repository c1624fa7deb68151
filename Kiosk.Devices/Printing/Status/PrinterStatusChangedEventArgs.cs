using QueueKiosk.Devices.EscPos;

namespace QueueKiosk.Devices.Printing.Status;

public sealed class PrinterStatusChangedEventArgs(PrinterStatus previous, PrinterStatus current, string? detail) : EventArgs
{
    public PrinterStatus Previous { get; } = previous;

    public PrinterStatus Current { get; } = current;

    /// <summary>Why, when known (the transport error for Disconnected).</summary>
    public string? Detail { get; } = detail;
}
