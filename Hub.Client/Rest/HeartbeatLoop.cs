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
    private readonly Func<CancellationToken, Task> send;
    private readonly HeartbeatLoopOptions options;
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private string? lastFailure;
    private object? watched;

    /// <param name="send">Sends one report (e.g. <c>ct => api.ReportStatusAsync(CurrentReport(), ct)</c>).</param>
    public HeartbeatLoop(Func<CancellationToken, Task> send, HeartbeatLoopOptions options)
    {
        ArgumentNullException.ThrowIfNull(send);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.Period, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.WatchEvery, TimeSpan.Zero);
        this.send = send;
        this.options = options;
    }

    public TimeSpan Period => options.Period;

    /// <summary>Asks for a report now (bursts of calls collapse into one report).</summary>
    public void Wake() => wake.Writer.TryWrite(true);

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
        watched = options.Watch?.Invoke();
        try
        {
            await send(cancellationToken).ConfigureAwait(false);
            if (lastFailure is not null)
            {
                LogDelivered(options.Logger);
                lastFailure = null;
            }

            return true;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or InvalidDataException && !cancellationToken.IsCancellationRequested)
        {
            if (ex.Message != lastFailure)
            {
                LogNotDelivered(options.Logger, ex.Message);
                lastFailure = ex.Message;
            }

            return false;
        }
    }

    private async Task WaitForNextAsync(CancellationToken stoppingToken)
    {
        var time = options.TimeProvider;
        var due = time.GetUtcNow() + options.Period;
        while (true)
        {
            var left = due - time.GetUtcNow();
            if (left <= TimeSpan.Zero)
            {
                return;
            }

            var step = options.Watch is null || left < options.WatchEvery ? left : options.WatchEvery;
            using var stepDone = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var delay = Task.Delay(step, time, stepDone.Token);
            var woken = wake.Reader.WaitToReadAsync(stepDone.Token).AsTask();
            var first = await Task.WhenAny(delay, woken).ConfigureAwait(false);
            await stepDone.CancelAsync().ConfigureAwait(false);
            stoppingToken.ThrowIfCancellationRequested();
            if (first == woken && wake.Reader.TryRead(out _))
            {
                return;
            }

            if (options.Watch is { } watch && !Equals(watch(), watched))
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
