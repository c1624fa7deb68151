using System.Reflection;
using Microsoft.Extensions.Options;
using QueueKiosk.CounterDisplay.Leds;
using QueueKiosk.CounterDisplay.State;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Rest;

namespace QueueKiosk.CounterDisplay.Hub;

/// <summary>
/// Tells the hub that this display host is alive, whether it follows the hub's live feed and
/// which LED boards do not answer, so a supervisor sees "Bảng LED quầy 3 không phản hồi" on the
/// dashboard. Reports every Hub:HeartbeatSeconds and at once when a board fails or recovers.
/// </summary>
public sealed class HeartbeatService : BackgroundService
{
    /// <summary>The hub accepts at most this many characters of Status.</summary>
    public const int MaxStatusLength = 100;

    private static readonly string Version = typeof(HeartbeatService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    private readonly DisplayState _state;
    private readonly ICounterBoardSet _boards;
    private readonly LedBoardHealth _health;
    private readonly HeartbeatLoop _loop;

    public HeartbeatService(
        DeviceApiClient api,
        DisplayState state,
        ICounterBoardSet boards,
        LedBoardHealth health,
        IOptions<HubOptions> options,
        TimeProvider time,
        ILogger<HeartbeatService> logger)
    {
        ArgumentNullException.ThrowIfNull(api);
        ArgumentNullException.ThrowIfNull(options);
        _state = state;
        _boards = boards;
        _health = health;
        _loop = new HeartbeatLoop(ct => api.ReportStatusAsync(CurrentReport(), ct), new HeartbeatLoopOptions
        {
            Period = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds),
            TimeProvider = time,
            Logger = logger,
        });
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _health.Changed += _loop.Wake;
        try
        {
            await _loop.RunAsync(stoppingToken);
        }
        finally
        {
            _health.Changed -= _loop.Wake;
        }
    }

    /// <summary>Sends one heartbeat; false (logged once per distinct failure) when the hub did not take it.</summary>
    public Task<bool> SendOnceAsync(CancellationToken cancellationToken) => _loop.SendOnceAsync(cancellationToken);

    public DeviceStatusReport CurrentReport() => new(
        Environment.MachineName,
        StatusText(_state.Current.HubConnected, _boards.Boards.Count, _health.FailingCounters),
        "NotConfigured",
        PaperLow: false,
        PaperOut: false,
        "Không có máy in / no printer",
        CatalogueFromCache: false,
        CatalogueFetchedAt: null,
        Version);

    /// <summary>E.g. "Đã kết nối hub; Bảng LED quầy 3 không phản hồi", at most <see cref="MaxStatusLength"/> characters.</summary>
    public static string StatusText(bool hubConnected, int boardCount, IReadOnlyList<int> failingCounters)
    {
        ArgumentNullException.ThrowIfNull(failingCounters);
        var hubPart = hubConnected ? "Đã kết nối hub" : "Mất kết nối hub";
        var ledPart = failingCounters.Count switch
        {
            0 when boardCount == 0 => "không có bảng LED",
            0 => $"{boardCount} bảng LED hoạt động tốt",
            1 => $"Bảng LED quầy {failingCounters[0]} không phản hồi",
            _ => $"Bảng LED quầy {string.Join(", ", failingCounters)} không phản hồi",
        };
        var text = $"{hubPart}; {ledPart}";
        return text.Length <= MaxStatusLength ? text : string.Concat(text.AsSpan(0, MaxStatusLength - 1), "…");
    }
}
