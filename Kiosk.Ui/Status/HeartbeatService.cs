using System.Reflection;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Rest;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Hub;
using QueueKiosk.KioskUi.Printing;

namespace QueueKiosk.KioskUi.Status;

/// <summary>
/// Tells the hub that this kiosk is alive and how its printer is, so a supervisor sees "out of
/// paper" without walking to the kiosk. Hub.Client's <see cref="HeartbeatLoop"/> reports every
/// Kiosk:HeartbeatSeconds and within a second when the printer's state changes.
/// </summary>
public sealed class HeartbeatService : BackgroundService
{
    private static readonly string Version = typeof(HeartbeatService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    private readonly KioskState _state;
    private readonly ITicketPrinter _printer;
    private readonly IOptions<KioskOptions> _options;
    private readonly HeartbeatLoop _loop;

    public HeartbeatService(
        IKioskBackend backend,
        KioskState state,
        ITicketPrinter printer,
        IOptions<KioskOptions> options,
        TimeProvider time,
        ILogger<HeartbeatService> logger)
    {
        ArgumentNullException.ThrowIfNull(backend);
        ArgumentNullException.ThrowIfNull(options);
        _state = state;
        _printer = printer;
        _options = options;
        _loop = new HeartbeatLoop(ct => backend.ReportStatusAsync(CurrentReport(), ct), new HeartbeatLoopOptions
        {
            Period = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds),
            TimeProvider = time,
            // The printer's state is read this often so a change is reported within a second or two.
            Watch = () => printer.Status,
            WatchEvery = TimeSpan.FromSeconds(1),
            Logger = logger,
        });
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => _loop.RunAsync(stoppingToken);

    public Task<bool> SendOnceAsync(CancellationToken cancellationToken) => _loop.SendOnceAsync(cancellationToken);

    public DeviceStatusReport CurrentReport()
    {
        var view = _state.Current();
        var printerStatus = _printer.Status;
        return new DeviceStatusReport(
            _options.Value.Name,
            view.Notice == KioskNotice.None ? "OK" : view.Notice.ToString(),
            printerStatus.Condition.ToString(),
            printerStatus.Condition == PrinterCondition.PaperLow,
            printerStatus.Condition == PrinterCondition.PaperOut,
            printerStatus.Detail,
            view.CatalogueFromCache,
            view.CatalogueFetchedAt,
            Version);
    }
}
