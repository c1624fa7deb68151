using System.Reflection;
using System.Threading.Channels;
using Microsoft.Extensions.Options;
using QueueKiosk.CounterDisplay.Leds;
using QueueKiosk.CounterDisplay.State;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.CounterDisplay.Hub;

/// <summary>
/// Tells the hub that this display host is alive, whether it follows the hub's live feed and
/// which LED boards do not answer, so a supervisor sees "Bảng LED quầy 3 không phản hồi" on the
/// dashboard. Reports every Hub:HeartbeatSeconds and at once when a board fails or recovers.
/// </summary>
public sealed partial class HeartbeatService(
    HubApiClient hub,
    DisplayState state,
    ICounterBoardSet boards,
    LedBoardHealth health,
    IOptions<HubOptions> options,
    ILogger<HeartbeatService> logger) : BackgroundService
{
    /// <summary>The hub accepts at most this many characters of Status.</summary>
    public const int MaxStatusLength = 100;

    private static readonly string Version = typeof(HeartbeatService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "dev";

    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private string? lastFailure;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.HeartbeatSeconds);
        health.Changed += OnHealthChanged;
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await SendOnceAsync(stoppingToken);
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                timeout.CancelAfter(period);
                try
                {
                    await wake.Reader.ReadAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The period is over: time for the regular heartbeat.
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            health.Changed -= OnHealthChanged;
        }
    }

    /// <summary>Sends one heartbeat; false (logged once per distinct failure) when the hub did not take it.</summary>
    public async Task<bool> SendOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await hub.ReportStatusAsync(CurrentReport(), cancellationToken);
            if (lastFailure is not null)
            {
                LogDelivered(logger);
                lastFailure = null;
            }

            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
        {
            if (ex.Message != lastFailure)
            {
                LogNotDelivered(logger, ex.Message);
                lastFailure = ex.Message;
            }

            return false;
        }
    }

    public DeviceStatusReport CurrentReport() => new(
        Environment.MachineName,
        StatusText(state.Current.HubConnected, boards.Boards.Count, health.FailingCounters),
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

    private void OnHealthChanged() => wake.Writer.TryWrite(true);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat not delivered to the hub: {Error}")]
    private static partial void LogNotDelivered(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Heartbeat delivered to the hub again")]
    private static partial void LogDelivered(ILogger logger);
}
