using Microsoft.AspNetCore.SignalR;

namespace QueueKiosk.HubServer.Realtime.ScaleOut;

/// <summary>
/// Acts on the Redis link's changes (docs/province.md, "Scale-out"): when it drops, this node's
/// dashboards are told (they reload by snapshot every few seconds and show why); when it is back,
/// the connections served without it are closed so they reconnect through Redis and resync.
/// </summary>
public sealed class BackplaneWatch(
    BackplaneStatus backplane,
    HubLifetimeManager<QueueHub> manager,
    ILogger<BackplaneWatch> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (manager is not ResilientHubLifetimeManager<QueueHub> resilient)
        {
            return;
        }

        var lastUp = true;
        var changed = new SemaphoreSlim(0);
        backplane.Changed += _ => changed.Release();
        while (!stoppingToken.IsCancellationRequested)
        {
            // Redis raises one event per connection it holds: act on the state, not on each event.
            await changed.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            var up = backplane.IsUp;
            if (up == lastUp)
            {
                continue;
            }

            lastUp = up;
            try
            {
                if (up)
                {
                    var closed = resilient.CloseConnectionsServedLocally();
                    logger.LogWarning("Redis backplane is back; {Closed} connection(s) served without it reconnect through it", closed);
                }
                else
                {
                    logger.LogWarning("Redis backplane lost; this node serves its own clients only until it is back");
                }

                await resilient.TellSupervisorsAsync(up, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning(ex, "Telling the dashboards about the Redis link failed");
            }
        }
    }
}
