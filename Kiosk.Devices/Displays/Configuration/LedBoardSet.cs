using Microsoft.Extensions.Logging;
using QueueKiosk.Devices.Displays.Framed;
using QueueKiosk.Devices.Displays.Modbus;

namespace QueueKiosk.Devices.Displays.Configuration;

/// <summary>
/// The boards of one RS-485 line, by counter number, built from validated "LedBoards" options.
/// Owns the bus (and through it the port stream).
/// </summary>
public sealed class LedBoardSet : IAsyncDisposable
{
    private readonly LedBus? _bus;

    private LedBoardSet(LedBus? bus, IReadOnlyDictionary<int, ICounterBoard> boards)
    {
        _bus = bus;
        Boards = boards;
    }

    /// <summary>Counter number -> its board.</summary>
    public IReadOnlyDictionary<int, ICounterBoard> Boards { get; }

    public bool TryGetBoard(int counterNumber, out ICounterBoard board) => Boards.TryGetValue(counterNumber, out board!);

    /// <summary>
    /// Opens the line with <paramref name="openPort"/> (a serial port in production, a pty or an
    /// in-memory board in tests) and creates one driver per configured board.
    /// </summary>
    public static LedBoardSet Create(LedBoardsOptions options, Func<Stream> openPort, TimeProvider? timeProvider = null, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(openPort);
        var errors = LedBoardsOptionsValidator.Validate(options, checkPortExists: false);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(Environment.NewLine, errors), nameof(options));
        }

        if (options.Boards.Count == 0)
        {
            return new LedBoardSet(null, new Dictionary<int, ICounterBoard>());
        }

        // Given the opener, the bus reopens the port after a failure (adapter unplugged and back).
        var bus = new LedBus(openPort, options.ToTiming(), timeProvider, logger);
        var boards = new Dictionary<int, ICounterBoard>();
        foreach (var board in options.Boards)
        {
            var format = board.ToDisplayFormat();
            var address = (byte)board.Address;
            boards[board.CounterNumber] = board.ParsedProtocol switch
            {
                LedProtocol.ModbusRtu => new ModbusCounterBoard(bus, address, format, board.Modbus.ToRegisterMap(), $"quầy {board.CounterNumber} (Modbus RTU, địa chỉ {address})", options.Retries),
                _ => new FramedCounterBoard(bus, address, format, $"quầy {board.CounterNumber} (khung STX, địa chỉ {address})", options.Retries),
            };
        }

        return new LedBoardSet(bus, boards);
    }

    public async ValueTask DisposeAsync()
    {
        if (_bus is not null)
        {
            await _bus.DisposeAsync();
        }
    }
}
