using QueueKiosk.Devices.Camera;

namespace QueueKiosk.Devices.Tests.Camera;

public sealed class FrameFanoutTests
{
    private static JpegFrame Frame(long n) => new(n, DateTimeOffset.UnixEpoch.AddSeconds(n), new byte[] { 0xFF, 0xD8, (byte)n, 0xFF, 0xD9 });

    [Fact]
    public void Publish_ViewerThatNeverReads_KeepsOnlyTheNewestFramesAndCountsDrops()
    {
        var fanout = new FrameFanout();
        using var stalled = fanout.Subscribe(capacity: 2);
        using var reader = fanout.Subscribe(capacity: 2);
        var readerGot = new List<long>();

        for (var n = 1; n <= 100; n++)
        {
            fanout.Publish(Frame(n));
            while (reader.Frames.TryRead(out var f))
                readerGot.Add(f.Sequence);
        }

        Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), readerGot);
        Assert.Equal(98, stalled.DroppedCount);
        Assert.True(stalled.Frames.TryRead(out var a) && a.Sequence == 99);
        Assert.True(stalled.Frames.TryRead(out var b) && b.Sequence == 100);
        Assert.Equal(100, fanout.Latest!.Sequence);
    }

    [Fact]
    public void Dispose_RemovesTheViewer()
    {
        var fanout = new FrameFanout();
        var viewer = fanout.Subscribe();
        Assert.Equal(1, fanout.ViewerCount);

        viewer.Dispose();
        fanout.Publish(Frame(1));

        Assert.Equal(0, fanout.ViewerCount);
        Assert.Equal(0, viewer.OfferedCount);
        Assert.True(viewer.Frames.Completion.IsCompleted);
    }
}
