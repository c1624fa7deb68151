using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QueueKiosk.Devices.Camera;

/// <summary>
/// The cameras of a host, built from configuration: starts each <see cref="CameraFeed"/> with the
/// host, runs recording retention periodically, and stops every ffmpeg when the host stops.
/// </summary>
public sealed class CameraRegistry : IHostedService, IAsyncDisposable
{
    private readonly Dictionary<string, CameraFeed> _byId;
    private readonly ILogger _log;
    private readonly TimeProvider _time;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _retentionLoops = [];
    private int _disposed;

    public CameraRegistry(IOptions<CamerasOptions> options, ILoggerFactory loggerFactory, TimeProvider? time = null)
    {
        _log = loggerFactory.CreateLogger<CameraRegistry>();
        _time = time ?? TimeProvider.System;
        Feeds = [.. options.Value.Cameras.Select(o => new CameraFeed(o, loggerFactory.CreateLogger<CameraFeed>(), _time))];
        _byId = Feeds.ToDictionary(f => f.Id, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>All cameras in configuration order.</summary>
    public IReadOnlyList<CameraFeed> Feeds { get; }

    public CameraFeed? Find(string cameraId) => _byId.GetValueOrDefault(cameraId);

    public IReadOnlyList<CameraHealth> GetHealth() => [.. Feeds.Select(f => f.GetHealth())];

    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var feed in Feeds)
        {
            feed.Start();
            if (feed.Recordings is { } store)
                _retentionLoops.Add(Task.Run(() => RunRetentionLoopAsync(store, TimeSpan.FromSeconds(feed.Options.RetentionIntervalSeconds), _stop.Token), CancellationToken.None));
        }
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>Applies retention to every camera now; returns how many segments were deleted.</summary>
    public int ApplyRetentionNow() => Feeds.Sum(f => f.Recordings is { } store ? ApplyRetention(store) : 0);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _stop.CancelAsync();
        await Task.WhenAll(_retentionLoops);
        await Task.WhenAll(Feeds.Select(f => f.DisposeAsync().AsTask()));
        _stop.Dispose();
    }

    private async Task RunRetentionLoopAsync(RecordingStore store, TimeSpan interval, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(interval, _time);
        try
        {
            do
            {
                ApplyRetention(store);
            }
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException)
        {
        }
    }

    private int ApplyRetention(RecordingStore store)
    {
        try
        {
            var deleted = store.ApplyRetention();
            if (deleted.Count > 0)
                _log.LogInformation("Camera {CameraId}: retention deleted {Count} segments ({Megabytes:0.0} MB), oldest {Oldest:u}",
                    store.CameraId, deleted.Count, deleted.Sum(s => s.SizeBytes) / 1048576.0, deleted[0].StartUtc);
            return deleted.Count;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _log.LogWarning(ex, "Camera {CameraId}: retention could not list {Folder}", store.CameraId, store.Folder);
            return 0;
        }
    }
}
