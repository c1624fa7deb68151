using QueueKiosk.HubClient.Contracts;
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

    [Fact]
    public void WithinTarget_CountsTicketsStillWaitingPastTheTarget_AgainstIt()
    {
        var issued = new DateTime(2026, 11, 23, 1, 0, 0, DateTimeKind.Utc);
        ReportTicket Ticket(TicketStatus status, int? calledAfterMinutes, double? uncalledWaitMinutes) => new(
            status, "A", "A", "-", "-", "-", "-", "-", "-", 8, issued,
            calledAfterMinutes is { } m ? issued.AddMinutes(m) : null, null, null, false, 10, uncalledWaitMinutes * 60);

        var row = ReportCalculator.Row("total", "Tổng", [
            Ticket(TicketStatus.Served, 5, null), // called within the 10 minutes
            Ticket(TicketStatus.Served, 3, null), // within
            Ticket(TicketStatus.Waiting, null, 25), // still waiting, 25 min: past the target already
            Ticket(TicketStatus.Waiting, null, 4), // still waiting, 4 min: not judged yet
            Ticket(TicketStatus.Cancelled, null, null), // left: not judged
        ]);

        // Two called in time, one waiting past the target: 2 of 3, not the 100 % of the called ones alone.
        Assert.Equal(2.0 / 3, row.WithinTargetShare!.Value, 10);
    }

    [Fact]
    public void WithinTarget_NothingJudgedYet_IsNull() =>
        Assert.Null(ReportCalculator.Row("total", "Tổng", [new ReportTicket(TicketStatus.Waiting, "A", "A", "-", "-", "-", "-", "-", "-", 8,
            DateTime.UtcNow, null, null, null, false, 10, 60)]).WithinTargetShare);
}
