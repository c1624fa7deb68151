namespace QueueKiosk.Devices.Camera;

/// <summary>
/// Motion level of a camera from small gray frames (160x120, one byte per pixel): the mean
/// absolute difference between consecutive frames scaled to 0..100. Pure.
/// </summary>
public sealed class MotionMeter
{
    public const int FrameWidth = 160;
    public const int FrameHeight = 120;
    public const int FrameBytes = FrameWidth * FrameHeight; // 19,200

    private readonly byte[] _previous = new byte[FrameBytes];
    private bool _hasPrevious;

    /// <summary>The level of the last frame pair; 0 until two frames were seen.</summary>
    public double Level { get; private set; }

    /// <summary>Adds one frame and returns the new level.</summary>
    public double Add(ReadOnlySpan<byte> grayFrame)
    {
        if (grayFrame.Length != FrameBytes)
            throw new ArgumentException($"A motion frame has {FrameBytes} bytes, got {grayFrame.Length}.", nameof(grayFrame));
        if (_hasPrevious)
            Level = Difference(_previous, grayFrame);
        grayFrame.CopyTo(_previous);
        _hasPrevious = true;
        return Level;
    }

    /// <summary>Mean absolute difference of two equal-sized gray images, 0 (same) .. 100 (black vs white).</summary>
    public static double Difference(ReadOnlySpan<byte> a, ReadOnlySpan<byte> b)
    {
        if (a.Length != b.Length || a.Length == 0)
            throw new ArgumentException("Frames must have the same, non-zero size.");
        long sum = 0;
        for (var i = 0; i < a.Length; i++)
            sum += Math.Abs(a[i] - b[i]);
        return sum * 100.0 / (255.0 * a.Length);
    }

    public void Reset()
    {
        _hasPrevious = false;
        Level = 0;
    }
}
