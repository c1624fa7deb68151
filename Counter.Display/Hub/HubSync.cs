using Microsoft.Extensions.Options;
using QueueKiosk.CounterDisplay.State;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Realtime;
using QueueKiosk.HubClient.Realtime.Resync;
using QueueKiosk.HubClient.Rest;

namespace QueueKiosk.CounterDisplay.Hub;

/// <summary>
/// Keeps <see cref="DisplayState"/> equal to the hub through Hub.Client's <see cref="QueueFeed"/>:
/// a snapshot on every (re)connect and after any sequence gap, events in order in between.
/// While the hub is away the state stays as it was, marked disconnected.
/// </summary>
public sealed partial class HubSync(
    IHubConnection connection,
    DeviceApiClient api,
    DisplayState state,
    IOptions<HubOptions> options,
    ILogger<HubSync> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan SiteNameRefresh = TimeSpan.FromMinutes(2);

    private QueueFeed? _feed;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var siteId = await FindSiteIdAsync(stoppingToken);
        _feed = new QueueFeed(connection, api, new QueueFeedOptions
        {
            SiteId = siteId,
            Logger = logger,
        });
        _feed.SnapshotReceived += snapshot =>
        {
            state.ApplySnapshot(snapshot);
            LogSynced(logger, snapshot.LastSequence);
            return Task.CompletedTask;
        };
        _feed.TicketCalled += Apply;
        _feed.TicketRecalled += Apply;
        _feed.TicketChanged += Apply;
        _feed.TicketIssued += Apply;
        _feed.CounterChanged += Apply;
        _feed.QueueStats += Apply;
        connection.StateChanged += OnStateChanged;
        try
        {
            await connection.StartAsync(stoppingToken);
            // The title follows the site's settings: read at start and again every few minutes (a rename is rare, no event carries it).
            while (!stoppingToken.IsCancellationRequested)
            {
                await RefreshSiteNameAsync(siteId, stoppingToken);
                await Task.Delay(SiteNameRefresh, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            connection.StateChanged -= OnStateChanged;
            _feed.Dispose();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await connection.StopAsync(cancellationToken);
    }

    private Task Apply(IHubEvent hubEvent)
    {
        // The feed already orders events and resyncs on gaps; a gap seen here means it had to pass
        // an event on without a snapshot (the hub answered events but not the snapshot): ask again.
        if (state.Apply(hubEvent) == ApplyOutcome.Gap && _feed is { } f)
        {
            LogGap(logger, hubEvent.Sequence, state.Current.LastSequence);
            _ = ResyncInBackgroundAsync(f);
        }

        return Task.CompletedTask;
    }

    private async Task ResyncInBackgroundAsync(QueueFeed f)
    {
        try
        {
            await f.ResyncAsync();
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or InvalidDataException or ObjectDisposedException)
        {
            LogSnapshotFailed(logger, ex.Message);
        }
    }

    private void OnStateChanged(object? sender, HubConnectionStateChangedEventArgs e)
    {
        // Connected is reached only after the on-connected hook joined the groups and applied a snapshot.
        if (e.Current == HubConnectionState.Connected)
        {
            state.SetHubConnected(true);
        }
        else if (e.Previous == HubConnectionState.Connected)
        {
            LogDisconnected(logger, e.Error?.Message);
            state.SetHubConnected(false);
        }
    }

    private async Task RefreshSiteNameAsync(Guid siteId, CancellationToken stoppingToken)
    {
        try
        {
            var sites = await api.GetSitesAsync(stoppingToken);
            if (sites.FirstOrDefault(s => s.Id == siteId) is { Name.Length: > 0 } site)
            {
                state.SetSiteName(site.Name);
                state.SetSiteLogo(site.LogoUrl is { } logo ? await api.GetLogoAsync(logo, stoppingToken) : null);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidDataException or System.Text.Json.JsonException && !stoppingToken.IsCancellationRequested)
        {
            // The last name known stays up; the next round tries again.
            LogSiteLookupFailed(logger, ex.Message);
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
                var snapshot = await api.GetOwnSnapshotAsync(stoppingToken);
                state.ApplySnapshot(snapshot);
                return snapshot.SiteId;
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidDataException && !stoppingToken.IsCancellationRequested)
            {
                LogSiteLookupFailed(logger, ex.Message);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Lost the hub ({Reason}); showing the last state as disconnected")]
    private static partial void LogDisconnected(ILogger logger, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sequence gap: got {Sequence} after {Last}; fetching a snapshot")]
    private static partial void LogGap(ILogger logger, long sequence, long last);

    [LoggerMessage(Level = LogLevel.Information, Message = "In sync with the hub at sequence {Sequence}")]
    private static partial void LogSynced(ILogger logger, long sequence);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Snapshot failed: {Error}")]
    private static partial void LogSnapshotFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach the hub to learn this device's site yet: {Error}")]
    private static partial void LogSiteLookupFailed(ILogger logger, string error);
}
