using QueueKiosk.Devices.Displays;
using QueueKiosk.Devices.Displays.Framed;
using QueueKiosk.Devices.Displays.Modbus;
using QueueKiosk.Devices.Serial;

namespace QueueKiosk.Devices.Tests.Displays;

/// <summary>The real serial port (System.IO.Ports), a real socat pty pair, emulated boards behind it.</summary>
public class LedBoardsOverPtyTests
{
    // Generous: the machine is shared and loaded; a silent board is still reported in bounded time.
    private static readonly LedBusTiming Timing = new() { ResponseTimeout = TimeSpan.FromSeconds(2), InterFrameGap = TimeSpan.FromMilliseconds(5) };

    [Fact]
    public async Task ModbusBoards_SeveralAddressesOnOneLine_EachShowsItsNumber()
    {
        await using var line = await PtyBoardEmulator.StartAsync(new LedBoardEmulator(EmulatedProtocol.ModbusRtu, 1, 2, 3));
        await using var bus = OpenBus(line);
        var counter1 = new ModbusCounterBoard(bus, 1, new DisplayFormat(4), name: "quầy 1");
        var counter2 = new ModbusCounterBoard(bus, 2, new DisplayFormat(3), name: "quầy 2");
        var counter3 = new ModbusCounterBoard(bus, 3, new DisplayFormat(4, LeadingZeros: true), new ModbusRegisterMap { Mode = ModbusBoardMode.Segments }, "quầy 3");

        // Concurrent callers: the bus serialises them; every board still gets its own number.
        await Task.WhenAll(
            counter1.ShowNumberAsync(15),
            counter2.ShowNumberAsync(7),
            counter3.ShowTextAsync("A15"));

        Assert.Equal("15", line.Boards.Shown[1]);
        Assert.Equal("7", line.Boards.Shown[2]);
        Assert.Equal("A015", line.Boards.Shown[3]);

        // A number-only (Register mode) board shows the digits of a prefixed ticket.
        await counter2.ShowTextAsync("B042");
        Assert.Equal("42", line.Boards.Shown[2]);

        await counter1.BlankAsync();
        await counter3.BlankAsync();
        Assert.Equal(string.Empty, line.Boards.Shown[1]);
        Assert.Equal("    ", line.Boards.Shown[3]);
        Assert.Equal(0, line.Boards.RejectedFrames);
    }

    [Fact]
    public async Task ModbusBoard_ManyCallsInARow_AllConfirmedInOrder()
    {
        await using var line = await PtyBoardEmulator.StartAsync(new LedBoardEmulator(EmulatedProtocol.ModbusRtu, 1, 2));
        await using var bus = OpenBus(line);
        var boards = new[] { new ModbusCounterBoard(bus, 1, new DisplayFormat(4)), new ModbusCounterBoard(bus, 2, new DisplayFormat(4)) };
        for (var i = 1; i <= 50; i++)
        {
            await boards[i % 2].ShowNumberAsync(i);
        }

        Assert.Equal("50", line.Boards.Shown[1]);
        Assert.Equal("49", line.Boards.Shown[2]);
        Assert.Equal(50, line.Boards.AcceptedFrames);
        Assert.Equal(0, bus.StaleBytesDiscarded);
    }

    [Fact]
    public async Task ModbusFrameWithWrongCrc_IsRejectedSilently_AndTheLineStillWorks()
    {
        await using var line = await PtyBoardEmulator.StartAsync(new LedBoardEmulator(EmulatedProtocol.ModbusRtu, 1));
        await using var bus = OpenBus(line, TimeSpan.FromMilliseconds(1000));
        var corrupt = ModbusRtu.BuildWriteSingleRegister(1, 0, 42);
        corrupt[^1] ^= 0xFF;

        var e = await Assert.ThrowsAsync<LedBoardTimeoutException>(() => bus.ExchangeAsync(corrupt, ModbusRtu.ExpectedResponseLength, "quầy 1"));
        Assert.Equal("quầy 1", e.BoardName);
        Assert.True(await Eventually.TrueAsync(() => line.Boards.RejectedFrames == 1));
        Assert.False(line.Boards.Shown.ContainsKey(1));

        await new ModbusCounterBoard(bus, 1, new DisplayFormat(4)).ShowNumberAsync(42);
        Assert.Equal("42", line.Boards.Shown[1]);
    }

