using System.Threading.Channels;
using Microsoft.Extensions.Options;
using QueueKiosk.CounterDisplay.State;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Realtime;

namespace QueueKiosk.CounterDisplay.Hub;

/// <summary>
/// Keeps <see cref="DisplayState"/> equal to the hub: joins the displays group on every
/// (re)connect, takes a snapshot then, and again whenever a sequence gap shows an event was
/// missed. While the hub is away the state stays as it was, marked disconnected.
/// </summary>
public sealed partial class HubSync(
    IHubConnection connection,
    HubApiClient api,
    DisplayState state,
    IOptions<HubOptions> options,
    ILogger<HubSync> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    // One pending resync is enough: a snapshot taken later includes everything an earlier one would.
    private readonly Channel<bool> resyncRequests = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var siteId = await FindSiteIdAsync(stoppingToken);
        var subscriptions = Subscribe(siteId);
        try
        {
            await connection.StartAsync(stoppingToken);
            await foreach (var unused in resyncRequests.Reader.ReadAllAsync(stoppingToken))
            {
                await ResyncAsync(siteId, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            foreach (var s in subscriptions)
            {
                s.Dispose();
            }
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await connection.StopAsync(cancellationToken);
    }

    private List<IDisposable> Subscribe(Guid siteId)
    {
        connection.StateChanged += OnStateChanged;
        return
        [
            connection.OnConnected((c, ct) => c.InvokeAsync(HubMethods.JoinDisplays, siteId, ct)),
            connection.On<TicketCalledEvent>(HubEvents.TicketCalled, OnEvent),
            connection.On<TicketRecalledEvent>(HubEvents.TicketRecalled, OnEvent),
            connection.On<TicketChangedEvent>(HubEvents.TicketChanged, OnEvent),
            connection.On<TicketIssuedEvent>(HubEvents.TicketIssued, OnEvent),
            connection.On<CounterChangedEvent>(HubEvents.CounterChanged, OnEvent),
            connection.On<QueueStatsEvent>(HubEvents.QueueStats, OnEvent),
            new Unsubscriber(() => connection.StateChanged -= OnStateChanged),
        ];
    }

    private void OnStateChanged(object? sender, HubConnectionStateChangedEventArgs e)
    {
        if (e.Current == HubConnectionState.Connected)
        {
            LogConnected(logger);
            resyncRequests.Writer.TryWrite(true);
        }
        else if (e.Previous == HubConnectionState.Connected)
        {
            LogDisconnected(logger, e.Error?.Message);
            state.SetHubConnected(false);
        }
    }

    private void OnEvent(IHubEvent hubEvent)
    {
        if (state.Apply(hubEvent) == ApplyOutcome.Gap)
        {
            LogGap(logger, hubEvent.Sequence, state.Current.LastSequence);
            resyncRequests.Writer.TryWrite(true);
        }
    }

    private async Task ResyncAsync(Guid siteId, CancellationToken stoppingToken)
    {
        // Bounded: give up after a few attempts; the next reconnect or gap asks again.
        for (var attempt = 1; attempt <= 5 && connection.State == HubConnectionState.Connected; attempt++)
        {
            try
            {
                var snapshot = await api.GetSnapshotAsync(siteId, stoppingToken);
                state.ApplySnapshot(snapshot);
                state.SetHubConnected(connection.State == HubConnectionState.Connected);
                LogSynced(logger, snapshot.LastSequence);
                return;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidDataException && !stoppingToken.IsCancellationRequested)
            {
                LogSnapshotFailed(logger, attempt, ex.Message);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    private async Task<Guid> FindSiteIdAsync(CancellationToken stoppingToken)
    {
        if (options.Value.SiteId is { } configured && configured != Guid.Empty)
        {
            return configured;
        }

        // The display may boot before the server: ask until it answers (the loop ends with the host).
        while (true)
        {
            try
            {
                return await api.GetOwnSiteIdAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidDataException && !stoppingToken.IsCancellationRequested)
            {
                LogSiteLookupFailed(logger, ex.Message);
                await Task.Delay(RetryDelay * 2, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the hub; fetching a snapshot")]
    private static partial void LogConnected(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the hub ({Reason}); showing the last state as disconnected")]
    private static partial void LogDisconnected(ILogger logger, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sequence gap: got {Sequence} after {Last}; fetching a snapshot")]
    private static partial void LogGap(ILogger logger, long sequence, long last);

    [LoggerMessage(Level = LogLevel.Information, Message = "In sync with the hub at sequence {Sequence}")]
    private static partial void LogSynced(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot attempt {Attempt} failed: {Error}")]
    private static partial void LogSnapshotFailed(ILogger logger, int attempt, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot learn this device's site yet: {Error}")]
    private static partial void LogSiteLookupFailed(ILogger logger, string error);

    private sealed class Unsubscriber(Action action) : IDisposable
    {
        public void Dispose() => action();
    }
}
