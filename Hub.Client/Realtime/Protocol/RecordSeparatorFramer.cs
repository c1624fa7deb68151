namespace QueueKiosk.HubClient.Realtime.Protocol;

/// <summary>
/// Splits the text stream of the JSON hub protocol into messages: every message ends with the
/// record separator 0x1E, a WebSocket frame may hold several messages, and one message may span
/// several frames. Pure: bytes in, complete messages out.
/// </summary>
public sealed class RecordSeparatorFramer
{
    public const byte RecordSeparator = 0x1E;

    private readonly List<byte> _pending = [];
    private readonly int _maxMessageBytes;

    /// <param name="maxMessageBytes">A message growing past this without a separator is refused, so a broken peer cannot exhaust memory.</param>
    public RecordSeparatorFramer(int maxMessageBytes = 1024 * 1024)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxMessageBytes, 16);
        _maxMessageBytes = maxMessageBytes;
    }

    /// <summary>Bytes received but not yet ended by a separator.</summary>
    public int PendingBytes => _pending.Count;

    /// <summary>Adds received bytes and returns every message they complete, in order, without the separator.</summary>
    public IReadOnlyList<byte[]> Append(ReadOnlySpan<byte> data)
    {
        List<byte[]>? messages = null;
        while (!data.IsEmpty)
        {
            var end = data.IndexOf(RecordSeparator);
            if (end < 0)
            {
                Keep(data);
                break;
            }

            Keep(data[..end]);
            (messages ??= []).Add([.. _pending]);
            _pending.Clear();
            data = data[(end + 1)..];
        }

        return messages ?? (IReadOnlyList<byte[]>)[];
    }

    private void Keep(ReadOnlySpan<byte> part)
    {
        if (_pending.Count + part.Length > _maxMessageBytes)
        {
            _pending.Clear();
            throw new InvalidDataException(
                $"Tin nhắn SignalR dài hơn {_maxMessageBytes} byte mà không có ký tự kết thúc 0x1E / " +
                $"SignalR message longer than {_maxMessageBytes} bytes without a 0x1E record separator.");
        }

        _pending.AddRange(part);
    }
}
