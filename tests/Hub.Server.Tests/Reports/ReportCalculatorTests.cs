using QueueKiosk.HubServer.Reports;

namespace QueueKiosk.HubServer.Tests.Reports;

public sealed class ReportCalculatorTests
{
    [Fact]
    public void Stats_OfNothing_HasNoFigures()
    {
        var stats = ReportCalculator.Stats([]);
        Assert.Equal(0, stats.Count);
        Assert.Null(stats.MeanSeconds);
        Assert.Null(stats.MedianSeconds);
        Assert.Null(stats.P90Seconds);
    }

    [Fact]
    public void Stats_OfOneValue_IsThatValue()
    {
        var stats = ReportCalculator.Stats([42]);
        Assert.Equal((1, 42.0, 42.0, 42.0), (stats.Count, stats.MeanSeconds!.Value, stats.MedianSeconds!.Value, stats.P90Seconds!.Value));
    }

    [Fact]
    public void Stats_OfOneToTen_MedianIsMeanOfMiddlePair_P90IsNinthValue()
    {
        // Unsorted on purpose. Mean 55/10 = 5.5; median (5+6)/2 = 5.5; p90 nearest rank ceil(0.9*10) = 9th = 9.
        var stats = ReportCalculator.Stats([7, 1, 10, 3, 5, 2, 9, 4, 8, 6]);
        Assert.Equal(5.5, stats.MeanSeconds);
        Assert.Equal(5.5, stats.MedianSeconds);
        Assert.Equal(9, stats.P90Seconds);
    }

    [Fact]
    public void Stats_OfElevenValues_P90IsTenthValue()
    {
        // ceil(0.9*11) = 10th smallest = 100; median = 6th = 60; mean = 660/11 = 60.
        var stats = ReportCalculator.Stats([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110]);
        Assert.Equal(60, stats.MeanSeconds);
        Assert.Equal(60, stats.MedianSeconds);
        Assert.Equal(100, stats.P90Seconds);
    }
}
