using System.Text;

namespace QueueKiosk.Devices.Displays.Framed;

/// <summary>A decoded framed-protocol command, as a board sees it.</summary>
public sealed record FramedLedFrame(byte Address, byte Command, byte[] Payload)
{
    public string PayloadText => Encoding.ASCII.GetString(Payload);
}

/// <summary>What <see cref="FramedLedProtocol.TryParseFrame"/> found at the start of a buffer.</summary>
public enum FramedParseStatus
{
    NeedMoreData,
    Frame,

    /// <summary>Framing is right but the checksum is wrong: the board answers NAK.</summary>
    BadChecksum,

    /// <summary>No STX at the start, or no ETX where the length says: drop one byte and resync.</summary>
    Garbage,
}

/// <summary>
/// Our framed LED protocol, modelled on vendor ASCII boards (hardware-docs/displays.md):
/// <c>STX(02) ADDR CMD LEN PAYLOAD[LEN] CHK ETX(03)</c>, CHK = XOR of ADDR, CMD, LEN and the
/// payload; the addressed board replies <c>ACK(06) ADDR</c> or <c>NAK(15) ADDR</c>.
/// Pure: bytes in, bytes out.
/// </summary>
public static class FramedLedProtocol
{
    public const byte Stx = 0x02;
    public const byte Etx = 0x03;
    public const byte Ack = 0x06;
    public const byte Nak = 0x15;

    /// <summary>'N': show the ASCII payload, one character per digit, left to right.</summary>
    public const byte CommandShow = (byte)'N';

    /// <summary>'B': all segments off, no payload.</summary>
    public const byte CommandBlank = (byte)'B';

    /// <summary>'L': brightness, payload one ASCII digit '0'..'9'.</summary>
    public const byte CommandBrightness = (byte)'L';

    public const byte MinAddress = 1;
    public const byte MaxAddress = 254;
    public const int MaxPayload = 32;
    public const int ReplyLength = 2;

    /// <summary>Bytes around the payload: STX, ADDR, CMD, LEN, CHK, ETX.</summary>
    public const int Overhead = 6;

    public static byte Checksum(ReadOnlySpan<byte> addressCommandLengthPayload)
    {
        byte checksum = 0;
        foreach (var b in addressCommandLengthPayload)
        {
            checksum ^= b;
        }

        return checksum;
    }

    public static byte[] BuildFrame(byte address, byte command, ReadOnlySpan<byte> payload)
    {
        if (payload.Length > MaxPayload)
        {
            throw new ArgumentOutOfRangeException(nameof(payload), payload.Length, $"payload is at most {MaxPayload} bytes");
        }

        var frame = new byte[Overhead + payload.Length];
        frame[0] = Stx;
        frame[1] = address;
        frame[2] = command;
        frame[3] = (byte)payload.Length;
        payload.CopyTo(frame.AsSpan(4));
        frame[^2] = Checksum(frame.AsSpan(1, 3 + payload.Length));
        frame[^1] = Etx;
        return frame;
    }

    /// <summary>'N' with the text exactly as laid out for the board (see <see cref="BoardText"/>).</summary>
    public static byte[] BuildShow(byte address, string boardText)
    {
        ArgumentNullException.ThrowIfNull(boardText);
        foreach (var c in boardText)
        {
            if (!SevenSegment.IsSupported(c))
            {
                throw new ArgumentException($"character '{c}' is not allowed in a show command", nameof(boardText));
            }
        }

        return BuildFrame(address, CommandShow, Encoding.ASCII.GetBytes(boardText.ToUpperInvariant()));
    }

    public static byte[] BuildBlank(byte address) => BuildFrame(address, CommandBlank, []);

    public static byte[] BuildBrightness(byte address, int level)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(level);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(level, 9);
        return BuildFrame(address, CommandBrightness, [(byte)('0' + level)]);
    }

    public static byte[] BuildReply(byte address, bool accepted) => [accepted ? Ack : Nak, address];

    /// <summary>Checks a reply to a frame sent to <paramref name="address"/>; throws on NAK or a stranger's reply.</summary>
    public static void CheckReply(byte address, ReadOnlySpan<byte> reply, string boardName)
    {
        if (reply.Length != ReplyLength || (reply[0] != Ack && reply[0] != Nak))
        {
            throw new LedBoardException(boardName, $"Bảng LED {boardName}: phản hồi không hợp lệ ({Convert.ToHexString(reply)}) / LED board {boardName}: invalid reply") { IsTransient = true };
        }

        if (reply[1] != address)
        {
            throw new LedBoardException(boardName, $"Bảng LED {boardName}: phản hồi từ địa chỉ {reply[1]}, chờ {address} / LED board {boardName}: reply from address {reply[1]}, expected {address}") { IsTransient = true };
        }

        if (reply[0] == Nak)
        {
            // A NAK means the board saw a corrupt frame (or a command it lacks): worth one resend.
            throw new LedBoardException(boardName, $"Bảng LED {boardName} trả lời NAK / LED board {boardName} answered NAK") { IsTransient = true };
        }
    }

    /// <summary>Parses one frame at the start of <paramref name="buffer"/> (board side).</summary>
    public static FramedParseStatus TryParseFrame(ReadOnlySpan<byte> buffer, out FramedLedFrame? frame, out int consumed)
    {
        frame = null;
        consumed = 0;
        if (buffer.IsEmpty)
        {
            return FramedParseStatus.NeedMoreData;
        }

        if (buffer[0] != Stx)
        {
            consumed = 1;
            return FramedParseStatus.Garbage;
        }

        if (buffer.Length < 4)
        {
            return FramedParseStatus.NeedMoreData;
        }

        var payloadLength = buffer[3];
        if (payloadLength > MaxPayload)
        {
            consumed = 1;
            return FramedParseStatus.Garbage;
        }

        var length = Overhead + payloadLength;
        if (buffer.Length < length)
        {
            return FramedParseStatus.NeedMoreData;
        }

        if (buffer[length - 1] != Etx)
        {
            consumed = 1;
            return FramedParseStatus.Garbage;
        }

        consumed = length;
        var checksum = Checksum(buffer.Slice(1, 3 + payloadLength));
        if (checksum != buffer[length - 2])
        {
            // The address is still worth reporting: the board it names answers NAK.
            frame = new FramedLedFrame(buffer[1], buffer[2], buffer.Slice(4, payloadLength).ToArray());
            return FramedParseStatus.BadChecksum;
        }

        frame = new FramedLedFrame(buffer[1], buffer[2], buffer.Slice(4, payloadLength).ToArray());
        return FramedParseStatus.Frame;
    }
}
