using Microsoft.Extensions.Options;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Hub;

namespace QueueKiosk.KioskUi.Catalogue;

/// <summary>Fetches the catalogue at start and then periodically; retries sooner while the hub is down.</summary>
public sealed class CatalogueRefreshService(
    IKioskBackend hub,
    CatalogueStore store,
    IOptions<KioskOptions> options,
    ILogger<CatalogueRefreshService> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var period = TimeSpan.FromSeconds(options.Value.CatalogueRefreshSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            var ok = await RefreshOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(ok ? period : (RetryDelay < period ? RetryDelay : period), stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    public async Task<bool> RefreshOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            var catalogue = await hub.FetchCatalogueAsync(cancellationToken);
            await store.ReplaceAsync(catalogue, cancellationToken);
            return true;
        }
        catch (HubUnavailableException e)
        {
            logger.LogWarning("Catalogue refresh failed, keeping the cached one: {Message}", e.Message);
            return false;
        }
    }
}
