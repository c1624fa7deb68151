using System.Text;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Reports;

/// <summary>Which CSV a supervisor downloads (the reports page says which is for what).</summary>
public enum CsvVariant
{
    /// <summary>Comma-separated: LibreOffice, Google Sheets, and Excel set to a comma list separator.</summary>
    Comma,

    /// <summary>
    /// Semicolon-separated: Excel on a Windows set to Vietnamese, whose list separator is ';' (a comma
    /// file opens there as one column). No "sep=" line: with it Excel ignores the BOM and shows mojibake.
    /// </summary>
    Semicolon,
}

/// <summary>
/// A report as CSV: UTF-8 with a BOM (without it Excel reads Vietnamese as Windows-1252 mojibake),
/// CRLF, fields quoted when needed. Layout and figures from <see cref="ReportTable"/>.
/// </summary>
public static class ReportCsv
{
    public static byte[] ToBytes(ReportDto report, CsvVariant variant = CsvVariant.Comma)
    {
        var lines = new[] { ReportTable.Title(report).Select(t => (ReportCell)t).ToList(), ReportTable.Header.Select(t => (ReportCell)t).ToList() }
            .Concat(ReportTable.Rows(report));
        return ToBytes(lines, variant);
    }

    /// <summary>Any table of cells (the province's cross-site report uses it too).</summary>
    public static byte[] ToBytes(IEnumerable<IReadOnlyList<ReportCell>> lines, CsvVariant variant = CsvVariant.Comma)
    {
        var separator = variant == CsvVariant.Semicolon ? ';' : ',';
        var sb = new StringBuilder();
        foreach (var row in lines)
        {
            Line(sb, row.Select(c => c.ToString()), separator);
        }

        var body = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(sb.ToString().Normalize(NormalizationForm.FormC));
        return [.. Encoding.UTF8.Preamble, .. body];
    }

    private static void Line(StringBuilder sb, IEnumerable<string> fields, char separator)
    {
        sb.AppendJoin(separator, fields.Select(f => Quote(f, separator)));
        sb.Append("\r\n");
    }

    private static string Quote(string field, char separator)
    {
        // A leading = + - @ would be run as a formula by Excel: keep it text.
        var text = field.Length > 0 && "=+-@".Contains(field[0], StringComparison.Ordinal) ? "'" + field : field;
        return text.IndexOfAny([separator, '"', '\r', '\n']) >= 0 ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
    }
}
