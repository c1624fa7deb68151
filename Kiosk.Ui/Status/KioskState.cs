using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Schedule;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Hub;
using QueueKiosk.KioskUi.Printing;

namespace QueueKiosk.KioskUi.Status;

/// <summary>
/// What is wrong right now, if anything, as one notice the screens show in one sentence
/// (the most important first) and the heartbeat reports to the hub.
/// </summary>
public sealed class KioskState(CatalogueStore catalogue, HubLink hub, ITicketPrinter printer, IOptions<KioskOptions> options, TimeProvider time)
{
    public KioskStateView Current()
    {
        var current = catalogue.Current;
        var now = time.GetUtcNow();
        // Open by the site's hours, or by the hub's last word (a hub set to ignore hours says open).
        var hours = current is null ? null : OpeningHours.Of(current.Site);
        var open = current is null || options.Value.IgnoreOpeningHours || hours!.IsOpen(now.UtcDateTime) || current.HubSaidOpen;
        var next = open ? null : hours!.NextOpening(now.UtcDateTime)?.Local;
        var status = printer.Status;

        var notice = !hub.IsReachable || current is null ? KioskNotice.HubUnavailable
            : !open ? KioskNotice.Closed
            : status.Condition == PrinterCondition.PaperOut ? KioskNotice.PaperOut
            : !status.CanPrint ? KioskNotice.PrinterUnavailable
            : KioskNotice.None;

        return new KioskStateView(
            notice,
            open,
            next?.ToString("HH:mm dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture),
            hub.IsReachable,
            status.Condition,
            status.Detail,
            current is not null,
            catalogue.IsFromCache,
            current?.FetchedAt);
    }
}

public enum KioskNotice
{
    None,
    HubUnavailable,
    Closed,
    PaperOut,
    PrinterUnavailable,
}

public sealed record KioskStateView(
    KioskNotice Notice,
    bool IsOpen,
    string? OpensAt,
    bool HubReachable,
    PrinterCondition Printer,
    string? PrinterDetail,
    bool HasCatalogue,
    bool CatalogueFromCache,
    DateTimeOffset? CatalogueFetchedAt)
{
    /// <summary>Whether "take a number" can work at all now (lookups always can).</summary>
    public bool CanIssue => HubReachable && IsOpen && HasCatalogue;
}
