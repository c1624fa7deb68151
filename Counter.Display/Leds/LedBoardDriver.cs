using System.Threading.Channels;
using QueueKiosk.CounterDisplay.State;

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

    private readonly DisplayState state;
    private readonly ICounterBoardSet boards;
    private readonly ILogger<LedBoardDriver> logger;
    private readonly LedBoardHealth? health;
    private readonly Dictionary<CounterBoard, string?> sent = [];
    private readonly Dictionary<CounterBoard, DateTime> blankDue = [];
    private readonly Channel<bool> wake = Channel.CreateBounded<bool>(
        new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public LedBoardDriver(DisplayState state, ICounterBoardSet boards, ILogger<LedBoardDriver> logger, LedBoardHealth? health = null)
    {
        this.state = state;
        this.boards = boards;
        this.logger = logger;
        this.health = health;
        state.Changed += _ => wake.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (boards.Boards.Count == 0)
        {
            return;
        }

        wake.Writer.TryWrite(true);
        try
        {
            while (await wake.Reader.WaitToReadAsync(stoppingToken))
            {
                wake.Reader.TryRead(out _);
                if (!await UpdateAllAsync(state.Current, stoppingToken))
                {
                    await Task.Delay(RetryDelay, stoppingToken);
                    wake.Writer.TryWrite(true);
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
        var results = await Task.WhenAll(boards.Boards.Select(b => UpdateAsync(b, tickets.GetValueOrDefault(b.CounterNumber), cancellationToken)));
        return results.All(ok => ok);
    }

    private async Task<bool> UpdateAsync(CounterBoard board, string? ticket, CancellationToken cancellationToken)
    {
        lock (sent)
        {
            if (ticket is not null)
            {
                blankDue.Remove(board);
            }

            if (sent.TryGetValue(board, out var shown) && shown == ticket)
            {
                blankDue.Remove(board);
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

            lock (sent)
            {
                sent[board] = ticket;
            }

            health?.Report(board.CounterNumber, ok: true);
            return true;
        }
        catch (ArgumentException ex)
        {
            // The number does not fit this board: retrying will not help, so do not.
            LogDoesNotFit(logger, board.Board.Name, ex.Message);
            lock (sent)
            {
                sent[board] = ticket;
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or TimeoutException)
        {
            LogFailed(logger, board.Board.Name, ex.Message);
            health?.Report(board.CounterNumber, ok: false);
            return false;
        }
    }

    /// <summary>True once the counter has been empty for the hold time; until then a wake-up is scheduled.</summary>
    private bool BlankIsDue(CounterBoard board)
    {
        var now = DateTime.UtcNow;
        lock (sent)
        {
            if (!blankDue.TryGetValue(board, out var due))
            {
                blankDue[board] = now + BlankHold;
                _ = WakeLaterAsync();
                return false;
            }

            if (now < due)
            {
                return false;
            }

            blankDue.Remove(board);
            return true;
        }
    }

    private async Task WakeLaterAsync()
    {
        await Task.Delay(BlankHold + TimeSpan.FromMilliseconds(10));
        wake.Writer.TryWrite(true);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "LED board {Board} failed; retrying: {Error}")]
    private static partial void LogFailed(ILogger logger, string board, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "LED board {Board} cannot show the ticket: {Error}")]
    private static partial void LogDoesNotFit(ILogger logger, string board, string error);
}
