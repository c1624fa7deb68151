using QueueKiosk.Devices.Camera;

namespace QueueKiosk.Devices.Tests.Camera;

public sealed class JpegFrameSplitterTests
{
    private static readonly byte[] FrameA = [0xFF, 0xD8, 0x01, 0xFF, 0x00, 0x02, 0xFF, 0xD9];
    private static readonly byte[] FrameB = [0xFF, 0xD8, 0xFF, 0xDB, 0x10, 0xFF, 0xD9];

    [Fact]
    public void Push_TwoFramesWithGarbageAround_ReturnsExactlyTheFrames()
    {
        var splitter = new JpegFrameSplitter();
        var frames = new List<byte[]>();
        byte[] stream = [0x00, 0xFF, 0x12, .. FrameA, 0x55, .. FrameB, 0xFF];

        splitter.Push(stream, frames.Add);

        Assert.Equal(2, frames.Count);
        Assert.Equal(FrameA, frames[0]);
        Assert.Equal(FrameB, frames[1]);
        Assert.Equal(5, splitter.DiscardedBytes);
    }

    [Fact]
    public void Push_OneByteAtATime_SplitsMarkersAcrossChunks()
    {
        var splitter = new JpegFrameSplitter();
        var frames = new List<byte[]>();
        byte[] stream = [.. FrameA, .. FrameB, .. FrameA];

        foreach (var b in stream)
            splitter.Push([b], frames.Add);

        Assert.Equal([FrameA, FrameB, FrameA], frames);
    }

    [Fact]
    public void Push_OversizedFrame_IsDroppedAndTheNextFrameStillFound()
    {
        var splitter = new JpegFrameSplitter(maxFrameBytes: 16);
        var frames = new List<byte[]>();
        byte[] stream = [0xFF, 0xD8, .. new byte[40], .. FrameB];

        splitter.Push(stream, frames.Add);

        Assert.Equal([FrameB], frames);
    }

    [Fact]
    public void Reset_MidFrame_ForgetsThePartialImage()
    {
        var splitter = new JpegFrameSplitter();
        var frames = new List<byte[]>();
        splitter.Push(FrameA.AsSpan(0, 4), frames.Add);

        splitter.Reset();
        splitter.Push([0x02, 0xFF, 0xD9, .. FrameB], frames.Add);

        Assert.Equal([FrameB], frames);
    }
}
