using System.Diagnostics;
using QueueKiosk.Devices.Serial;

namespace QueueKiosk.Devices.Tests.Serial;

public sealed class SerialPortStreamTests : IDisposable
{
    private readonly SocatPtyPair _pty = new();

    public void Dispose() => _pty.Dispose();

    [Theory]
    [InlineData(9600)]
    [InlineData(115200)]
    public async Task BytesArriveIntact_BothWays(int baud)
    {
        using var a = SerialPortStream.Open(Settings(_pty.PathA, baud));
        using var b = SerialPortStream.Open(Settings(_pty.PathB, baud));
        var payload = new byte[4096];
        new Random(baud).NextBytes(payload);

        await a.WriteAsync(payload);
        await a.FlushAsync();
        Assert.Equal(payload, await ReadAll(b, payload.Length));

        Array.Reverse(payload);
        b.Write(payload);
        b.Flush();
        Assert.Equal(payload, await ReadAll(a, payload.Length));
    }

    [Fact]
    public async Task Read_NothingSent_TimesOut()
    {
        using var b = SerialPortStream.Open(Settings(_pty.PathB) with { ReadTimeout = TimeSpan.FromMilliseconds(200) });

        Assert.Throws<TimeoutException>(() => b.Read(new byte[1], 0, 1));
        await Assert.ThrowsAsync<TimeoutException>(() => ReadOne(b, CancellationToken.None));
    }

