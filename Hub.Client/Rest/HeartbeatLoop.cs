using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace QueueKiosk.HubClient.Rest;

/// <summary>
/// The heartbeat of a device (kiosk, display host): one report at once, then one every
/// <see cref="Period"/>, and one at once when <see cref="Wake"/> is called or the watched value
/// (e.g. the printer's state, checked every <see cref="HeartbeatLoopOptions.WatchEvery"/>) changes.
/// All waiting goes through the injected TimeProvider. A report the hub did not take is logged once
/// per distinct failure and retried at the next period, not sooner.
/// </summary>
public sealed partial class HeartbeatLoop
{
    private readonly Func<CancellationToken, Task> _send;
    private readonly HeartbeatLoopOptions _options;
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private string? _lastFailure;
    private object? _watched;

    /// <param name="send">Sends one report (e.g. <c>ct => api.ReportStatusAsync(CurrentReport(), ct)</c>).</param>
    public HeartbeatLoop(Func<CancellationToken, Task> send, HeartbeatLoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Period, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.WatchEvery, TimeSpan.Zero);
        _send = send;
        _options = options;
    }

    public TimeSpan Period => _options.Period;

    /// <summary>Asks for a report now (bursts of calls collapse into one report).</summary>
    public void Wake() => _wake.Writer.TryWrite(true);

    /// <summary>Runs until <paramref name="stoppingToken"/> is cancelled; never throws for a hub that does not answer.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                await SendOnceAsync(stoppingToken).ConfigureAwait(false);
                await WaitForNextAsync(stoppingToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>Sends one report; false when the hub did not take it.</summary>
    public async Task<bool> SendOnceAsync(CancellationToken cancellationToken)
    {
        _watched = _options.Watch?.Invoke();
        try
        {
            await _send(cancellationToken).ConfigureAwait(false);
            if (_lastFailure is not null)
            {
                LogDelivered(_options.Logger);
                _lastFailure = null;
            }

            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidDataException && !cancellationToken.IsCancellationRequested)
        {
            if (ex.Message != _lastFailure)
            {
                LogNotDelivered(_options.Logger, ex.Message);
                _lastFailure = ex.Message;
            }

            return false;
        }
    }

    private async Task WaitForNextAsync(CancellationToken stoppingToken)
    {
        var time = _options.TimeProvider;
        var due = time.GetUtcNow() + _options.Period;
        while (true)
        {
            var left = due - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            var step = _options.Watch is null || left < _options.WatchEvery ? left : _options.WatchEvery;
            using var stepDone = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(step, time, stepDone.Token);
            var woken = _wake.Reader.WaitToReadAsync(stepDone.Token).AsTask();
            var first = await Task.WhenAny(delay, woken).ConfigureAwait(false);
            await stepDone.CancelAsync().ConfigureAwait(false);
            stoppingToken.ThrowIfCancellationRequested();
            if (first == woken && _wake.Reader.TryRead(out _))
            {
                return;
            }

            if (_options.Watch is { } watch && !Equals(watch(), _watched))
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat not delivered to the hub: {Error}")]
    private static partial void LogNotDelivered(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Heartbeat delivered to the hub again")]
    private static partial void LogDelivered(ILogger logger);
}

public sealed class HeartbeatLoopOptions
{
    /// <summary>Time between regular reports (the devices' HeartbeatSeconds).</summary>
    public required TimeSpan Period { get; init; }

    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>A value whose change (by Equals) is reported at once, e.g. the printer's state; null for none.</summary>
    public Func<object?>? Watch { get; init; }

    /// <summary>How often <see cref="Watch"/> is read: a change is reported within this time.</summary>
    public TimeSpan WatchEvery { get; init; } = TimeSpan.FromSeconds(1);

    public ILogger Logger { get; init; } = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
}
