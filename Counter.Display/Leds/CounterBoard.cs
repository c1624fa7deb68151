using QueueKiosk.Devices.Displays;

namespace QueueKiosk.CounterDisplay.Leds;

/// <summary>An LED board and the counter whose number it shows.</summary>
public sealed record CounterBoard(int CounterNumber, ICounterBoard Board);

/// <summary>The boards this host drives, built from configuration ("LedBoards") at start.</summary>
public interface ICounterBoardSet
{
    IReadOnlyList<CounterBoard> Boards { get; }
}
