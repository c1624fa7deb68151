using QueueKiosk.Devices.Displays;

namespace QueueKiosk.CounterDisplay.Leds;

/// <summary>
/// One LED board as the /leds picture draws it. <paramref name="Shown"/> is exactly the characters
/// lit (null: nothing written to it yet); <paramref name="Segments"/> the seven-segment pattern of
/// each digit as the board's firmware draws it (<see cref="SevenSegment"/>: bit 0 = a … bit 6 = g).
/// </summary>
public sealed record LedBoardView(
    int Counter,
    string Board,
    int Digits,
    string? Shown,
    IReadOnlyList<int> Segments,
    bool Virtual,
    bool Answering);

public static class LedBoardsView
{
    /// <summary>
    /// Virtual boards report what they show; boards on the wire what the driver last wrote to them
    /// successfully (<see cref="LedBoardHealth"/>), so a dead board keeps its last number, as it would.
    /// </summary>
    public static IReadOnlyList<LedBoardView> Of(ICounterBoardSet boards, LedBoardHealth health)
    {
        ArgumentNullException.ThrowIfNull(boards);
        ArgumentNullException.ThrowIfNull(health);
        var failing = health.FailingCounters;
        return [.. boards.Boards.Select(b =>
        {
            var isVirtual = b.Board is VirtualLedBoard;
            var shown = b.Board is VirtualLedBoard v ? v.Shown : health.ShownOn(b.CounterNumber);
            return new LedBoardView(b.CounterNumber, b.Board.Name, b.Board.Format.Digits, shown, Segments(shown, b.Board.Format.Digits),
                isVirtual, !failing.Contains(b.CounterNumber));
        })];
    }

    private static int[] Segments(string? shown, int digits)
    {
        var text = (shown ?? "").PadRight(digits);
        return [.. text.Select(c => SevenSegment.IsSupported(c) ? (int)SevenSegment.Encode(c) : SevenSegment.Blank)];
    }
}
