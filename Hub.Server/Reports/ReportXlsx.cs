using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubServer.Reports;

/// <summary>
/// A report as an Excel workbook (one sheet, same layout as the CSV from <see cref="ReportTable"/>):
/// numbers are numbers, text is inline text (never a formula), so it opens the same in any locale.
/// </summary>
public static class ReportXlsx
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static byte[] ToBytes(ReportDto report) =>
        ToBytes(new[] { ReportTable.Title(report).Select(t => (ReportCell)t), ReportTable.Header.Select(t => (ReportCell)t) }
            .Concat(ReportTable.Rows(report)));

    /// <summary>Any table of cells (the province's cross-site report uses it too).</summary>
    public static byte[] ToBytes(IEnumerable<IEnumerable<ReportCell>> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            var number = 0;
            foreach (var row in rows)
            {
                data.Append(Row(++number, row));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets()).Append(new Sheet
            {
                Id = workbook.GetIdOfPart(sheetPart),
                SheetId = 1,
                Name = "Báo cáo",
            });
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static Row Row(int rowNumber, IEnumerable<ReportCell> cells)
    {
        var row = new Row { RowIndex = (uint)rowNumber };
        var column = 0;
        foreach (var cell in cells)
        {
            var reference = ColumnName(column++) + rowNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            row.Append(cell.Number is { } n
                ? new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(n) }
                : new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(cell.Text ?? "")) });
        }

        return row;
    }

    /// <summary>A, B, ..., Z, AA, AB, ... for a 0-based column.</summary>
    private static string ColumnName(int column) => column < 26 ? ((char)('A' + column)).ToString() : ColumnName((column / 26) - 1) + (char)('A' + (column % 26));
}