    [Fact]
    public async Task Write_NobodyReading_TimesOutInsteadOfBlocking()
    {
        // Only B is open: socat fills A's pty buffer, then stops taking bytes from B.
        using var b = SerialPortStream.Open(Settings(_pty.PathB) with { WriteTimeout = TimeSpan.FromMilliseconds(500) });
        var lots = new byte[4 * 1024 * 1024];

        var error = await Assert.ThrowsAsync<TimeoutException>(async () => await b.WriteAsync(lots));

        Assert.Contains("write timed out", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WriteAsync_Cancelled_StopsWaiting()
    {
        using var b = SerialPortStream.Open(Settings(_pty.PathB) with { WriteTimeout = TimeSpan.FromMinutes(5) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await b.WriteAsync(new byte[4 * 1024 * 1024], cancel.Token));
    }

    [Fact]
    public async Task ReadAsync_Cancelled_StopsWaiting()
    {
        using var b = SerialPortStream.Open(Settings(_pty.PathB) with { ReadTimeout = TimeSpan.FromMinutes(5) });
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ReadOne(b, cancel.Token));
    }

    [Fact]
    public void Open_SecondTime_IsRefused_UntilTheFirstIsClosed()
    {
        var first = SerialPortStream.Open(Settings(_pty.PathA));

        Assert.Throws<SerialPortInUseException>(() => SerialPortStream.Open(Settings(_pty.PathA)));

        first.Dispose();
        using var again = SerialPortStream.Open(Settings(_pty.PathA));
        Assert.True(again.CanWrite);
    }

    [Fact]
    public async Task Read_WhenTheCableIsPulled_FailsInsteadOfHanging()
    {
        using var b = SerialPortStream.Open(Settings(_pty.PathB) with { ReadTimeout = TimeSpan.FromMinutes(5) });
        var pending = ReadOne(b, CancellationToken.None);

        _pty.Unplug();

        var finished = await Task.WhenAny(pending, Task.Delay(TimeSpan.FromSeconds(20)));
        Assert.Same(pending, finished);
        await Assert.ThrowsAsync<IOException>(() => pending);
    }

    [Fact]
    public void Open_AppliesLineSettings_AsSttyReportsThem()
    {
        var settings = Settings(_pty.PathB, 115200) with
        {
            DataBits = 7,
            Parity = SerialParity.Even,
            StopBits = SerialStopBits.Two,
            Handshake = SerialHandshake.RequestToSend,
        };
        using var port = SerialPortStream.Open(settings);

        var stty = Stty(_pty.PathB).Split([' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries);

        // A pty forces cs8 and clears parenb whatever is asked (drivers/tty/pty.c), so data bits
        // and parity are only visible on real UARTs; the rest of the line settings stick.
        Assert.Contains("115200", stty);
        Assert.Contains("cstopb", stty);
        Assert.Contains("crtscts", stty);
        Assert.Contains("clocal", stty);
        Assert.Contains("-icanon", stty);
        Assert.Contains("-echo", stty);
    }

    [Fact]
    public void Open_XonXoffWithParity_SetsInputFlags()
    {
        // System.IO.Ports sets PARENB/PARODD but not INPCK: input parity is not checked (the
        // Modbus CRC and the framed checksum catch a corrupted reply; hardware-docs/serial.md).
        using var port = SerialPortStream.Open(Settings(_pty.PathB) with { Parity = SerialParity.Odd, Handshake = SerialHandshake.XOnXOff });

        var stty = Stty(_pty.PathB).Split([' ', ';', '\n'], StringSplitOptions.RemoveEmptyEntries);

        Assert.Contains("9600", stty);
        Assert.Contains("cs8", stty);
        Assert.Contains("ixon", stty);
        Assert.Contains("ixoff", stty);
        Assert.Contains("-crtscts", stty);
    }

    [Fact]
    public void Validate_UnknownPort_NamesTheSetting()
    {
        var errors = new SerialPortSettings("/dev/ttyDoesNotExist9").Validate("Printer:Serial:");

        var error = Assert.Single(errors);
        Assert.StartsWith("Printer:Serial:PortName:", error);
        Assert.Contains("/dev/ttyDoesNotExist9", error);
    }

    [Fact]
    public void Validate_UnsupportedBaud_NamesTheSettingAndValue()
    {
        var errors = Settings(_pty.PathA, 12345).Validate("Printer:Serial:");

        Assert.Equal("Printer:Serial:BaudRate: tốc độ 12345 không được hỗ trợ", Assert.Single(errors).Split(" (")[0]);
    }

    [Fact]
    public void Validate_BadDataBitsAndTimeout_AreEachReported()
    {
        var errors = Settings(_pty.PathA) with { DataBits = 9, ReadTimeout = TimeSpan.Zero };

        var messages = errors.Validate();

        Assert.Equal(2, messages.Count);
        Assert.StartsWith("DataBits:", messages[0]);
        Assert.StartsWith("ReadTimeout:", messages[1]);
    }

    [Fact]
    public void Open_InvalidSettings_Throws_NamingTheSetting()
    {
        var error = Assert.Throws<ArgumentException>(() => SerialPortStream.Open(Settings(_pty.PathA, 1234)));

        Assert.StartsWith("BaudRate:", error.Message);
    }

    [Fact]
    public void Open_NotATty_IsRejected()
    {
        var file = Path.GetTempFileName();
        try
        {
            var error = Assert.Throws<IOException>(() => SerialPortStream.Open(new SerialPortSettings(file)));
            Assert.Contains("not a serial port", error.Message);
        }
        finally
        {
            File.Delete(file);
        }
    }

    internal static SerialPortSettings Settings(string port, int baud = 9600) => new(port)
    {
        BaudRate = baud,
        ReadTimeout = TimeSpan.FromSeconds(10),
        WriteTimeout = TimeSpan.FromSeconds(10),
    };

    private static Task<int> ReadOne(Stream stream, CancellationToken cancellationToken) =>
        stream.ReadAsync(new byte[1], cancellationToken).AsTask();

    private static async Task<byte[]> ReadAll(Stream stream, int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }

    private static string Stty(string path)
    {
        var info = new ProcessStartInfo("stty", ["-F", path, "-a"]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var stty = Process.Start(info)!;
        var output = stty.StandardOutput.ReadToEnd();
        Assert.True(stty.WaitForExit(10_000));
        Assert.Equal(0, stty.ExitCode);
        return output;
    }
}
