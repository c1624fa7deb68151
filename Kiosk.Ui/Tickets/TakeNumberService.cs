using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Printing.Layout;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Schedule;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Hub;
using QueueKiosk.KioskUi.Localization;
using QueueKiosk.KioskUi.Printing;
using QueueKiosk.KioskUi.Status;

namespace QueueKiosk.KioskUi.Tickets;

/// <summary>
/// "Take a number": asks the hub for a ticket with the kiosk's key, sends it to the printer and
/// says what the citizen must see. The number is shown on screen whatever the printer does.
/// </summary>
public sealed class TakeNumberService(
    IKioskBackend hub,
    CatalogueStore catalogue,
    ITicketPrinter printer,
    KioskState state,
    IOptions<KioskOptions> options,
    TimeProvider time,
    ILogger<TakeNumberService> logger)
{
    /// <param name="language">The kiosk's language ("vi" or "en"): the names and the ticket's words on screen and on paper.</param>
    public async Task<TakeNumberResult> TakeAsync(Guid? procedureId, Guid? serviceId, PriorityCategory priority, string language, CancellationToken cancellationToken)
    {
        var current = catalogue.Current;
        var procedure = procedureId is { } pid ? current?.FindProcedure(pid) : null;
        if (procedureId is not null && procedure is null && current is not null)
        {
            return TakeNumberResult.Failure(TakeNumberKind.Invalid);
        }

        if (current is not null && !state.Current().IsOpen)
        {
            return TakeNumberResult.Failure(TakeNumberKind.Closed, NextOpeningText(current));
        }

        IssueOutcome outcome;
        try
        {
            outcome = await hub.IssueTicketAsync(new IssueTicketRequest(serviceId ?? procedure?.ServiceId, procedureId, priority), cancellationToken);
        }
        catch (HubUnavailableException e)
        {
            logger.LogWarning("Ticket not issued, hub unavailable: {Message}", e.Message);
            return TakeNumberResult.Failure(TakeNumberKind.HubUnavailable);
        }

        switch (outcome)
        {
            case IssueOutcome.Closed closed:
                return TakeNumberResult.Failure(TakeNumberKind.Closed, closed.OpensAtLocal ?? (current is null ? null : NextOpeningText(current)));
            case IssueOutcome.Rejected rejected:
                logger.LogWarning("Hub refused the ticket: {Status} {Message}", rejected.StatusCode, rejected.Message);
                return TakeNumberResult.Failure(TakeNumberKind.Rejected, rejected.Message);
        }

        return await PrintAsync(((IssueOutcome.Issued)outcome).Ticket, procedure?.Name, language, cancellationToken);
    }

    /// <summary>Prints a ticket the hub issued (a number taken here, or a booking's check-in) and words it for the screen as the paper words it.</summary>
    public async Task<TakeNumberResult> PrintAsync(TicketDto ticket, string? procedureName, string language, CancellationToken cancellationToken)
    {
        var current = catalogue.Current;
        var counters = current?.CounterNumbersFor(ticket.ServiceId) ?? [];
        var serviceName = current?.ServiceName(ticket.ServiceId, language) ?? ticket.ServiceName;
        var local = current is null ? ticket.IssuedAt.LocalDateTime : OpeningHours.Of(current.Site).ToLocal(ticket.IssuedAt.UtcDateTime);
        var request = new TicketPrintRequest(
            ticket.Id,
            current?.Site.Name ?? options.Value.Name,
            ticket.Number,
            serviceName,
            ticket.ProcedureName ?? procedureName,
            counters,
            ticket.PeopleAhead,
            ticket.EstimatedWaitMinutes,
            local,
            ticket.Priority == PriorityCategory.None ? null : current?.PriorityName(ticket.Priority, language) ?? KioskCatalogue.FallbackPriorityName(ticket.Priority, language),
            current?.Site.TicketHeader,
            current?.Site.TicketFooter,
            current?.Site.TicketThankYou,
            ticket.TrackingUrl,
            KioskText.Normalize(language));

        var print = printer.Status.CanPrint
            ? await printer.PrintAsync(request, TimeSpan.FromSeconds(options.Value.PrintWaitSeconds), cancellationToken)
            : new PrintOutcome(PrintResult.Failed, printer.Status.Condition.ToString());

        // The screen shows the facts of the layout the printer printed, worded by the same
        // TicketWording (issue 10 item 8): the two cannot disagree.
        var printed = QueueTicketPrinter.ToLayout(request);
        var words = language == KioskText.English ? TicketWording.English : TicketWording.Vietnamese;
        return new TakeNumberResult(TakeNumberKind.Issued, new TicketView(
            ticket.Id,
            ticket.Number,
            serviceName,
            request.ProcedureName,
            counters,
            ticket.PeopleAhead,
            ticket.EstimatedWaitMinutes,
            local.ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            ticket.Priority,
            print.Result == PrintResult.Printed,
            print.Result.ToString(),
            printed.ServiceLine(words),
            printed.Facts(words)), null);
    }

    private string? NextOpeningText(KioskCatalogue current) =>
        OpeningHours.Of(current.Site).NextOpening(time.GetUtcNow().UtcDateTime)?.Local is { } next
            ? next.ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)
            : null;
}

public enum TakeNumberKind
{
    Issued,
    Closed,
    HubUnavailable,
    Rejected,
    Invalid,
}

public sealed record TakeNumberResult(TakeNumberKind Kind, TicketView? Ticket, string? Detail)
{
    public static TakeNumberResult Failure(TakeNumberKind kind, string? detail = null) => new(kind, null, detail);
}

/// <summary>
/// The ticket as the screen shows it: <see cref="ServiceLine"/> and <see cref="Facts"/> are worded
/// as the paper words them (the raw numbers stay for the API's other callers).
/// </summary>
public sealed record TicketView(
    Guid Id,
    string Number,
    string ServiceName,
    string? ProcedureName,
    IReadOnlyList<int> Counters,
    int PeopleAhead,
    int EstimatedWaitMinutes,
    string IssuedAt,
    PriorityCategory Priority,
    bool Printed,
    string PrintResult,
    string ServiceLine,
    IReadOnlyList<TicketFact> Facts);
