using System.Collections.Concurrent;
using QueueKiosk.Devices.EscPos;
using QueueKiosk.Devices.Printing.Layout;
using QueueKiosk.Devices.Printing.Queue;
using QueueKiosk.Devices.Printing.Status;

namespace QueueKiosk.KioskUi.Printing;

/// <summary>
/// <see cref="ITicketPrinter"/> on the Kiosk.Devices print queue: renders the ticket for the
/// configured printer profile, queues it (on disk before this returns) and waits, bounded, for
/// the queue to report it printed.
/// </summary>
public sealed class QueueTicketPrinter : ITicketPrinter, IDisposable
{
    private readonly ITicketPrintQueue _queue;
    private readonly TicketRenderer _renderer;
    private readonly PrinterProfile _profile;
    private readonly string? _lookupUrlTemplate;
    private readonly ConcurrentDictionary<Guid, TaskCompletionSource> _waiting = new();

    public QueueTicketPrinter(ITicketPrintQueue queue, TicketRenderer renderer, PrinterProfile profile, string? lookupUrlTemplate = null)
    {
        _queue = queue;
        _renderer = renderer;
        _profile = profile;
        _lookupUrlTemplate = string.IsNullOrWhiteSpace(lookupUrlTemplate) ? null : lookupUrlTemplate;
        queue.JobPrinted += OnJobPrinted;
    }

    public PrinterStatusView Status => Map(_queue.State);

    public async Task<PrintOutcome> PrintAsync(TicketPrintRequest ticket, TimeSpan wait, CancellationToken cancellationToken)
    {
        var bytes = _renderer.Render(ToLayout(ticket, _lookupUrlTemplate), _profile);
        var printed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        PrintJobInfo job;
        try
        {
            job = await _queue.EnqueueAsync(bytes, ticket.Number, cancellationToken);
        }
        catch (IOException e)
        {
            return new PrintOutcome(PrintResult.Failed, e.Message);
        }

        _waiting[job.Id] = printed;
        try
        {
            // The job may have printed between EnqueueAsync returning and the registration above.
            if (_queue.State.LastPrinted?.Id == job.Id || (_queue.State.LastPrinted?.Sequence ?? -1) >= job.Sequence)
            {
                return new PrintOutcome(PrintResult.Printed);
            }

            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(wait);
            while (!printed.Task.IsCompleted)
            {
                // Stop waiting as soon as the printer says it cannot print: the citizen should not stand there.
                if (!_queue.State.PrinterStatus.CanPrint() && _queue.State.PrinterStatus != PrinterStatus.None)
                {
                    return new PrintOutcome(PrintResult.Failed, _queue.State.PrinterStatus.Describe(PrinterStatusExtensions.OfficeLanguage));
                }

                try
                {
                    await printed.Task.WaitAsync(TimeSpan.FromMilliseconds(100), timeout.Token);
                }
                catch (TimeoutException)
                {
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    return new PrintOutcome(PrintResult.Pending, _queue.State.LastError);
                }
            }

            return new PrintOutcome(PrintResult.Printed);
        }
        finally
        {
            _waiting.TryRemove(job.Id, out _);
        }
    }

    public void Dispose() => _queue.JobPrinted -= OnJobPrinted;

    public static TicketLayout ToLayout(TicketPrintRequest ticket, string? lookupUrlTemplate = null)
    {
        var wording = TicketWording.For(ticket.Language);
        return new()
        {
            Wording = wording,
            // The hub's tracking link (a secret per ticket) wins; the kiosk's own template is for hubs without a public address.
            LookupUrl = ticket.TrackingUrl ?? (lookupUrlTemplate is null ? null : TicketLayout.FormatLookupUrl(lookupUrlTemplate, ticket.Number)),
            CentreName = ticket.CentreName,
            Header = string.IsNullOrWhiteSpace(ticket.Header) ? null : ticket.Header,
            Notes = string.IsNullOrWhiteSpace(ticket.Footer) ? null : ticket.Footer,
            // The site writes its thank-you in Vietnamese only: an English ticket thanks in English.
            Footer = string.IsNullOrWhiteSpace(ticket.ThankYou) || wording != TicketWording.Vietnamese ? wording.ThankYou : ticket.ThankYou,
            Number = ticket.Number,
            ServiceName = ticket.ServiceName,
            PriorityName = ticket.PriorityText,
            ProcedureName = ticket.ProcedureName,
            Counters = [.. ticket.Counters.Select(c => c.ToString(System.Globalization.CultureInfo.InvariantCulture))],
            PeopleAhead = ticket.PeopleAhead,
            EstimatedWait = TimeSpan.FromMinutes(ticket.EstimatedWaitMinutes),
            IssuedAt = new DateTimeOffset(DateTime.SpecifyKind(ticket.IssuedAtLocal, DateTimeKind.Unspecified), TimeSpan.Zero),
        };
    }

    public static PrinterStatusView Map(PrintQueueState state)
    {
        var status = state.PrinterStatus;
        var detail = state.LastError ?? status.Describe(PrinterStatusExtensions.OfficeLanguage);
        return status switch
        {
            _ when status.HasFlag(PrinterStatus.PaperOut) => new(PrinterCondition.PaperOut, detail),
            _ when status.HasFlag(PrinterStatus.CoverOpen) => new(PrinterCondition.CoverOpen, detail),
            _ when status.HasFlag(PrinterStatus.Disconnected) || status.HasFlag(PrinterStatus.Offline) => new(PrinterCondition.Offline, detail),
            _ when status.HasFlag(PrinterStatus.Error) => new(PrinterCondition.Error, detail),
            _ when status.HasFlag(PrinterStatus.PaperNearEnd) => new(PrinterCondition.PaperLow, detail),
            _ when status.HasFlag(PrinterStatus.Online) => new(PrinterCondition.Ready, state.LastError),
            // Not polled yet (just started): assume it can print; the queue keeps the job if not.
            _ => new(PrinterCondition.Ready, state.LastError),
        };
    }

    private void OnJobPrinted(object? sender, PrintJobInfo job)
    {
        if (_waiting.TryGetValue(job.Id, out var printed))
        {
            printed.TrySetResult();
        }
    }
}
