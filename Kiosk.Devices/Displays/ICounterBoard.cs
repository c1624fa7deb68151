namespace QueueKiosk.Devices.Displays;

/// <summary>
/// One LED counter board: the number over a counter. Implementations differ only in the wire
/// protocol; callers never see frames. Every call either completes once the board confirmed it,
/// or throws (<see cref="LedBoardTimeoutException"/> when the board is silent,
/// <see cref="LedBoardException"/> when it answered with an error or a corrupt reply).
/// </summary>
public interface ICounterBoard
{
    /// <summary>Human-readable name used in every error, e.g. "quầy 3 (Modbus RTU, địa chỉ 3)".</summary>
    string Name { get; }

    /// <summary>How many digits the board has, whether it pads with zeros, what blank looks like.</summary>
    DisplayFormat Format { get; }

    /// <summary>Shows a number, padded to the board's digit count.</summary>
    Task ShowNumberAsync(int number, CancellationToken cancellationToken = default);

    /// <summary>Shows a ticket text such as "15", "015" or "A015" (digits, a few letters, '-', ' ').</summary>
    Task ShowTextAsync(string text, CancellationToken cancellationToken = default);

    /// <summary>Shows the configured blank state (all dark, or dashes).</summary>
    Task BlankAsync(CancellationToken cancellationToken = default);

    /// <summary>Sets brightness, 0 (dimmest) to 9 (brightest). Boards without brightness throw NotSupportedException.</summary>
    Task SetBrightnessAsync(int level, CancellationToken cancellationToken = default);
}
