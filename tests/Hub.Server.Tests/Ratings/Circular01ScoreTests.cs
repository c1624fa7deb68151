using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Reports;

namespace QueueKiosk.HubServer.Tests.Ratings;

/// <summary>
/// Circular 01/2018/TT-VPCP scoring (docs/ratings.md) with worked examples: each index 0, 1 or 2
/// points; grading &gt;= 5 points = 100 %, 3.5 to &lt; 5 = 70 to &lt; 100 %, &lt; 3.5 = under 70 %.
/// </summary>
public sealed class Circular01ScoreTests
{
    [Fact]
    public void ATicketFinishedEarly_NoExtraContact_NoExtraPapers_KindOfficer_ScoresAllEightPoints()
    {
        // Index 1 earlier than the deadline = 2, index 3 no extra contact = 2, index 4 = 2, index 7 = 2.
        Assert.Equal(8, Circular01Score.TicketPoints(2, 2, 2, 2));
    }

    [Fact]
    public void ATicketOnTime_OneExtraContact_IsTwoPointsFromIndices1And3()
    {
        // On time = 1, one more contact = 1; indices 4 and 7 not asked (the office turned them off).
        Assert.Equal(2, Circular01Score.TicketPoints(1, 1, null, null));
    }

    [Fact]
    public void ALateTicket_ManyContacts_ScoresZero_WhichIsNotTheSameAsNotAsked()
    {
        Assert.Equal(0, Circular01Score.TicketPoints(0, 0, 0, 0));
        Assert.Null(Circular01Score.TicketPoints(null, null, null, null));
    }

    [Theory]
    [InlineData(8.0, Circular01Band.Full, 100.0)]
    [InlineData(5.0, Circular01Band.Full, 100.0)]
    [InlineData(4.25, Circular01Band.From70To100, 85.0)]
    [InlineData(3.5, Circular01Band.From70To100, 70.0)]
    [InlineData(3.499, Circular01Band.Under70, 69.98)]
    [InlineData(1.75, Circular01Band.Under70, 35.0)]
    [InlineData(0.0, Circular01Band.Under70, 0.0)]
    public void Grade_FollowsTheCircularsBands(double points, Circular01Band band, double percent)
    {
        Assert.Equal(band, Circular01Score.Band(points));
        Assert.Equal(percent, Circular01Score.Percent(points), 2);
    }

    [Fact]
    public void AnOfficersPoints_AreTheMeanOverTicketsWithIndices_SkippingTicketsWithout()
    {
        // Three tickets with indices: 8, 4 and 3 points -> 15 / 3 = 5 points = 100 %; the two
        // tickets rated without indices (or not rated) do not pull the mean down.
        var mean = Circular01Score.MeanPoints([8, null, 4, 3, null]);
        Assert.Equal(5.0, mean);
        Assert.Equal(Circular01Band.Full, Circular01Score.Band(mean!.Value));
    }

    [Fact]
    public void AnOfficerJustUnderFivePoints_Grades70To100()
    {
        // 5 + 4 + 4 + 4 = 17 / 4 = 4.25 points: 70 + 30 * (4.25 - 3.5) / 1.5 = 85 %.
        var mean = Circular01Score.MeanPoints([5, 4, 4, 4])!.Value;
        Assert.Equal(4.25, mean);
        Assert.Equal(Circular01Band.From70To100, Circular01Score.Band(mean));
        Assert.Equal(85.0, Circular01Score.Percent(mean), 6);
    }

    [Fact]
    public void NoTicketWithIndices_HasNoGrade()
    {
        Assert.Null(Circular01Score.MeanPoints([null, null]));
        Assert.Null(Circular01Score.MeanPoints([]));
    }

    [Fact]
    public void RatingRows_CountEachLevel_NotRatedApart_AndGradeOnlyWhereIndicesWereCollected()
    {
        var ticket = new ReportTicket(TicketStatus.Served, "A", "A - Hộ tịch", "-", "-", "1", "Quầy 1", "o1", "Cán bộ 1", 8,
            DateTime.UtcNow, null, null, null, false, 15);
        var day = new DateOnly(2026, 12, 4);
        ReportRating[] ratings =
        [
            new(ticket, day, 4, 8), new(ticket, day, 4, null), new(ticket, day, 3, 4), new(ticket, day, 1, 3), new(ticket, day, null, null),
        ];

        var row = RatingReportCalculator.Row("o1", "Cán bộ 1", ratings);

        Assert.Equal((2, 1, 0, 1, 1, 3), (row.VerySatisfied, row.Satisfied, row.Neutral, row.Unhappy, row.NotRated, row.WithIndices));
        Assert.Equal(0.5, RatingReportCalculator.Share(row, SatisfactionLevel.VerySatisfied));
        Assert.Equal(0.25, RatingReportCalculator.Share(row, SatisfactionLevel.Unhappy));
        Assert.Equal(5.0, row.MeanPoints);
        Assert.Equal(Circular01Band.Full, row.Band);
        Assert.Equal(100.0, row.GradePercent);
    }
}
