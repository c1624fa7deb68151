using System.Collections.Concurrent;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Queue;

/// <summary>
/// Waiting estimate per service: people ahead x recent mean service time / open counters serving
/// the service. The mean is an exponential moving average of finished services (recent ones count
/// most), starting from the service's configured default.
/// </summary>
public sealed class WaitEstimator
{
    private const double Smoothing = 0.2;
    private readonly ConcurrentDictionary<Guid, double> _meanSeconds = new();
    private volatile IReadOnlyDictionary<Guid, int> _openCounters = new Dictionary<Guid, int>();

    public void ObserveService(Guid serviceId, TimeSpan duration)
    {
        var seconds = Math.Clamp(duration.TotalSeconds, 5, 4 * 3600);
        _meanSeconds.AddOrUpdate(serviceId, seconds, (_, mean) => mean + (Smoothing * (seconds - mean)));
    }

    public void SetOpenCounters(IReadOnlyDictionary<Guid, int> openCountersByService) => _openCounters = openCountersByService;

    public double MeanServiceSeconds(Service service) =>
        _meanSeconds.TryGetValue(service.Id, out var mean) ? mean : service.DefaultServiceSeconds;

    public int OpenCounters(Guid serviceId) => _openCounters.GetValueOrDefault(serviceId);

    public int EstimateMinutes(Service service, int peopleAhead)
    {
        if (peopleAhead <= 0)
        {
            return 0;
        }

        var counters = Math.Max(1, OpenCounters(service.Id));
        return (int)Math.Ceiling(peopleAhead * MeanServiceSeconds(service) / counters / 60.0);
    }
}
