namespace QueueKiosk.KioskUi.Printing;

/// <summary>
/// The kiosk's view of its ticket printer: the state to show and report, and "print this ticket".
/// Kept small so the screens do not depend on how the print queue and transports are built.
/// </summary>
public interface ITicketPrinter
{
    PrinterStatusView Status { get; }

    /// <summary>
    /// Hands the ticket to the print queue and waits (bounded) for it to leave the printer.
    /// Never throws for printer trouble: the outcome says what happened.
    /// </summary>
    Task<PrintOutcome> PrintAsync(TicketPrintRequest ticket, TimeSpan wait, CancellationToken cancellationToken);
}

public enum PrinterCondition
{
    Ready,
    PaperLow,
    PaperOut,
    CoverOpen,
    Offline,
    Error,
    NotConfigured,
}

public sealed record PrinterStatusView(PrinterCondition Condition, string? Detail = null)
{
    /// <summary>Whether a ticket can be expected to come out now.</summary>
    public bool CanPrint => Condition is PrinterCondition.Ready or PrinterCondition.PaperLow;
}

/// <summary>
/// What goes on the paper, already in the site's words and local time; the texts come from the site's
/// settings (empty: the layout's own). <paramref name="Language"/> is the kiosk's ("vi" or "en"): it
/// chooses the ticket's own labels; names arrive already in that language where the catalogue has it.
/// </summary>
public sealed record TicketPrintRequest(
    Guid TicketId,
    string CentreName,
    string Number,
    string ServiceName,
    string? ProcedureName,
    IReadOnlyList<int> Counters,
    int PeopleAhead,
    int EstimatedWaitMinutes,
    DateTime IssuedAtLocal,
    string? PriorityText,
    string? Header = null,
    string? Footer = null,
    string? ThankYou = null,
    string? TrackingUrl = null,
    string Language = "vi");

public enum PrintResult
{
    Printed,
    Failed,

    /// <summary>Queued but not out of the printer within the wait; it will print when it can.</summary>
    Pending,
}

public sealed record PrintOutcome(PrintResult Result, string? Detail = null);
