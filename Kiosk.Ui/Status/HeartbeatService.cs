using System.Reflection;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Hub;
using QueueKiosk.KioskUi.Printing;

namespace QueueKiosk.KioskUi.Status;

/// <summary>
/// Tells the hub that this kiosk is alive and how its printer is, so a supervisor sees "out of
/// paper" without walking to the kiosk. Reports at once when the printer's state changes.
/// </summary>
public sealed class HeartbeatService(
    IKioskHub hub,
    KioskState state,
    ITicketPrinter printer,
    IOptions<KioskOptions> options,
    ILogger<HeartbeatService> logger) : BackgroundService
{
    // The printer's state is checked this often so a change is reported within a second or two.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private static readonly string Version = typeof(HeartbeatService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);
        var lastSent = DateTime.MinValue;
        PrinterStatusView? lastPrinter = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var status = printer.Status;
            if (status != lastPrinter || DateTime.UtcNow - lastSent >= period)
            {
                // A failed report is retried at the next period, not every second.
                await SendOnceAsync(stoppingToken);
                lastPrinter = status;
                lastSent = DateTime.UtcNow;
            }

            try
            {
                await Task.Delay(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<bool> SendOnceAsync(CancellationToken cancellationToken)
    {
        var view = state.Current();
        var printerStatus = printer.Status;
        var report = new DeviceStatusReport(
            options.Value.Name,
            view.Notice == KioskNotice.None ? "OK" : view.Notice.ToString(),
            printerStatus.Condition.ToString(),
            printerStatus.Condition == PrinterCondition.PaperLow,
            printerStatus.Condition == PrinterCondition.PaperOut,
            printerStatus.Detail,
            view.CatalogueFromCache,
            view.CatalogueFetchedAt,
            Version);
        try
        {
            await hub.ReportStatusAsync(report, cancellationToken);
            return true;
        }
        catch (HubUnavailableException e)
        {
            logger.LogWarning("Heartbeat not delivered: {Message}", e.Message);
            return false;
        }
    }
}
