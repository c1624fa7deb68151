using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Displays;
using QueueKiosk.Devices.Displays.Configuration;

namespace QueueKiosk.CounterDisplay.Leds;

/// <summary>
/// The boards on the RS-485 line ("LedBoards", Kiosk.Devices) plus, in demo mode, virtual boards
/// ("Display:VirtualLedBoards"). A line that cannot be opened is logged and left out, so the
/// TV pages keep working while an installer fixes the cable.
/// </summary>
public sealed partial class CounterBoardSet : ICounterBoardSet, IAsyncDisposable
{
    private readonly LedBoardSet? _line;

    public CounterBoardSet(IServiceProvider services, IOptions<DisplayOptions> display, IOptions<LedBoardsOptions> leds, ILogger<CounterBoardSet> logger)
    {
        ArgumentNullException.ThrowIfNull(services);
        var boards = new List<CounterBoard>();
        if (leds.Value.Boards.Count > 0)
        {
            try
            {
                _line = services.GetRequiredService<LedBoardSet>();
                boards.AddRange(_line.Boards.Select(kv => new CounterBoard(kv.Key, kv.Value)));
            }
            catch (IOException ex)
            {
                LogLineUnavailable(logger, leds.Value.Port.PortName, ex.Message);
            }
        }

        boards.AddRange(display.Value.VirtualLedBoards.Distinct().Select(n =>
            new CounterBoard(n, new VirtualLedBoard($"bảng LED ảo quầy {n}", new DisplayFormat()))));
        Boards = boards;
    }

    public IReadOnlyList<CounterBoard> Boards { get; }

    public ValueTask DisposeAsync() => _line?.DisposeAsync() ?? ValueTask.CompletedTask;

    [LoggerMessage(Level = LogLevel.Error, Message = "LED line {Port} cannot be opened; LED boards stay dark: {Error}")]
    private static partial void LogLineUnavailable(ILogger logger, string port, string error);
}

public static class CounterBoardExtensions
{
    public static IServiceCollection AddCounterBoards(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddLedBoards(configuration);
        services.AddSingleton<ICounterBoardSet, CounterBoardSet>();
        services.AddSingleton<LedBoardHealth>();
        services.AddHostedService<LedBoardDriver>();
        return services;
    }
}
