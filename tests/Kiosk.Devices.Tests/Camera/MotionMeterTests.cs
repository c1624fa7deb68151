using QueueKiosk.Devices.Camera;

namespace QueueKiosk.Devices.Tests.Camera;

public sealed class MotionMeterTests
{
    private static byte[] Filled(byte value) => Enumerable.Repeat(value, MotionMeter.FrameBytes).ToArray();

    [Fact]
    public void Add_FirstFrame_LevelIsZero()
    {
        var meter = new MotionMeter();
        Assert.Equal(0, meter.Add(Filled(200)));
    }

    [Fact]
    public void Add_SameFrameTwice_LevelIsZero()
    {
        var meter = new MotionMeter();
        meter.Add(Filled(90));
        Assert.Equal(0, meter.Add(Filled(90)));
    }

    [Fact]
    public void Add_BlackThenWhite_LevelIsHundred()
    {
        var meter = new MotionMeter();
        meter.Add(Filled(0));
        Assert.Equal(100, meter.Add(Filled(255)), precision: 6);
    }

    [Fact]
    public void Add_QuarterOfPixelsChangeFully_LevelIsTwentyFive()
    {
        var meter = new MotionMeter();
        meter.Add(Filled(0));
        var next = Filled(0);
        Array.Fill(next, (byte)255, 0, MotionMeter.FrameBytes / 4);
        Assert.Equal(25, meter.Add(next), precision: 6);
    }

    [Fact]
    public void Add_WrongSize_ThrowsNamingTheSize()
    {
        var meter = new MotionMeter();
        var ex = Assert.Throws<ArgumentException>(() => meter.Add(new byte[100]));
        Assert.Contains("19200", ex.Message, StringComparison.Ordinal);
    }
}
