namespace QueueKiosk.KioskDevices.Tests.Displays.Emulator;

/// <summary>
/// The host side of a socat pty as a plain Stream: one handle to read, one to write, so a read can
/// stay pending while a frame is written. Stands in for the termios SerialPortStream, whose
/// ReadAsync on an idle line currently reports a hang-up (VMIN=0/VTIME=0 makes read() return 0).
/// </summary>
public sealed class PtyDuplexStream : Stream
{
    private readonly FileStream _reader;
    private readonly FileStream _writer;

    public PtyDuplexStream(string path)
    {
        _reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
        _writer = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, bufferSize: 0);
    }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Flush() => _writer.Flush();

    public override int Read(byte[] buffer, int offset, int count) => _reader.Read(buffer, offset, count);

    // A blocking pty read ignores cancellation; stop waiting for it instead (it ends when socat dies).
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        await _reader.ReadAsync(buffer, CancellationToken.None).AsTask().WaitAsync(cancellationToken);

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) =>
        _writer.WriteAsync(buffer, cancellationToken);

    public override void Write(byte[] buffer, int offset, int count) => _writer.Write(buffer, offset, count);

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
            _writer.Dispose();
        }

        base.Dispose(disposing);
    }
}
