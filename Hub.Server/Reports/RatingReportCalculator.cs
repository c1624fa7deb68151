using System.Globalization;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Reports;

/// <summary>One rating as the report sees it: the groups of its ticket and what the citizen said (Score null: not rated).</summary>
public sealed record ReportRating(ReportTicket Ticket, DateOnly Day, int? Score, int? Points);

/// <summary>
/// The ratings part of a report, pure (docs/ratings.md): per officer, counter, service and day, the
/// count per level, the "not rated" records, and where Circular 01 indices were collected their mean
/// points and grade (<see cref="Circular01Score"/>).
/// </summary>
public static class RatingReportCalculator
{
    public static RatingReportDto Report(IReadOnlyCollection<ReportRating> ratings) => new(
        Row("total", "Tổng cộng / Total", ratings),
        GroupBy(ratings, r => (r.Ticket.OfficerKey, r.Ticket.OfficerLabel)),
        GroupBy(ratings, r => (r.Ticket.CounterKey, r.Ticket.CounterLabel)),
        GroupBy(ratings, r => (r.Ticket.ServiceKey, r.Ticket.ServiceLabel)),
        GroupBy(ratings, r => (Day(r.Day), Day(r.Day))));

    public static RatingRowDto Row(string key, string label, IReadOnlyCollection<ReportRating> ratings)
    {
        int Count(SatisfactionLevel level) => ratings.Count(r => r.Score == (int)level);
        var mean = Circular01Score.MeanPoints(ratings.Select(r => r.Points));
        return new RatingRowDto(key, label,
            Count(SatisfactionLevel.VerySatisfied), Count(SatisfactionLevel.Satisfied), Count(SatisfactionLevel.Neutral), Count(SatisfactionLevel.Unhappy),
            ratings.Count(r => r.Score is null), ratings.Count(r => r.Points is not null),
            mean, mean is { } m ? Circular01Score.Percent(m) : null, mean is { } p ? Circular01Score.Band(p) : null);
    }

    /// <summary>The share of one level among the rated (not counting "not rated"), 0 to 1; null when nobody rated.</summary>
    public static double? Share(RatingRowDto row, SatisfactionLevel level)
    {
        var count = level switch
        {
            SatisfactionLevel.VerySatisfied => row.VerySatisfied,
            SatisfactionLevel.Satisfied => row.Satisfied,
            SatisfactionLevel.Neutral => row.Neutral,
            _ => row.Unhappy,
        };
        return row.Rated == 0 ? null : (double)count / row.Rated;
    }

    private static List<RatingRowDto> GroupBy(IEnumerable<ReportRating> ratings, Func<ReportRating, (string Key, string Label)> group) =>
        [.. ratings.GroupBy(group).OrderBy(g => g.Key.Label, StringComparer.Ordinal).Select(g => Row(g.Key.Key, g.Key.Label, [.. g]))];

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
