using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;
using QueueKiosk.Devices.Camera.Analytics;

namespace QueueKiosk.Devices.Camera;

/// <summary>
/// Where ffmpeg sends its small gray frames (tcp://127.0.0.1:<see cref="Port"/>): each run of
/// ffmpeg connects anew; every frame updates <see cref="Level"/> through a <see cref="MotionMeter"/>
/// and is offered to <see cref="Frames"/> for camera analytics.
/// </summary>
internal sealed class MotionListener(TimeProvider time) : IAsyncDisposable
{
    // Two frames at most: an analysis that falls behind loses old frames and never slows the
    // socket, so ffmpeg (and with it the preview and the recording) is never held up.
    private readonly Channel<AnalysisFrame> _frames = Channel.CreateBounded<AnalysisFrame>(
        new BoundedChannelOptions(2) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true, SingleWriter = true });

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly MotionMeter _meter = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _reader;
    private double _level;

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>0..1, how much the picture changes.</summary>
    public double Level => Volatile.Read(ref _level);

    /// <summary>The analysis frames, newest kept; one reader.</summary>
    public ChannelReader<AnalysisFrame> Frames => _frames.Reader;

    public void Start()
    {
        _listener.Start();
        _reader = Task.Run(() => ReadAsync(_stop.Token));
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        if (_reader is not null)
        {
            await _reader;
        }

        _frames.Writer.TryComplete();
        _stop.Dispose();
    }

    private async Task ReadAsync(CancellationToken stop)
    {
        var frame = new byte[MotionMeter.FrameBytes];
        while (!stop.IsCancellationRequested)
        {
            try
            {
                using var client = await _listener.AcceptTcpClientAsync(stop);
                await using var stream = client.GetStream();
                _meter.Reset();
                while (true)
                {
                    await stream.ReadExactlyAsync(frame, stop);
                    Volatile.Write(ref _level, _meter.Add(frame));
                    _frames.Writer.TryWrite(new AnalysisFrame(time.GetUtcNow(), [.. frame]));
                }
            }
            catch (Exception ex) when (ex is EndOfStreamException or IOException or SocketException)
            {
                // ffmpeg went away; the next run connects again.
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                return;
            }
        }
    }
}
