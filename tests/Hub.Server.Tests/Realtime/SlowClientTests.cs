using System.Collections.Concurrent;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Realtime;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests.Realtime;

/// <summary>
/// Issue 15 item 9: a display connection that never reads must not hold up anyone else. On real
/// Kestrel, a raw WebSocket with a tiny receive buffer joins the displays and then only pings (so
/// the hub keeps it), while a well-behaved SignalR client in the same group must receive a burst
/// of events many megabytes larger than every buffer between the hub and the stalled client.
/// <para>
/// What proves it is the order of two facts, not a time: the well-behaved client has the whole
/// burst while the stalled one is still connected. A hub that waits for each client before the
/// next event (the code before the fix) can only finish the burst once the stalled client is gone.
/// The hub is given a long allowance here (20 s) so that the two facts are far apart; then the
/// stalled client must be dropped (it would reconnect and resync from the snapshot).
/// </para>
/// </summary>
public sealed class SlowClientTests(Xunit.Abstractions.ITestOutputHelper output) : IAsyncLifetime
{
    private const int Burst = 1500;
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(120);
    private readonly SqliteTestDatabase _database = new();
    private readonly ConnectionWatcher _watcher = new();
    private HubApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new HubApp(_database, kestrel: true,
            settings: new Dictionary<string, string?> { ["Queue:SlowClientAllowanceSeconds"] = "20" },
            testServices: services => services.Configure<HubOptions>(options => options.AddFilter(_watcher)));
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AClientThatNeverReads_DoesNotDelayTheOthers_AndIsDropped()
    {
        var server = _app.ServerAddress;
        using var overall = new CancellationTokenSource(Generous);
        var firstSequence = (await _app.SnapshotAsync()).LastSequence + 1;

        using var stalled = await RawHubConnection.ConnectAsync(server, HubApp.DisplayKey, receiveBufferBytes: 2048);
        var joined = await stalled.InvokeAsync(HubMethods.JoinDisplays, _app.SiteId);
        Assert.False(joined.TryGetProperty("error", out _), joined.ToString());
        stalled.StopReadingButKeepPinging();
        var stalledGone = _watcher.Disconnected(stalled.ConnectionId);

        var received = new HashSet<long>();
        var all = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var normal = new HubConnectionBuilder()
            .WithUrl(new Uri(server, HubRoutes.QueueHub), options => options.Headers[HubRoutes.DeviceKeyHeader] = HubApp.DisplayKey)
            .Build();
        normal.On<CounterChangedEvent>(HubEvents.CounterChanged, e =>
        {
            lock (received)
            {
                if (e.Sequence >= firstSequence && received.Add(e.Sequence) && received.Count == Burst)
                {
                    // Written down at the moment the last event arrives: was the stalled client still there?
                    all.TrySetResult(!stalledGone.IsCompleted);
                }
            }
        });
        await normal.StartAsync(overall.Token);
        await normal.InvokeAsync(HubMethods.JoinDisplays, _app.SiteId, overall.Token);

        // Each event carries ~8 KB: the burst (~12 MB) overflows the stalled client's socket and the hub's buffers many times.
        var notifier = _app.Services.GetRequiredService<HubQueueNotifier>();
        var counter = (await _app.SnapshotAsync()).Counters[0];
        var bulky = counter with { PauseReason = new string('x', 8 * 1024) };
        for (var i = 0; i < Burst; i++)
        {
            notifier.Publish(new CounterChangedEvent(firstSequence + i, _app.SiteId, bulky));
        }

        var stalledWasStillConnected = await all.Task.WaitAsync(overall.Token);
        output.WriteLine($"Whole burst received; the stalled client was {(stalledWasStillConnected ? "still connected" : "already dropped")}");
        Assert.Equal(Burst, received.Count);
        Assert.Equal(firstSequence + Burst - 1, received.Max());
        Assert.True(stalledWasStillConnected, "the well-behaved client got the burst only once the stalled one was gone: it was held up by it");

        // The stalled client does not stay for ever: the hub drops it (a real one reconnects and resyncs).
        await stalledGone.WaitAsync(overall.Token);
        Assert.Equal(HubConnectionState.Connected, normal.State);
    }

    /// <summary>A hub filter that notes when each connection ends.</summary>
    private sealed class ConnectionWatcher : IHubFilter
    {
        private readonly ConcurrentDictionary<string, TaskCompletionSource> _gone = new();

        public Task Disconnected(string connectionId) => Gone(connectionId).Task;

        public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
        {
            try
            {
                await next(context, exception);
            }
            finally
            {
                Gone(context.Context.ConnectionId).TrySetResult();
            }
        }

        private TaskCompletionSource Gone(string connectionId) =>
            _gone.GetOrAdd(connectionId, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
    }
}
