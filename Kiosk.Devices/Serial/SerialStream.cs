namespace QueueKiosk.Devices.Serial;

/// <summary>
/// An open serial port as a byte stream. Reads return at least one byte or throw
/// <see cref="TimeoutException"/> after the read timeout; writes send every byte or throw
/// <see cref="TimeoutException"/> when the port accepted nothing for the write timeout (a stall,
/// not the length of the whole write); <see cref="Stream.Flush"/> waits until the bytes have left
/// the UART, with the same stall bound. A hang-up (adapter unplugged, pty closed) throws
/// <see cref="IOException"/>. Whoever opened the stream disposes it.
/// </summary>
public abstract class SerialStream : Stream
{
    public abstract SerialPortSettings Settings { get; }

    public override bool CanSeek => false;

    public override bool CanTimeout => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>Bytes written but not yet sent on the line; null when the driver cannot tell.</summary>
    public virtual int? BytesToWrite => null;

    /// <summary>Drops bytes received but not yet read (e.g. a late reply after a timeout).</summary>
    public abstract void DiscardInBuffer();

    /// <summary>Drops bytes written but not yet sent.</summary>
    public abstract void DiscardOutBuffer();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
