using System.Threading.Channels;

namespace QueueKiosk.Devices.Camera;

/// <summary>One JPEG image of the live preview.</summary>
public sealed record JpegFrame(long Sequence, DateTimeOffset CapturedUtc, ReadOnlyMemory<byte> Data);

/// <summary>
/// Hands each preview frame to every viewer. Each viewer has its own tiny queue that drops the
/// oldest frame when full, so a slow or stalled viewer only loses its own frames and never
/// delays the reader of ffmpeg's stdout or the other viewers.
/// </summary>
public sealed class FrameFanout
{
    private readonly Lock _gate = new();
    private FrameViewer[] _viewers = [];
    private JpegFrame? _latest;
    private long _published;

    /// <summary>The newest frame, for snapshots; null before the first frame.</summary>
    public JpegFrame? Latest => Volatile.Read(ref _latest);

    public long PublishedCount => Interlocked.Read(ref _published);

    public int ViewerCount => Volatile.Read(ref _viewers).Length;

    /// <summary>Adds a viewer; dispose it to leave.</summary>
    /// <param name="capacity">Frames held for this viewer (1 or 2 keeps the picture live).</param>
    public FrameViewer Subscribe(int capacity = 2)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var viewer = new FrameViewer(this, capacity);
        lock (_gate)
            _viewers = [.. _viewers, viewer];
        return viewer;
    }

    /// <summary>Never blocks: a full viewer queue drops its oldest frame.</summary>
    public void Publish(JpegFrame frame)
    {
        Volatile.Write(ref _latest, frame);
        Interlocked.Increment(ref _published);
        foreach (var viewer in Volatile.Read(ref _viewers))
            viewer.Offer(frame);
    }

    internal void Remove(FrameViewer viewer)
    {
        lock (_gate)
            _viewers = [.. _viewers.Where(v => v != viewer)];
    }
}

/// <summary>One viewer's queue of frames.</summary>
public sealed class FrameViewer : IDisposable
{
    private readonly FrameFanout _owner;
    private readonly Channel<JpegFrame> _channel;
    private long _offered;
    private long _dropped;

    internal FrameViewer(FrameFanout owner, int capacity)
    {
        _owner = owner;
        _channel = Channel.CreateBounded<JpegFrame>(
            new BoundedChannelOptions(capacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true },
            _ => Interlocked.Increment(ref _dropped));
    }

    public ChannelReader<JpegFrame> Frames => _channel.Reader;

    /// <summary>Frames handed to this viewer, including those later dropped.</summary>
    public long OfferedCount => Interlocked.Read(ref _offered);

    /// <summary>Frames dropped because this viewer did not keep up.</summary>
    public long DroppedCount => Interlocked.Read(ref _dropped);

    internal void Offer(JpegFrame frame)
    {
        Interlocked.Increment(ref _offered);
        _channel.Writer.TryWrite(frame);
    }

    public void Dispose()
    {
        _owner.Remove(this);
        _channel.Writer.TryComplete();
    }
}
