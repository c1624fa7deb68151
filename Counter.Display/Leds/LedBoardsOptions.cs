using QueueKiosk.Devices.Displays;

namespace QueueKiosk.CounterDisplay.Leds;

/// <summary>
/// The LED boards of the hall (configuration section "LedBoards"). In demo mode, Virtual lists
/// the counters that get a virtual board (shown at /leds) instead of a board on a wire.
/// </summary>
public sealed class LedBoardsOptions
{
    public const string Section = "LedBoards";

    public List<int> Virtual { get; set; } = [];

    public int VirtualDigits { get; set; } = 4;
}

/// <summary>Virtual boards only (demo mode and tests).</summary>
public sealed class VirtualCounterBoardSet : ICounterBoardSet
{
    public VirtualCounterBoardSet(LedBoardsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Boards = options.Virtual
            .Distinct()
            .Select(n => new CounterBoard(n, new VirtualLedBoard($"bảng LED ảo quầy {n}", new DisplayFormat(options.VirtualDigits))))
            .ToList();
    }

    public IReadOnlyList<CounterBoard> Boards { get; }
}
