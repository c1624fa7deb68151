using QueueKiosk.Devices.Native;
using static QueueKiosk.Devices.Native.LinuxNative;

namespace QueueKiosk.Devices.Printing.Transports;

/// <summary>
/// A printer on the Linux USB printer class driver (usblp, /dev/usb/lp0). Write-only: most
/// thermal printers and the driver do not return DLE EOT replies through this file, so status
/// is "device present and accepting bytes" (see hardware-docs/printer-connections.md). The file
/// is opened non-blocking and writes wait with poll(), because usblp blocks a plain write for as
/// long as the printer is out of paper.
/// </summary>
public sealed class UsbPrinterTransport(string devicePath, TimeSpan writeTimeout) : IPrinterTransport
{
    private NonBlockingDeviceFile? _file;

    public string Description => $"usb://{devicePath}";

    public bool CanRead => false;

    public int? UnsentBytes => null;

    public bool IsConnected => _file is not null;

    public ValueTask ConnectAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_file is null)
        {
            _file = NonBlockingDeviceFile.TryOpenForWriting(devicePath, out var errno) ?? throw errno switch
            {
                ENOENT or ENODEV or ENXIO => new IOException($"{devicePath}: không thấy máy in USB, kiểm tra cáp và nguồn (USB printer not found)."),
                EACCES => new IOException($"{devicePath}: không có quyền ghi, thêm người dùng vào nhóm lp (permission denied; add the user to group lp)."),
                EBUSY => new IOException($"{devicePath}: máy in USB đang được chương trình khác dùng, ví dụ CUPS (device busy)."),
                _ => new IOException($"{devicePath}: không mở được (cannot open): {Describe(errno)}"),
            };
        }

        return ValueTask.CompletedTask;
    }

    public async ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken = default)
    {
        await ConnectAsync(cancellationToken);
        var file = _file!;
        try
        {
            await Task.Run(() => file.WriteAll(data.Span, writeTimeout, cancellationToken), cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or TimeoutException or ObjectDisposedException)
        {
            Close();
            throw ex is ObjectDisposedException ? new IOException(ex.Message, ex) : ex;
        }
    }

    public ValueTask FlushAsync(CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        throw new NotSupportedException($"{Description}: cổng USB không đọc được trạng thái (status cannot be read over the USB printer class file).");

    public void DiscardInput()
    {
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

    private void Close() => Interlocked.Exchange(ref _file, null)?.Dispose();
}
