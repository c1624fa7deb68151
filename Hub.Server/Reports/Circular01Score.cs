using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Reports;

/// <summary>
/// Circular 01/2018/TT-VPCP scoring of the indices a counter device collects (docs/ratings.md):
/// each index is 0, 1 or 2 points; a ticket's points are the sum of its collected indices; a group's
/// (an officer's, a counter's...) points are the mean over its tickets that have indices. Grading:
/// &gt;= 5 points = 100 %; 3.5 to &lt; 5 = 70 to &lt; 100 %; &lt; 3.5 = under 70 %. Inside a band the
/// percent moves linearly with the points (our reading; the circular gives only the bands).
/// </summary>
public static class Circular01Score
{
    public const double FullPoints = 5;
    public const double PartialPoints = 3.5;
    public const int MaxIndexPoints = 2;

    /// <summary>A ticket's points, or null when no index was collected for it.</summary>
    public static int? TicketPoints(int? index1, int? index3, int? index4, int? index7)
    {
        int?[] indices = [index1, index3, index4, index7];
        return indices.Any(i => i is not null) ? indices.Sum(i => i ?? 0) : null;
    }

    /// <summary>Mean points of the tickets that have indices; null when none has.</summary>
    public static double? MeanPoints(IEnumerable<int?> ticketPoints)
    {
        var scored = ticketPoints.Where(p => p is not null).Select(p => (double)p!.Value).ToList();
        return scored.Count == 0 ? null : scored.Average();
    }

    public static Circular01Band Band(double points) => points switch
    {
        >= FullPoints => Circular01Band.Full,
        >= PartialPoints => Circular01Band.From70To100,
        _ => Circular01Band.Under70,
    };

    /// <summary>The grade in percent: 100 from 5 points; 70 at 3.5 rising to just under 100 below 5; under 70 below 3.5 (0 at 0 points).</summary>
    public static double Percent(double points) => Band(points) switch
    {
        Circular01Band.Full => 100,
        Circular01Band.From70To100 => 70 + (30 * (points - PartialPoints) / (FullPoints - PartialPoints)),
        _ => Math.Max(0, 70 * points / PartialPoints),
    };
}
