using QueueKiosk.Devices.Displays;

namespace QueueKiosk.CounterDisplay.Leds;

/// <summary>
/// The demo's LED board: lays text out exactly like a real board (same <see cref="BoardText"/>
/// rules) and keeps what it shows, which /leds reports, instead of sending it down a wire.
/// </summary>
public sealed class VirtualLedBoard(string name, DisplayFormat format) : ICounterBoard
{
    private volatile string _shown = BoardText.BlankText(format);

    public string Name { get; } = name;

    public DisplayFormat Format { get; } = format;

    /// <summary>Exactly the characters lit now, one per digit.</summary>
    public string Shown => _shown;

    public int Brightness { get; private set; } = 9;

    public Task ShowNumberAsync(int number, CancellationToken cancellationToken = default)
    {
        _shown = BoardText.FormatNumber(number, Format);
        return Task.CompletedTask;
    }

    public Task ShowTextAsync(string text, CancellationToken cancellationToken = default)
    {
        _shown = BoardText.FormatText(text, Format);
        return Task.CompletedTask;
    }

    public Task BlankAsync(CancellationToken cancellationToken = default)
    {
        _shown = BoardText.BlankText(Format);
        return Task.CompletedTask;
    }

    public Task SetBrightnessAsync(int level, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 9);
        Brightness = level;
        return Task.CompletedTask;
    }
}