    [Fact]
    public async Task BoardThatDoesNotAnswer_TimesOutNamingTheBoard()
    {
        await using var line = await PtyBoardEmulator.StartAsync(new LedBoardEmulator(EmulatedProtocol.ModbusRtu, 1));
        await using var bus = OpenBus(line, TimeSpan.FromMilliseconds(300));
        var missing = new ModbusCounterBoard(bus, 9, new DisplayFormat(4), name: "quầy 9 (Modbus RTU, địa chỉ 9)", retries: 1);

        var showing = missing.ShowNumberAsync(5);
        var finished = await Task.WhenAny(showing, Task.Delay(TimeSpan.FromSeconds(20)));

        Assert.Same(showing, finished);
        var e = await Assert.ThrowsAsync<LedBoardTimeoutException>(() => showing);
        Assert.Contains("quầy 9 (Modbus RTU, địa chỉ 9)", e.Message, StringComparison.Ordinal);
        Assert.True(await Eventually.TrueAsync(() => line.Boards.IgnoredFrames == 2)); // first try + one retry
    }

    [Fact]
    public async Task LateReply_DoesNotConfuseTheNextCalls()
    {
        await using var line = await PtyBoardEmulator.StartAsync(new LedBoardEmulator(EmulatedProtocol.ModbusRtu, 1));
        await using var bus = OpenBus(line, TimeSpan.FromMilliseconds(1500));
        var board = new ModbusCounterBoard(bus, 1, new DisplayFormat(4), name: "quầy 1", retries: 2);

        // The board answers the first frame only after the driver gave up on it.
        line.ReplyDelay = TimeSpan.FromMilliseconds(2000);
        await Assert.ThrowsAsync<LedBoardTimeoutException>(() => bus.ExchangeAsync(ModbusRtu.BuildWriteSingleRegister(1, 0, 11), ModbusRtu.ExpectedResponseLength, "quầy 1"));
        line.ReplyDelay = TimeSpan.Zero;
        Assert.True(await Eventually.TrueAsync(() => line.RepliesWritten == 1));

        // Its late echo of 11 is thrown away (or, if it comes in as an answer, refused and resent).
        await board.ShowNumberAsync(12);
        await board.ShowNumberAsync(13);

        Assert.Equal("13", line.Boards.Shown[1]);
    }

    [Fact]
    public async Task AdapterUnpluggedAndBack_FailsFast_ThenTheBusReopensThePort()
    {
        await using var line = await PtyBoardEmulator.StartAsync(new LedBoardEmulator(EmulatedProtocol.ModbusRtu, 1));
        var timing = Timing with { ReopenInterval = TimeSpan.FromMilliseconds(100) };
        await using var bus = new LedBus(() => SerialPortStream.Open(new SerialPortSettings(line.HostPath)), timing);
        var board = new ModbusCounterBoard(bus, 1, new DisplayFormat(4), name: "quầy 1", retries: 0);
        await board.ShowNumberAsync(1);

        await line.UnplugAsync();
        var unplugged = await Assert.ThrowsAnyAsync<IOException>(() => board.ShowNumberAsync(2));
        Assert.Contains("quầy 1", unplugged.Message, StringComparison.Ordinal);

        await line.PlugAsync();
        // The first call after the reopen interval opens the new port; allow for a loaded machine.
        var shown = false;
        for (var attempt = 0; attempt < 100 && !shown; attempt++)
        {
            try
            {
                await board.ShowNumberAsync(3);
                shown = true;
            }
            catch (IOException)
            {
                await Task.Delay(100);
            }
        }

        Assert.True(shown, "the bus never reopened the port");
        Assert.Equal("3", line.Boards.Shown[1]);
        Assert.True(bus.Reopens >= 1);
    }

    [Fact]
    public async Task ModbusExceptionResponse_SurfacesTheExceptionCode()
    {
        await using var line = await PtyBoardEmulator.StartAsync(new LedBoardEmulator(EmulatedProtocol.ModbusRtu, 4));
        await using var bus = OpenBus(line);
        var board = new ModbusCounterBoard(bus, 4, new DisplayFormat(4), new ModbusRegisterMap { NumberRegister = LedBoardEmulator.FirstIllegalRegister });

        var e = await Assert.ThrowsAsync<ModbusExceptionResponseException>(() => board.ShowNumberAsync(12));
        Assert.Equal(2, e.ExceptionCode);
    }

