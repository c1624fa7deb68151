using System.Globalization;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Reports;

/// <summary>A cell of an exported report: text, or a whole number (seconds, counts, percents).</summary>
public readonly record struct ReportCell(string? Text, int? Number)
{
    public static implicit operator ReportCell(string text) => new(text, null);

    public static ReportCell Of(int value) => new(null, value);

    /// <summary>Whole seconds (no decimal separator to be misread by a Vietnamese-locale Excel), empty when unknown.</summary>
    public static ReportCell Seconds(double? seconds) => seconds is { } s ? Of((int)Math.Round(s, MidpointRounding.AwayFromZero)) : new ReportCell("", null);

    public override string ToString() => Number?.ToString(CultureInfo.InvariantCulture) ?? Text ?? "";
}

/// <summary>
/// The one layout of an exported report (the title line, the header, a row per group item), written
/// out by <see cref="ReportCsv"/> and <see cref="ReportXlsx"/> so the two files always hold the same figures.
/// </summary>
public static class ReportTable
{
    public static readonly IReadOnlyList<string> Header =
    [
        "Nhóm / Group", "Mục / Item", "Số phát / Issued", "Đã phục vụ / Served", "Vắng mặt / No-show", "Chuyển / Transferred",
        "Hủy / Cancelled", "Hết hạn / Expired",
        "Chờ TB (giây) / Mean wait (s)", "Chờ trung vị (giây) / Median wait (s)", "Chờ P90 (giây) / P90 wait (s)",
        "Phục vụ TB (giây) / Mean service (s)", "Phục vụ trung vị (giây) / Median service (s)", "Phục vụ P90 (giây) / P90 service (s)",
        "Trong mục tiêu (%) / Within target (%)",
        "Có mặt tại quầy (giây) / Present at counter (s)", "Camera theo dõi (giây) / Camera watched (s)",
    ];

    public static IReadOnlyList<string> Title(ReportDto report) =>
        ["Báo cáo / Report", report.SiteName,
            report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)];

    public static IEnumerable<IReadOnlyList<ReportCell>> Rows(ReportDto report) =>
        Group("Tổng / Total", [report.Total])
            .Concat(Group("Dịch vụ / Service", report.ByService))
            .Concat(Group("Thủ tục / Procedure", report.ByProcedure))
            .Concat(Group("Quầy / Counter", report.ByCounter))
            .Concat(Group("Cán bộ / Officer", report.ByOfficer))
            .Concat(Group("Giờ / Hour", report.ByHour))
            .Concat(Presence(report.PresenceByCounterDay ?? []))
            .Concat(Ratings(report.Ratings));

    /// <summary>The ratings' own header line (under the ticket rows, columns of their own).</summary>
    public static readonly IReadOnlyList<string> RatingHeader =
    [
        "Đánh giá theo / Ratings by", "Mục / Item", "Rất hài lòng / Very satisfied", "Hài lòng / Satisfied", "Bình thường / Neutral",
        "Không hài lòng / Unhappy", "Không đánh giá / Not rated", "Rất hài lòng (%) / Very satisfied (%)", "Hài lòng (%) / Satisfied (%)",
        "Bình thường (%) / Neutral (%)", "Không hài lòng (%) / Unhappy (%)", "Có chỉ số TT01 / With Circular 01 indices",
        "Điểm TT01 TB (x100) / Circular 01 mean points (x100)", "Xếp loại TT01 (%) / Circular 01 grade (%)",
    ];

    /// <summary>A blank line, the ratings header, then a row per group item: total, officer, counter, service, day.</summary>
    private static IEnumerable<IReadOnlyList<ReportCell>> Ratings(RatingReportDto? ratings)
    {
        if (ratings is null)
        {
            yield break;
        }

        yield return [""];
        yield return [.. RatingHeader.Select(h => (ReportCell)h)];
        var groups = new[]
        {
            ("Tổng / Total", (IEnumerable<RatingRowDto>)[ratings.Total]),
            ("Cán bộ / Officer", ratings.ByOfficer),
            ("Quầy / Counter", ratings.ByCounter),
            ("Dịch vụ / Service", ratings.ByService),
            ("Ngày / Day", ratings.ByDay),
        };
        foreach (var row in groups.SelectMany(g => RatingGroup(g.Item1, g.Item2)))
        {
            yield return row;
        }
    }

    /// <summary>A row per item of one ratings group, under <see cref="RatingHeader"/> (the province's report uses it too).</summary>
    public static IEnumerable<IReadOnlyList<ReportCell>> RatingGroup(string group, IEnumerable<RatingRowDto> rows) =>
        rows.Select(r => (IReadOnlyList<ReportCell>)
        [
            group, r.Label, ReportCell.Of(r.VerySatisfied), ReportCell.Of(r.Satisfied), ReportCell.Of(r.Neutral), ReportCell.Of(r.Unhappy),
            ReportCell.Of(r.NotRated),
            Percent(RatingReportCalculator.Share(r, SatisfactionLevel.VerySatisfied)), Percent(RatingReportCalculator.Share(r, SatisfactionLevel.Satisfied)),
            Percent(RatingReportCalculator.Share(r, SatisfactionLevel.Neutral)), Percent(RatingReportCalculator.Share(r, SatisfactionLevel.Unhappy)),
            ReportCell.Of(r.WithIndices),
            // Whole numbers only (see ReportCell.Seconds): points times 100, e.g. 437 = 4.37 points.
            r.MeanPoints is { } p ? ReportCell.Of((int)Math.Round(p * 100, MidpointRounding.AwayFromZero)) : "",
            Percent(r.GradePercent / 100),
        ]);

    private static ReportCell Percent(double? share) => share is { } s ? ReportCell.Of((int)Math.Round(s * 100, MidpointRounding.AwayFromZero)) : "";

    /// <summary>One row per counter and day with camera figures; the ticket columns stay empty.</summary>
    private static IEnumerable<IReadOnlyList<ReportCell>> Presence(IEnumerable<ReportPresenceDto> rows) =>
        rows.Select(p => (IReadOnlyList<ReportCell>)
        [
            "Có mặt tại quầy / Presence at counter",
            $"{p.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} {p.CounterName}",
            .. Enumerable.Repeat(new ReportCell("", null), 13),
            ReportCell.Of(p.PresentSeconds), ReportCell.Of(p.ObservedSeconds),
        ]);

    /// <summary>A row per item of one group (the province's report lays its groups out the same way).</summary>
    public static IEnumerable<IReadOnlyList<ReportCell>> Group(string group, IEnumerable<ReportRowDto> rows) =>
        rows.Select(r => (IReadOnlyList<ReportCell>)
        [
            group, r.Label, ReportCell.Of(r.Issued), ReportCell.Of(r.Served), ReportCell.Of(r.NoShow), ReportCell.Of(r.Transferred),
            ReportCell.Of(r.Cancelled), ReportCell.Of(r.Expired),
            ReportCell.Seconds(r.Wait.MeanSeconds), ReportCell.Seconds(r.Wait.MedianSeconds), ReportCell.Seconds(r.Wait.P90Seconds),
            ReportCell.Seconds(r.Service.MeanSeconds), ReportCell.Seconds(r.Service.MedianSeconds), ReportCell.Seconds(r.Service.P90Seconds),
            r.WithinTargetShare is { } share ? ReportCell.Of((int)Math.Round(share * 100, MidpointRounding.AwayFromZero)) : "",
            "", "",
        ]);
}
