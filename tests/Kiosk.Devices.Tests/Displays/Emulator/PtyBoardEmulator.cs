namespace QueueKiosk.KioskDevices.Tests.Displays.Emulator;

/// <summary>
/// Boards behind a real pty: reads what the driver writes on the other side of a socat pair,
/// lets <see cref="LedBoardEmulator"/> judge it, and writes the replies back.
/// </summary>
public sealed class PtyBoardEmulator : IAsyncDisposable
{
    private readonly SocatPtyPair _ptys;
    private readonly FileStream _fromHost;
    private readonly FileStream _toHost;
    private readonly Task _loop;
    private int _repliesWritten;

    private PtyBoardEmulator(SocatPtyPair ptys, LedBoardEmulator boards)
    {
        _ptys = ptys;
        Boards = boards;
        // Separate read and write handles: a read stays pending while replies are written.
        _fromHost = new FileStream(ptys.BoardPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        _toHost = new FileStream(ptys.BoardPath, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        _loop = Task.Run(ListenAsync);
    }

    public LedBoardEmulator Boards { get; }

    /// <summary>How long the boards think before answering (a slow or overloaded board).</summary>
    public TimeSpan ReplyDelay { get; set; }

    public int RepliesWritten => Volatile.Read(ref _repliesWritten);

    /// <summary>The pty path the driver opens.</summary>
    public string HostPath => _ptys.HostPath;

    public static async Task<PtyBoardEmulator> StartAsync(LedBoardEmulator boards) =>
        new(await SocatPtyPair.StartAsync(), boards);

    /// <summary>Polls (up to 10 s) until <paramref name="condition"/> holds; false if it never does.</summary>
    public static async Task<bool> EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }

    public async ValueTask DisposeAsync()
    {
        // Killing socat ends the pending read (EOF or EIO), which ends the loop.
        _ptys.Dispose();
        await Task.WhenAny(_loop, Task.Delay(TimeSpan.FromSeconds(5)));
        await _fromHost.DisposeAsync();
        await _toHost.DisposeAsync();
    }

    private async Task ListenAsync()
    {
        var buffer = new byte[512];
        try
        {
            // Bounded by the pty's life: ends when socat is killed.
            while (true)
            {
                var count = await _fromHost.ReadAsync(buffer);
                if (count == 0)
                {
                    return;
                }

                var reply = Boards.Feed(buffer.AsSpan(0, count));
                if (reply.Length > 0)
                {
                    if (ReplyDelay > TimeSpan.Zero)
                    {
                        await Task.Delay(ReplyDelay);
                    }

                    await _toHost.WriteAsync(reply);
                    Interlocked.Increment(ref _repliesWritten);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }
}
