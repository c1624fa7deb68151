using Microsoft.Extensions.Options;

namespace QueueKiosk.HubServer.Queue;

/// <summary>
/// At closing time waiting tickets expire (the citizen comes back another day with a new number);
/// tickets of past days expire too, which is how the queue is empty again after local midnight.
/// </summary>
public sealed class ClosingService(IServiceScopeFactory scopes, IOptions<QueueOptions> options, ILogger<ClosingService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.ClosingCheckSeconds));
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(ex, "Closing check failed; retrying at the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    public async Task RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<QueueEngine>();
        var catalogue = await scope.ServiceProvider.GetRequiredService<CatalogueCache>().GetAsync(ct);
        await engine.RefreshOpenCountersAsync(ct);
        foreach (var siteId in catalogue.Sites.Keys)
        {
            var expired = await engine.ExpireWaitingAsync(siteId, ct);
            if (expired > 0)
            {
                logger.LogInformation("Expired {Count} waiting tickets of site {Site} at closing", expired, siteId);
            }
        }
    }
}
