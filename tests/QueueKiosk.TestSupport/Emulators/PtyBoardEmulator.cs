namespace QueueKiosk.TestSupport.Emulators;

/// <summary>
/// Boards behind a real pty: reads what the driver writes on the other side of a socat pair,
/// lets <see cref="LedBoardEmulator"/> judge it, and writes the replies back.
/// </summary>
public sealed class PtyBoardEmulator : IAsyncDisposable
{
    private readonly SocatPtyPair _ptys = new();
    private FileStream? _fromHost;
    private FileStream? _toHost;
    private Task _loop = Task.CompletedTask;
    private int _repliesWritten;

    private PtyBoardEmulator(LedBoardEmulator boards)
    {
        Boards = boards;
    }

    public LedBoardEmulator Boards { get; }

    /// <summary>How long the boards think before answering (a slow or overloaded board).</summary>
    public TimeSpan ReplyDelay { get; set; }

    public int RepliesWritten => Volatile.Read(ref _repliesWritten);

    /// <summary>The pty path the driver opens.</summary>
    public string HostPath => _ptys.PathA;

    public static async Task<PtyBoardEmulator> StartAsync(LedBoardEmulator boards)
    {
        var emulator = new PtyBoardEmulator(boards);
        await emulator.PlugAsync();
        return emulator;
    }

    /// <summary>Like pulling the USB-RS485 adapter: the host side hangs up.</summary>
    public async Task UnplugAsync()
    {
        // Killing socat ends the pending read (EOF or EIO), which ends the loop.
        _ptys.Unplug();
        await Task.WhenAny(_loop, Task.Delay(TimeSpan.FromSeconds(5)));
        if (_fromHost is not null)
        {
            await _fromHost.DisposeAsync();
        }

        if (_toHost is not null)
        {
            await _toHost.DisposeAsync();
        }
    }

    /// <summary>A new pty pair under the same names, boards listening again, what they show kept.</summary>
    public Task PlugAsync()
    {
        if (!_ptys.IsPlugged)
        {
            _ptys.Replug();
        }

        // Separate read and write handles: a read stays pending while replies are written.
        _fromHost = new FileStream(_ptys.PathB, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        _toHost = new FileStream(_ptys.PathB, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
        var fromHost = _fromHost;
        var toHost = _toHost;
        // Its own thread with blocking reads, like a board's firmware loop: no pool thread parked.
        _loop = Task.Factory.StartNew(() => Listen(fromHost, toHost), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await UnplugAsync();
        _ptys.Dispose();
    }

    private void Listen(FileStream fromHost, FileStream toHost)
    {
        var buffer = new byte[512];
        try
        {
            // Bounded by the pty's life: ends when socat is killed.
            while (true)
            {
                var count = fromHost.Read(buffer);
                if (count == 0)
                {
                    return;
                }

                var reply = Boards.Feed(buffer.AsSpan(0, count));
                if (reply.Length > 0)
                {
                    if (ReplyDelay > TimeSpan.Zero)
                    {
                        Thread.Sleep(ReplyDelay);
                    }

                    toHost.Write(reply);
                    Interlocked.Increment(ref _repliesWritten);
                }
            }
        }
        catch (Exception e) when (e is IOException or ObjectDisposedException)
        {
        }
    }
}
