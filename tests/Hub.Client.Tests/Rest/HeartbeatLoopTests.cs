using System.Threading.Channels;
using QueueKiosk.HubClient.Rest;
using QueueKiosk.HubClient.Tests.Infrastructure;

namespace QueueKiosk.HubClient.Tests.Rest;

/// <summary>
/// The heartbeat loop on a manual clock: each report records the clock's time when it was sent, so
/// the tests prove when reports go out without measuring real time.
/// </summary>
public sealed class HeartbeatLoopTests : IAsyncDisposable
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 1, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(30);

    private readonly ManualClock _clock = new(Start);
    private readonly Channel<DateTimeOffset> _sent = Channel.CreateUnbounded<DateTimeOffset>();
    private readonly CancellationTokenSource _stop = new();
    private Task? _running;

    [Fact]
    public async Task Reports_AtOnce_ThenEveryPeriod_OnTheInjectedClock()
    {
        Run(NewLoop());

        await ExpectAtOnceThenEveryPeriodAsync(periods: 2);
    }

    [Fact]
    public async Task Wake_ReportsAtOnce_WithoutWaitingForThePeriod()
    {
        var loop = NewLoop();
        Run(loop);
        Assert.Equal(Start, await NextAsync());
        await WaitingAsync();

        _clock.Advance(TimeSpan.FromSeconds(5));
        loop.Wake();

        Assert.Equal(Start + TimeSpan.FromSeconds(5), await NextAsync());
    }

    [Fact]
    public async Task ChangeOfTheWatchedValue_IsReportedAtTheNextWatch()
    {
        var printer = "Ready";
        Run(NewLoop(watch: () => printer));
        Assert.Equal(Start, await NextAsync());

        // Unchanged: the watch ticks pass without a report, the period's end brings the next one.
        for (var i = 0; i < 30; i++)
        {
            await WaitingAsync();
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        Assert.Equal(Start + Period, await NextAsync());

        await WaitingAsync();
        _clock.Advance(TimeSpan.FromSeconds(1));
        await WaitingAsync();
        printer = "PaperOut";
        _clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(Start + Period + TimeSpan.FromSeconds(2), await NextAsync());
    }

    [Fact]
    public async Task HubThatDoesNotAnswer_IsRetriedAtTheNextPeriod_AndNeverStopsTheLoop()
    {
        var failures = 2;
        Run(NewLoop(failFirst: () => failures-- > 0));

        await ExpectAtOnceThenEveryPeriodAsync(periods: 2);
        Assert.False(_running!.IsCompleted);
    }

    [Fact]
    public async Task SendOnce_SaysWhetherTheHubTookTheReport()
    {
        var fail = true;
        var loop = NewLoop(failFirst: () => fail);

        Assert.False(await loop.SendOnceAsync(CancellationToken.None));
        fail = false;
        Assert.True(await loop.SendOnceAsync(CancellationToken.None));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_running is not null)
        {
            await _running;
        }

        _stop.Dispose();
    }

    private HeartbeatLoop NewLoop(Func<object?>? watch = null, Func<bool>? failFirst = null) =>
        new(_ =>
        {
            // Recorded also when it fails: the attempt's time is what the tests check.
            _sent.Writer.TryWrite(_clock.GetUtcNow());
            return failFirst?.Invoke() == true
                ? Task.FromException(new HttpRequestException("hub unreachable"))
                : Task.CompletedTask;
        }, new HeartbeatLoopOptions { Period = Period, TimeProvider = _clock, Watch = watch });

    private async Task ExpectAtOnceThenEveryPeriodAsync(int periods)
    {
        Assert.Equal(Start, await NextAsync());
        for (var i = 1; i <= periods; i++)
        {
            await WaitingAsync();
            _clock.Advance(Period);
            Assert.Equal(Start + (i * Period), await NextAsync());
        }
    }

    private void Run(HeartbeatLoop loop) => _running = loop.RunAsync(_stop.Token);

    private Task<DateTimeOffset> NextAsync() => Eventually.Within(_sent.Reader.ReadAsync().AsTask(), "a heartbeat");

    private Task WaitingAsync() => Eventually.True(() => _clock.Waiters > 0, "the loop waiting on the clock");
}
