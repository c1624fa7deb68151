using QueueKiosk.KioskUi.Hub;

namespace QueueKiosk.KioskUi.Status;

/// <summary>
/// Asks the hub "can you work" every <see cref="Period"/> (its readiness route: one small query),
/// so <see cref="HubLink"/> turns within about a second when the hub stops or comes back. The
/// screens read the link through /kiosk-api/state and disable "Lấy số" before a citizen starts
/// (issue 10 item 6): the heartbeat alone comes every Kiosk:HeartbeatSeconds, far too seldom.
/// </summary>
public sealed class HubProbeService(IServiceScopeFactory scopes, TimeProvider time) : BackgroundService
{
    /// <summary>Time between probes; with the screens' own state poll the kiosk knows within 2 s.</summary>
    public static readonly TimeSpan Period = TimeSpan.FromSeconds(1);

    /// <summary>A hub slower than this to say it is alive counts as down (a stopped process answers at once with a refusal).</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(900);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            await ProbeOnceAsync(stoppingToken);
            try
            {
                await Task.Delay(Period, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One probe; the backend records the answer (or its absence) in <see cref="HubLink"/>.</summary>
    public async Task ProbeOnceAsync(CancellationToken stoppingToken)
    {
        // The backend is transient (it wraps the typed HttpClient): a scope per probe returns its handler.
        using var scope = scopes.CreateScope();
        var backend = scope.ServiceProvider.GetRequiredService<IKioskBackend>();
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        bounded.CancelAfter(Timeout);
        try
        {
            await backend.PingAsync(bounded.Token);
        }
        catch (HubUnavailableException)
        {
            // Already recorded in HubLink by the backend; the screens show the one sentence.
        }
    }
}
