using System.Collections.Concurrent;
using QueueKiosk.Devices.Displays;
using QueueKiosk.Devices.Displays.Framed;
using QueueKiosk.Devices.Displays.Modbus;

namespace QueueKiosk.TestSupport.Emulators;

public enum EmulatedProtocol
{
    ModbusRtu,
    Framed,
}

/// <summary>
/// Several LED boards listening on one RS-485 line (pure: bytes in, reply bytes out). Like real
/// boards, only the addressed board answers; a Modbus frame with a bad CRC gets no answer; a framed
/// command with a bad checksum gets NAK from the board it names. Modbus register map of the
/// emulated boards: register 0 = number (FC06, 0xFFFF blanks), registers 0.. = segments (FC16),
/// register 2 = brightness; registers from 0x100 up are illegal (exception 02).
/// </summary>
public sealed class LedBoardEmulator
{
    public const ushort BrightnessRegister = 2;
    public const ushort FirstIllegalRegister = 0x100;

    private readonly HashSet<byte> _addresses;
    private readonly ConcurrentDictionary<byte, string> _shown = new();
    private readonly ConcurrentDictionary<byte, int> _brightness = new();
    private readonly List<byte> _pending = [];
    private readonly Lock _lock = new();
    private int _rejectedFrames;
    private int _ignoredFrames;
    private int _acceptedFrames;

    public LedBoardEmulator(EmulatedProtocol protocol, params byte[] addresses)
    {
        Protocol = protocol;
        _addresses = [.. addresses];
    }

    public EmulatedProtocol Protocol { get; }

    /// <summary>What each board shows now: "" when blanked dark.</summary>
    public IReadOnlyDictionary<byte, string> Shown => _shown;

    public IReadOnlyDictionary<byte, int> Brightness => _brightness;

    /// <summary>Frames dropped or NAKed for a bad CRC/checksum.</summary>
    public int RejectedFrames => Volatile.Read(ref _rejectedFrames);

    /// <summary>Valid frames addressed to a board that is not on this line.</summary>
    public int IgnoredFrames => Volatile.Read(ref _ignoredFrames);

    public int AcceptedFrames => Volatile.Read(ref _acceptedFrames);

    public byte[] Feed(ReadOnlySpan<byte> bytes)
    {
        lock (_lock)
        {
            _pending.AddRange(bytes);
            var replies = new List<byte>();
            // Bounded: every pass either consumes bytes or stops.
            while (_pending.Count > 0)
            {
                var consumed = Protocol == EmulatedProtocol.ModbusRtu ? FeedModbus(replies) : FeedFramed(replies);
                if (consumed == 0)
                {
                    break;
                }

                _pending.RemoveRange(0, consumed);
            }

            return [.. replies];
        }
    }

    private int FeedModbus(List<byte> replies)
    {
        var status = ModbusRtu.TryParseRequest(_pending.ToArray(), out var request, out var consumed);
        switch (status)
        {
            case ModbusParseStatus.NeedMoreData:
                return 0;
            case ModbusParseStatus.UnknownFunction:
                // A real board resyncs on the 3.5-character silence; here: drop what is buffered.
                return _pending.Count;
            case ModbusParseStatus.BadCrc:
                Interlocked.Increment(ref _rejectedFrames);
                return consumed;
        }

        if (!_addresses.Contains(request!.Unit))
        {
            Interlocked.Increment(ref _ignoredFrames);
            return consumed;
        }

        var last = request.StartRegister + request.Values.Count - 1;
        if (last >= FirstIllegalRegister)
        {
            replies.AddRange(ModbusRtu.BuildExceptionResponse(request.Unit, request.Function, 2));
            return consumed;
        }

        if (request.Function == ModbusRtu.WriteSingleRegister && request.StartRegister == BrightnessRegister)
        {
            _brightness[request.Unit] = request.Values[0];
        }
        else if (request.Function == ModbusRtu.WriteSingleRegister)
        {
            _shown[request.Unit] = request.Values[0] == 0xFFFF ? string.Empty : request.Values[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            _shown[request.Unit] = DecodeSegments(request.Values);
        }

        Interlocked.Increment(ref _acceptedFrames);
        replies.AddRange(ModbusRtu.BuildWriteResponse(request));
        return consumed;
    }

    private int FeedFramed(List<byte> replies)
    {
        var status = FramedLedProtocol.TryParseFrame(_pending.ToArray(), out var frame, out var consumed);
        switch (status)
        {
            case FramedParseStatus.NeedMoreData:
                return 0;
            case FramedParseStatus.Garbage:
                return consumed;
            case FramedParseStatus.BadChecksum:
                Interlocked.Increment(ref _rejectedFrames);
                if (_addresses.Contains(frame!.Address))
                {
                    replies.AddRange(FramedLedProtocol.BuildReply(frame.Address, accepted: false));
                }

                return consumed;
        }

        if (!_addresses.Contains(frame!.Address))
        {
            Interlocked.Increment(ref _ignoredFrames);
            return consumed;
        }

        var accepted = true;
        switch (frame.Command)
        {
            case FramedLedProtocol.CommandShow:
                _shown[frame.Address] = frame.PayloadText;
                break;
            case FramedLedProtocol.CommandBlank:
                _shown[frame.Address] = string.Empty;
                break;
            case FramedLedProtocol.CommandBrightness when frame.Payload.Length == 1 && char.IsAsciiDigit((char)frame.Payload[0]):
                _brightness[frame.Address] = frame.Payload[0] - '0';
                break;
            default:
                accepted = false;
                break;
        }

        if (accepted)
        {
            Interlocked.Increment(ref _acceptedFrames);
        }

        replies.AddRange(FramedLedProtocol.BuildReply(frame.Address, accepted));
        return consumed;
    }

    private static string DecodeSegments(IReadOnlyList<ushort> values)
    {
        var chars = new char[values.Count];
        for (var i = 0; i < values.Count; i++)
        {
            chars[i] = SevenSegment.SupportedCharacters.FirstOrDefault(c => SevenSegment.Encode(c) == values[i], '?');
        }

        return new string(chars);
    }
}
