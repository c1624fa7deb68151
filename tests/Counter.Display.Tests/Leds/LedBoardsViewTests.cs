using QueueKiosk.CounterDisplay.Leds;
using QueueKiosk.Devices.Displays;

namespace QueueKiosk.CounterDisplay.Tests.Leds;

/// <summary>What the /leds picture is drawn from: each board's lit characters and their seven segments.</summary>
public class LedBoardsViewTests
{
    [Fact]
    public async Task VirtualBoard_ItsShownTextAndTheSegmentsTheBoardsUse()
    {
        var board = new VirtualLedBoard("bảng LED ảo quầy 2", new DisplayFormat());
        await board.ShowTextAsync("A15");

        var view = Assert.Single(LedBoardsView.Of(new BoardList(new CounterBoard(2, board)), new LedBoardHealth()));

        Assert.Equal(2, view.Counter);
        Assert.True(view.Virtual);
        Assert.True(view.Answering);
        Assert.Equal("A015", view.Shown);
        Assert.Equal([SevenSegment.Encode('A'), SevenSegment.Encode('0'), SevenSegment.Encode('1'), SevenSegment.Encode('5')], view.Segments.Select(s => (byte)s));
    }

    [Fact]
    public void BoardOnTheWire_WhatWasLastWritten_AndWhetherItAnswers()
    {
        var health = new LedBoardHealth();
        var boards = new BoardList(new CounterBoard(1, new WireBoard(new DisplayFormat(Digits: 3))));

        var before = Assert.Single(LedBoardsView.Of(boards, health));
        Assert.Null(before.Shown);
        Assert.Equal([0, 0, 0], before.Segments);

        health.RecordShown(1, "B07");
        health.Report(1, ok: false);
        var after = Assert.Single(LedBoardsView.Of(boards, health));
        Assert.False(after.Virtual);
        Assert.False(after.Answering);
        Assert.Equal("B07", after.Shown);
        Assert.Equal(3, after.Segments.Count);
        Assert.Equal(SevenSegment.Encode('7'), (byte)after.Segments[2]);
    }

    private sealed class BoardList(params CounterBoard[] boards) : ICounterBoardSet
    {
        public IReadOnlyList<CounterBoard> Boards { get; } = boards;
    }

    /// <summary>A board on the wire as the view sees it: not virtual, so what it shows comes from the driver's record.</summary>
    private sealed class WireBoard(DisplayFormat format) : ICounterBoard
    {
        public string Name => "quầy 1 (Framed, địa chỉ 1)";

        public DisplayFormat Format { get; } = format;

        public Task ShowNumberAsync(int number, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task ShowTextAsync(string text, CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task BlankAsync(CancellationToken cancellationToken = default) => Task.CompletedTask;

        public Task SetBrightnessAsync(int level, CancellationToken cancellationToken = default) => Task.CompletedTask;
    }
}
