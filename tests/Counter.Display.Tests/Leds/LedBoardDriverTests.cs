using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using QueueKiosk.CounterDisplay.Leds;
using QueueKiosk.CounterDisplay.State;
using QueueKiosk.CounterDisplay.Tests.State;
using QueueKiosk.Devices.Displays;
using static QueueKiosk.CounterDisplay.Tests.State.Samples;

namespace QueueKiosk.CounterDisplay.Tests.Leds;

public class LedBoardDriverTests
{
    [Fact]
    public async Task BoardThatFails_GetsTheNewestNumberOnceItAnswersAgain()
    {
        var state = new DisplayState(new FakeTimeProvider(T0));
        var board = new FlakyBoard(failures: 2);
        var driver = new LedBoardDriver(state, new BoardList(new CounterBoard(1, board)), NullLogger<LedBoardDriver>.Instance);
        await driver.StartAsync(CancellationToken.None);
        try
        {
            state.ApplySnapshot(Snapshot(0));
            state.Apply(Called(1, "A001", Counter1, 1));
            state.Apply(Called(2, "A002", Counter1, 1));

            Assert.True(await Eventually.TrueAsync(() => board.Shown == "A002"), $"board shows '{board.Shown}' after {board.Attempts} attempts");
            Assert.True(board.Attempts >= 3);
        }
        finally
        {
            await driver.StopAsync(CancellationToken.None);
        }
    }

    [Fact]
    public async Task OtherCountersCalls_DoNotResendToTheBoard()
    {
        var state = new DisplayState(new FakeTimeProvider(T0));
        var board = new FlakyBoard(failures: 0);
        var driver = new LedBoardDriver(state, new BoardList(new CounterBoard(1, board)), NullLogger<LedBoardDriver>.Instance);
        await driver.StartAsync(CancellationToken.None);
        try
        {
            state.ApplySnapshot(Snapshot(0));
            state.Apply(Called(1, "A001", Counter1, 1));
            Assert.True(await Eventually.TrueAsync(() => board.Shown == "A001"));
            var sends = board.Attempts;

            state.Apply(Called(2, "A002", Counter2, 2));
            state.Apply(Called(3, "A003", Counter2, 2));
            // The signal that the driver has dealt with counter 2's calls: counter 1's next call,
            // handled after them. Had they resent to counter 1's board, it would count more sends.
            state.Apply(Called(4, "A004", Counter1, 1));
            Assert.True(await Eventually.TrueAsync(() => board.Shown == "A004"));

            Assert.Equal(sends + 1, board.Attempts);
        }
        finally
        {
            await driver.StopAsync(CancellationToken.None);
        }
    }

    private sealed class BoardList(params CounterBoard[] boards) : ICounterBoardSet
    {
        public IReadOnlyList<CounterBoard> Boards { get; } = boards;
    }

    /// <summary>A board that times out a few times (cable pulled), then works.</summary>
    private sealed class FlakyBoard(int failures) : ICounterBoard
    {
        private int _remainingFailures = failures;
        private int _attempts;

        public string Name => "thử";

        public DisplayFormat Format { get; } = new();

        public string? Shown { get; private set; }

        public int Attempts => Volatile.Read(ref _attempts);

        public Task ShowNumberAsync(int number, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task ShowTextAsync(string text, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _attempts);
            if (Interlocked.Decrement(ref _remainingFailures) >= 0)
            {
                throw new LedBoardTimeoutException(Name, TimeSpan.FromMilliseconds(500), 0);
            }

            Shown = BoardText.FormatText(text, Format);
            return Task.CompletedTask;
        }

        public Task BlankAsync(CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _attempts);
            Shown = BoardText.BlankText(Format);
            return Task.CompletedTask;
        }

        public Task SetBrightnessAsync(int level, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
