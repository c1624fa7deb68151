using System.Threading.Channels;
using QueueKiosk.Devices.EscPos;

namespace QueueKiosk.Devices.Printing.Transports;

/// <summary>
/// A printer in memory: keeps what it is sent, answers DLE EOT from <see cref="PrinterState"/>,
/// and can be "unplugged". For tests of code that prints, and for the Virtual transport (hook
/// <see cref="DataWritten"/> to render what is sent).
/// </summary>
public sealed class InMemoryPrinterTransport : IPrinterTransport
{
    private readonly Lock _lock = new();
    private readonly MemoryStream _received = new();
    private Channel<byte> _replies = Channel.CreateUnbounded<byte>();
    private bool _connected;
    private bool _unplugged;
    private PrinterStatus _state = PrinterStatus.Online;

    /// <summary>Raised with the bytes of each write that is not a status request.</summary>
    public event EventHandler<ReadOnlyMemory<byte>>? DataWritten;

    public string Description => "memory://printer";

    public bool CanRead => true;

    public int? UnsentBytes => 0;

    public bool IsConnected => _connected;

    /// <summary>What the printer answers to status requests (Online, PaperOut, CoverOpen...).</summary>
    public PrinterStatus PrinterState
    {
        get => _state;
        set => _state = value;
    }

    /// <summary>When true every call fails as if the cable were pulled.</summary>
    public bool Unplugged
    {
        get => _unplugged;
        set
        {
            _unplugged = value;
            if (value)
            {
                _connected = false;
            }
        }
    }

    /// <summary>Every byte written except status requests, in order.</summary>
    public byte[] Received
    {
        get
        {
            lock (_lock)
            {
                return _received.ToArray();
            }
        }
    }

    public ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnplugged();
        _connected = true;
        return ValueTask.CompletedTask;
    }

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        ThrowIfUnplugged();
        _connected = true;
        if (data.Length == 3 && data.Span[0] == EscPosBytes.Dle && data.Span[1] == EscPosBytes.Eot)
        {
            _replies.Writer.TryWrite(DleEotReplies.For((StatusRequest)data.Span[2], _state));
            return ValueTask.CompletedTask;
        }

        lock (_lock)
        {
            _received.Write(data.Span);
        }

        DataWritten?.Invoke(this, data);
        return ValueTask.CompletedTask;
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfUnplugged();
        return ValueTask.CompletedTask;
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        ThrowIfUnplugged();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            var reply = await _replies.Reader.ReadAsync(deadline.Token);
            buffer.Span[0] = reply;
            return 1;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException("memory://printer: no reply");
        }
    }

    public void DiscardInput()
    {
        while (_replies.Reader.TryRead(out _))
        {
        }
    }

    public ValueTask DisconnectAsync()
    {
        _connected = false;
        _replies = Channel.CreateUnbounded<byte>();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => DisconnectAsync();

    private void ThrowIfUnplugged()
    {
        if (_unplugged)
        {
            throw new IOException("memory://printer: cable pulled");
        }
    }
}

/// <summary>The reply byte a printer gives to DLE EOT n in a given state (printer side, for simulations).</summary>
internal static class DleEotReplies
{
    private const byte FixedBits = 0b0001_0010;

    public static byte For(StatusRequest request, PrinterStatus state) => request switch
    {
        StatusRequest.Printer => (byte)(FixedBits | (Blocked(state) ? 0x08 : 0)),
        StatusRequest.OfflineCause => (byte)(FixedBits
            | (state.HasFlag(PrinterStatus.CoverOpen) ? 0x04 : 0)
            | (state.HasFlag(PrinterStatus.PaperOut) ? 0x20 : 0)
            | (state.HasFlag(PrinterStatus.Error) ? 0x40 : 0)),
        StatusRequest.ErrorCause => (byte)(FixedBits | (state.HasFlag(PrinterStatus.Error) ? 0x40 : 0)),
        StatusRequest.PaperSensor => (byte)(FixedBits
            | (state.HasFlag(PrinterStatus.PaperNearEnd) ? 0x0C : 0)
            | (state.HasFlag(PrinterStatus.PaperOut) ? 0x60 : 0)),
        _ => FixedBits,
    };

    private static bool Blocked(PrinterStatus state) =>
        (state & (PrinterStatus.Offline | PrinterStatus.PaperOut | PrinterStatus.CoverOpen | PrinterStatus.Error)) != 0;
}
