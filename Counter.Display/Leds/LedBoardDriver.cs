using System.Threading.Channels;
using QueueKiosk.CounterDisplay.State;
using QueueKiosk.Devices.Displays;

namespace QueueKiosk.CounterDisplay.Leds;

/// <summary>
/// Makes every LED board show its counter's current ticket (or blank). Always works from the
/// newest view, sends only what changed, and retries a board that failed, so a board that was
/// unplugged shows the right number as soon as it answers again. A board is blanked only after
/// the counter stayed empty for <see cref="BlankHold"/>: "finish" is usually followed at once by
/// "call next", and a blank frame on the shared line would only delay the new number.
/// </summary>
public sealed partial class LedBoardDriver : BackgroundService
{
    public static readonly TimeSpan BlankHold = TimeSpan.FromMilliseconds(300);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly DisplayState _state;
    private readonly ICounterBoardSet _boards;
    private readonly ILogger<LedBoardDriver> _logger;
    private readonly LedBoardHealth? _health;
    private readonly Dictionary<CounterBoard, string?> _sent = [];
    private readonly Dictionary<CounterBoard, DateTime> _blankDue = [];
    private readonly Channel<bool> _wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public LedBoardDriver(DisplayState state, ICounterBoardSet boards, ILogger<LedBoardDriver> logger, LedBoardHealth? health = null)
    {
        _state = state;
        _boards = boards;
        _logger = logger;
        _health = health;
        state.Changed += _ => _wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (_boards.Boards.Count == 0)
        {
            return;
        }

        _wake.Writer.TryWrite(true);
        try
        {
            while (await _wake.Reader.WaitToReadAsync(stoppingToken))
            {
                _wake.Reader.TryRead(out _);
                if (!await UpdateAllAsync(_state.Current, stoppingToken))
                {
                    await Task.Delay(RetryDelay, stoppingToken);
                    _wake.Writer.TryWrite(true);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>True when every board shows what it should.</summary>
    private async Task<bool> UpdateAllAsync(HallView view, CancellationToken cancellationToken)
    {
        var tickets = view.Counters.ToDictionary(c => c.Number, c => c.TicketNumber);
        var results = await Task.WhenAll(_boards.Boards.Select(b => UpdateAsync(b, tickets.GetValueOrDefault(b.CounterNumber), cancellationToken)));
        return results.All(ok => ok);
    }

    private async Task<bool> UpdateAsync(CounterBoard board, string? ticket, CancellationToken cancellationToken)
    {
        lock (_sent)
        {
            if (ticket is not null)
            {
                _blankDue.Remove(board);
            }

            if (_sent.TryGetValue(board, out var shown) && shown == ticket)
            {
                _blankDue.Remove(board);
                return true;
            }
        }

        if (ticket is null && !BlankIsDue(board))
        {
            return true;
        }

        try
        {
            if (ticket is null)
            {
                await board.Board.BlankAsync(cancellationToken);
            }
            else
            {
                await board.Board.ShowTextAsync(ticket, cancellationToken);
            }

            lock (_sent)
            {
                _sent[board] = ticket;
            }

            _health?.RecordShown(board.CounterNumber, ticket is null ? BoardText.BlankText(board.Board.Format) : BoardText.FormatText(ticket, board.Board.Format));
            _health?.Report(board.CounterNumber, ok: true);
            return true;
        }
        catch (ArgumentException ex)
        {
            // The number does not fit this board: retrying will not help, so do not.
            LogDoesNotFit(_logger, board.Board.Name, ex.Message);
            lock (_sent)
            {
                _sent[board] = ticket;
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or TimeoutException)
        {
            LogFailed(_logger, board.Board.Name, ex.Message);
            _health?.Report(board.CounterNumber, ok: false);
            return false;
        }
    }

    /// <summary>True once the counter has been empty for the hold time; until then a wake-up is scheduled.</summary>
    private bool BlankIsDue(CounterBoard board)
    {
        var now = DateTime.UtcNow;
        lock (_sent)
        {
            if (!_blankDue.TryGetValue(board, out var due))
            {
                _blankDue[board] = now + BlankHold;
                _ = WakeLaterAsync();
                return false;
            }

            if (now < due)
            {
                return false;
            }

            _blankDue.Remove(board);
            return true;
        }
    }

    private async Task WakeLaterAsync()
    {
        await Task.Delay(BlankHold + TimeSpan.FromMilliseconds(10));
        _wake.Writer.TryWrite(true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LED board {Board} failed; retrying: {Error}")]
    private static partial void LogFailed(ILogger logger, string board, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "LED board {Board} cannot show the ticket: {Error}")]
    private static partial void LogDoesNotFit(ILogger logger, string board, string error);
}
