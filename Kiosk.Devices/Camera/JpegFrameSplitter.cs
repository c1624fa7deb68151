namespace QueueKiosk.Devices.Camera;

/// <summary>
/// Cuts ffmpeg's MJPEG byte stream into whole JPEG images on SOI (FF D8) ... EOI (FF D9).
/// Safe for ffmpeg's output because 0xFF inside entropy-coded data is always stuffed (FF 00).
/// Pure: bytes in, frames out; chunks may split a frame or a marker anywhere.
/// </summary>
public sealed class JpegFrameSplitter
{
    private const byte Marker = 0xFF;
    private const byte StartOfImage = 0xD8;
    private const byte EndOfImage = 0xD9;

    private readonly int _maxFrameBytes;
    private readonly MemoryStream _current = new();
    private bool _inFrame;
    private bool _lastWasMarker;

    /// <param name="maxFrameBytes">A frame larger than this is garbage (lost sync) and is dropped.</param>
    public JpegFrameSplitter(int maxFrameBytes = 8 * 1024 * 1024)
    {
        _maxFrameBytes = maxFrameBytes;
    }

    /// <summary>Bytes thrown away because they were outside a frame or in an oversized one.</summary>
    public long DiscardedBytes { get; private set; }

    /// <summary>Feeds a chunk and calls <paramref name="onFrame"/> for each completed image.</summary>
    public void Push(ReadOnlySpan<byte> chunk, Action<byte[]> onFrame)
    {
        foreach (var b in chunk)
        {
            if (!_inFrame)
            {
                if (_lastWasMarker && b == StartOfImage)
                {
                    _inFrame = true;
                    _current.SetLength(0);
                    _current.WriteByte(Marker);
                    _current.WriteByte(StartOfImage);
                    DiscardedBytes--; // the FF counted below belonged to this frame
                    _lastWasMarker = false;
                    continue;
                }
                _lastWasMarker = b == Marker;
                DiscardedBytes++;
                continue;
            }

            _current.WriteByte(b);
            if (_lastWasMarker && b == EndOfImage)
            {
                onFrame(_current.ToArray());
                _current.SetLength(0);
                _inFrame = false;
                _lastWasMarker = false;
                continue;
            }
            _lastWasMarker = b == Marker;
            if (_current.Length > _maxFrameBytes)
            {
                DiscardedBytes += _current.Length;
                _current.SetLength(0);
                _inFrame = false;
                _lastWasMarker = false;
            }
        }
    }

    /// <summary>Forgets a partial frame, e.g. when ffmpeg restarts mid-image.</summary>
    public void Reset()
    {
        DiscardedBytes += _current.Length;
        _current.SetLength(0);
        _inFrame = false;
        _lastWasMarker = false;
    }
}
