using System.Globalization;
using System.Text;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Reports;

/// <summary>
/// A report as CSV for Excel: UTF-8 with a BOM (without it Excel reads Vietnamese as Windows-1252
/// mojibake), comma separated, CRLF, fields quoted when needed. Durations are whole seconds and
/// shares whole percents, so no decimal separator can be misread in a Vietnamese-locale Excel.
/// </summary>
public static class ReportCsv
{
    private static readonly string[] Header =
    [
        "Nhóm / Group", "Mục / Item", "Số phát / Issued", "Đã phục vụ / Served", "Vắng mặt / No-show", "Chuyển / Transferred",
        "Hủy / Cancelled", "Hết hạn / Expired",
        "Chờ TB (giây) / Mean wait (s)", "Chờ trung vị (giây) / Median wait (s)", "Chờ P90 (giây) / P90 wait (s)",
        "Phục vụ TB (giây) / Mean service (s)", "Phục vụ trung vị (giây) / Median service (s)", "Phục vụ P90 (giây) / P90 service (s)",
        "Trong mục tiêu (%) / Within target (%)",
    ];

    public static byte[] ToBytes(ReportDto report)
    {
        var sb = new StringBuilder();
        Line(sb, ["Báo cáo / Report", report.SiteName,
            report.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), report.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)]);
        Line(sb, Header);
        Rows(sb, "Tổng / Total", [report.Total]);
        Rows(sb, "Dịch vụ / Service", report.ByService);
        Rows(sb, "Thủ tục / Procedure", report.ByProcedure);
        Rows(sb, "Quầy / Counter", report.ByCounter);
        Rows(sb, "Cán bộ / Officer", report.ByOfficer);
        Rows(sb, "Giờ / Hour", report.ByHour);
        var body = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(sb.ToString().Normalize(NormalizationForm.FormC));
        return [.. Encoding.UTF8.Preamble, .. body];
    }

    private static void Rows(StringBuilder sb, string group, IEnumerable<ReportRowDto> rows)
    {
        foreach (var r in rows)
        {
            Line(sb,
            [
                group, r.Label, N(r.Issued), N(r.Served), N(r.NoShow), N(r.Transferred), N(r.Cancelled), N(r.Expired),
                S(r.Wait.MeanSeconds), S(r.Wait.MedianSeconds), S(r.Wait.P90Seconds),
                S(r.Service.MeanSeconds), S(r.Service.MedianSeconds), S(r.Service.P90Seconds),
                r.WithinTargetShare is { } share ? N((int)Math.Round(share * 100, MidpointRounding.AwayFromZero)) : "",
            ]);
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string S(double? seconds) => seconds is { } s ? N((int)Math.Round(s, MidpointRounding.AwayFromZero)) : "";

    private static void Line(StringBuilder sb, IEnumerable<string> fields)
    {
        sb.AppendJoin(',', fields.Select(Quote));
        sb.Append("\r\n");
    }

    private static string Quote(string field)
    {
        // A leading = + - @ would be run as a formula by Excel: keep it text.
        var text = field.Length > 0 && "=+-@".Contains(field[0], StringComparison.Ordinal) ? "'" + field : field;
        return text.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
