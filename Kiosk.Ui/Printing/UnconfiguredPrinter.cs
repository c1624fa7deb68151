namespace QueueKiosk.KioskUi.Printing;

/// <summary>Used when Printer:Enabled is false: the kiosk still issues numbers and shows them on screen.</summary>
public sealed class UnconfiguredPrinter : ITicketPrinter
{
    public PrinterStatusView Status { get; } = new(PrinterCondition.NotConfigured, "Printer:Enabled=false");

    public Task<PrintOutcome> PrintAsync(TicketPrintRequest ticket, TimeSpan wait, CancellationToken cancellationToken) =>
        Task.FromResult(new PrintOutcome(PrintResult.Failed, "no printer configured"));
}
