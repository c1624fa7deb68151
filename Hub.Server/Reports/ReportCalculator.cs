using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Reports;

/// <summary>
/// One ticket as the report sees it: labels of its groups and its times (UTC).
/// <paramref name="UncalledWaitSeconds"/>: for a ticket never called that is still waiting (or
/// expired unserved), how long it has waited; null otherwise (called, or cancelled by the citizen).
/// </summary>
public sealed record ReportTicket(
    TicketStatus Status,
    string ServiceKey,
    string ServiceLabel,
    string ProcedureKey,
    string ProcedureLabel,
    string CounterKey,
    string CounterLabel,
    string OfficerKey,
    string OfficerLabel,
    int LocalHour,
    DateTime IssuedAt,
    DateTime? CalledAt,
    DateTime? ServiceStartedAt,
    DateTime? FinishedAt,
    bool WasTransferred,
    int WaitTargetMinutes,
    double? UncalledWaitSeconds = null);

/// <summary>
/// The figures of a report, pure: tickets in, rows out. Wait = CalledAt - IssuedAt of every
/// called ticket (a transferred ticket keeps its issue time, so its wait counts from the kiosk);
/// service time = FinishedAt - ServiceStartedAt of served tickets. Median is the middle value
/// (mean of the two middle values for an even count); p90 is the nearest-rank 90th percentile.
/// Within target: of the tickets whose wait is known to be in or past the target (every called
/// ticket, and every uncalled one already past it), the share called within the target; a ticket
/// still waiting past its target counts against it, as the supervisor's alert does.
/// </summary>
public static class ReportCalculator
{
    public static ReportRowDto Row(string key, string label, IReadOnlyCollection<ReportTicket> tickets)
    {
        var called = tickets.Where(t => t.CalledAt is not null).ToList();
        var waits = called.Select(t => (t.CalledAt!.Value - t.IssuedAt).TotalSeconds).ToList();
        var services = tickets.Where(t => t.Status == TicketStatus.Served && t.FinishedAt is not null && t.ServiceStartedAt is not null)
            .Select(t => (t.FinishedAt!.Value - t.ServiceStartedAt!.Value).TotalSeconds).ToList();
        var uncalledPastTarget = tickets.Count(t => t.CalledAt is null && t.UncalledWaitSeconds > t.WaitTargetMinutes * 60.0);
        var judged = called.Count + uncalledPastTarget;
        double? withinTarget = judged == 0
            ? null
            : (double)called.Count(t => (t.CalledAt!.Value - t.IssuedAt).TotalSeconds <= t.WaitTargetMinutes * 60.0) / judged;
        return new ReportRowDto(
            key, label, tickets.Count,
            tickets.Count(t => t.Status == TicketStatus.Served),
            tickets.Count(t => t.Status == TicketStatus.NoShow),
            tickets.Count(t => t.WasTransferred),
            tickets.Count(t => t.Status == TicketStatus.Cancelled),
            tickets.Count(t => t.Status == TicketStatus.Expired),
            Stats(waits), Stats(services), withinTarget);
    }

    public static IReadOnlyList<ReportRowDto> GroupBy(IEnumerable<ReportTicket> tickets, Func<ReportTicket, (string Key, string Label)> group) =>
        [.. tickets.GroupBy(group)
            .OrderBy(g => g.Key.Label, StringComparer.Ordinal)
            .Select(g => Row(g.Key.Key, g.Key.Label, g.ToList()))];

    public static IReadOnlyList<ReportRowDto> ByHour(IEnumerable<ReportTicket> tickets) =>
        [.. tickets.GroupBy(t => t.LocalHour).OrderBy(g => g.Key)
            .Select(g => Row(g.Key.ToString("00", System.Globalization.CultureInfo.InvariantCulture), $"{g.Key:00}:00-{g.Key:00}:59", g.ToList()))];

    public static DurationStatsDto Stats(IReadOnlyCollection<double> seconds)
    {
        if (seconds.Count == 0)
        {
            return new DurationStatsDto(0, null, null, null);
        }

        var sorted = seconds.Order().ToArray();
        var n = sorted.Length;
        var median = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2;
        var p90 = sorted[(int)Math.Ceiling(0.9 * n) - 1];
        return new DurationStatsDto(n, sorted.Average(), median, p90);
    }

    /// <summary>
    /// Presence time per counter per local day From..To, for the site's counters only, from the
    /// camera figures of each day (<paramref name="dayFigures"/>); days and counters without figures are left out.
    /// </summary>
    public static IReadOnlyList<ReportPresenceDto> Presence(
        DateOnly from, DateOnly to, IEnumerable<(int Number, string Name)> counters, Func<DateOnly, IReadOnlyList<Supervision.Analytics.CounterPresenceTime>> dayFigures)
    {
        var names = counters.GroupBy(c => c.Number).ToDictionary(g => g.Key, g => g.First().Name);
        var rows = new List<ReportPresenceDto>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            rows.AddRange(dayFigures(day).Where(p => names.ContainsKey(p.CounterNumber) && p.Observed > TimeSpan.Zero).OrderBy(p => p.CounterNumber)
                .Select(p => new ReportPresenceDto(day, p.CounterNumber, names[p.CounterNumber], (int)p.Present.TotalSeconds, (int)p.Observed.TotalSeconds)));
        }

        return rows;
    }
}
