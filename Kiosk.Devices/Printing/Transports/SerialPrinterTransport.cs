using QueueKiosk.Devices.Serial;

namespace QueueKiosk.Devices.Printing.Transports;

/// <summary>
/// A printer on an RS-232 port or a USB-serial adapter. A pulled USB adapter makes the device
/// node vanish (reads and writes fail, reopening fails until it is back); a pulled RS-232 cable
/// shows only as status replies that never come.
/// </summary>
public sealed class SerialPrinterTransport(SerialPortSettings settings, ISerialPortFactory factory) : IPrinterTransport
{
    private SerialStream? _port;

    public string Description => $"serial://{settings.PortName}@{settings.BaudRate}";

    public bool CanRead => true;

    public int? UnsentBytes
    {
        get
        {
            try
            {
                return _port?.BytesToWrite;
            }
            catch (ObjectDisposedException)
            {
                return null;
            }
        }
    }

    public bool IsConnected => _port is not null;

    public ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_port is null)
        {
            try
            {
                _port = factory.Open(settings);
            }
            catch (ArgumentException ex)
            {
                // The node vanished after start-up validation (adapter unplugged): a link failure.
                throw new IOException($"{Description}: {ex.Message}", ex);
            }
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        await ConnectAsync(cancellationToken);
        try
        {
            await _port!.WriteAsync(data, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or TimeoutException or ObjectDisposedException)
        {
            Close();
            throw ex is ObjectDisposedException ? new IOException(ex.Message, ex) : ex;
        }
    }

    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_port is null)
        {
            return;
        }

        try
        {
            await _port.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or TimeoutException)
        {
            Close();
            throw;
        }
    }

    public async ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        var port = _port ?? throw new IOException($"{Description}: chưa mở cổng (port not open).");
        port.ReadTimeout = Math.Max(1, (int)timeout.TotalMilliseconds);
        try
        {
            return await port.ReadAsync(buffer, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            Close();
            throw ex is ObjectDisposedException ? new IOException(ex.Message, ex) : ex;
        }
    }

    public void DiscardInput()
    {
        try
        {
            _port?.DiscardInBuffer();
        }
        catch (ObjectDisposedException)
        {
            _port = null;
        }
    }

    public ValueTask DisconnectAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    private void Close()
    {
        var port = Interlocked.Exchange(ref _port, null);
        if (port is null)
        {
            return;
        }

        try
        {
            port.DiscardOutBuffer();
        }
        catch (Exception ex) when (ex is IOException or ObjectDisposedException)
        {
            // the device is gone; closing is all that is left
        }

        port.Dispose();
    }
}