    [Fact]
    public async Task ModbusBrightness_WritesTheConfiguredRegister()
    {
        await using var line = await PtyBoardEmulator.StartAsync(new LedBoardEmulator(EmulatedProtocol.ModbusRtu, 1));
        await using var bus = OpenBus(line);
        var board = new ModbusCounterBoard(bus, 1, new DisplayFormat(4), new ModbusRegisterMap { BrightnessRegister = LedBoardEmulator.BrightnessRegister });
        await board.SetBrightnessAsync(6);
        Assert.Equal(6, line.Boards.Brightness[1]);
        await Assert.ThrowsAsync<NotSupportedException>(() => new ModbusCounterBoard(bus, 1, new DisplayFormat(4)).SetBrightnessAsync(6));
    }

    [Fact]
    public async Task FramedBoards_SeveralAddressesOnOneLine_ShowBlankAndDim()
    {
        await using var line = await PtyBoardEmulator.StartAsync(new LedBoardEmulator(EmulatedProtocol.Framed, 1, 2, 5));
        await using var bus = OpenBus(line);
        var counter1 = new FramedCounterBoard(bus, 1, new DisplayFormat(4));
        var counter2 = new FramedCounterBoard(bus, 2, new DisplayFormat(3, LeadingZeros: false, Blank: BlankStyle.Dashes));
        var counter5 = new FramedCounterBoard(bus, 5, new DisplayFormat(4));

        await Task.WhenAll(counter1.ShowTextAsync("A15"), counter2.ShowNumberAsync(7), counter5.ShowNumberAsync(1021));
        Assert.Equal("A015", line.Boards.Shown[1]);
        Assert.Equal("  7", line.Boards.Shown[2]);
        Assert.Equal("1021", line.Boards.Shown[5]);

        await counter1.BlankAsync();
        await counter2.BlankAsync();
        await counter5.SetBrightnessAsync(3);
        Assert.Equal(string.Empty, line.Boards.Shown[1]);
        Assert.Equal("---", line.Boards.Shown[2]);
        Assert.Equal(3, line.Boards.Brightness[5]);
    }

    [Fact]
    public async Task FramedFrameWithWrongChecksum_GetsNak()
    {
        await using var line = await PtyBoardEmulator.StartAsync(new LedBoardEmulator(EmulatedProtocol.Framed, 1));
        await using var bus = OpenBus(line);
        var corrupt = FramedLedProtocol.BuildShow(1, "0042");
        corrupt[^2] ^= 0x01;

        var reply = await bus.ExchangeAsync(corrupt, static _ => FramedLedProtocol.ReplyLength, "quầy 1");
        var e = Assert.Throws<LedBoardException>(() => FramedLedProtocol.CheckReply(1, reply, "quầy 1"));

        Assert.Contains("NAK", e.Message, StringComparison.Ordinal);
        Assert.Equal(1, line.Boards.RejectedFrames);
        Assert.False(line.Boards.Shown.ContainsKey(1));
    }

    [Fact]
    public async Task FramedBoardThatDoesNotAnswer_TimesOutNamingTheBoard()
    {
        await using var line = await PtyBoardEmulator.StartAsync(new LedBoardEmulator(EmulatedProtocol.Framed, 1));
        await using var bus = OpenBus(line, TimeSpan.FromMilliseconds(300));
        var missing = new FramedCounterBoard(bus, 3, new DisplayFormat(4), name: "quầy 3", retries: 0);

        var e = await Assert.ThrowsAsync<LedBoardTimeoutException>(() => missing.ShowNumberAsync(1));
        Assert.Equal("quầy 3", e.BoardName);
    }

    private static LedBus OpenBus(PtyBoardEmulator line, TimeSpan? responseTimeout = null)
    {
        var port = SerialPortStream.Open(new SerialPortSettings(line.HostPath) { BaudRate = 9600 });
        return new LedBus(port, shouldDispose: true, responseTimeout is { } t ? Timing with { ResponseTimeout = t } : Timing);
    }
}
