using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace QueueKiosk.HubServer.Tests.Administration.Import;

/// <summary>Writes rows of text as the first worksheet of an .xlsx, with shared strings as Excel does
/// (optionally as rich text: two runs and a phonetic hint) or inline strings as some exporters do, and
/// digits-only values as number cells: the test files and docs/samples/thu-tuc-mau.xlsx.</summary>
internal static class XlsxTestWriter
{
    public static byte[] Write(IReadOnlyList<IReadOnlyList<string>> rows, bool sharedStrings = true, bool richText = false, string sheetName = "Danh mục")
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbookPart = document.AddWorkbookPart();
            workbookPart.Workbook = new Workbook();
            var worksheetPart = workbookPart.AddNewPart<WorksheetPart>();
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheetData = new SheetData();
            for (var r = 0; r < rows.Count; r++)
            {
                var row = new Row { RowIndex = (uint)(r + 1) };
                for (var c = 0; c < rows[r].Count; c++)
                {
                    var value = rows[r][c];
                    if (value.Length == 0)
                        continue;
                    var reference = ColumnName(c) + (r + 1).ToString(CultureInfo.InvariantCulture);
                    if (value.All(char.IsAsciiDigit) && value.Length < 10)
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.Number, CellValue = new CellValue(value) });
                    else if (sharedStrings)
                    {
                        if (!strings.TryGetValue(value, out var index))
                        {
                            index = strings.Count;
                            strings.Add(value, index);
                        }

                        row.Append(new Cell { CellReference = reference, DataType = CellValues.SharedString, CellValue = new CellValue(index.ToString(CultureInfo.InvariantCulture)) });
                    }
                    else
                    {
                        row.Append(new Cell { CellReference = reference, DataType = CellValues.InlineString, InlineString = new InlineString(new Text(value) { Space = SpaceProcessingModeValues.Preserve }) });
                    }
                }

                sheetData.Append(row);
            }

            worksheetPart.Worksheet = new Worksheet(sheetData);
            if (sharedStrings)
            {
                var table = workbookPart.AddNewPart<SharedStringTablePart>();
                table.SharedStringTable = new SharedStringTable(strings.OrderBy(s => s.Value).Select(s => Item(s.Key, richText)));
            }

            workbookPart.Workbook.AppendChild(new Sheets(new Sheet { Id = workbookPart.GetIdOfPart(worksheetPart), SheetId = 1, Name = sheetName }));
        }

        return stream.ToArray();
    }

    private static SharedStringItem Item(string value, bool richText)
    {
        if (!richText || value.Length < 2)
            return new SharedStringItem(new Text(value) { Space = SpaceProcessingModeValues.Preserve });
        var half = value.Length / 2;
        return new SharedStringItem(
            new Run(new RunProperties(new Bold()), new Text(value[..half]) { Space = SpaceProcessingModeValues.Preserve }),
            new Run(new Text(value[half..]) { Space = SpaceProcessingModeValues.Preserve }),
            new PhoneticRun(new Text("ふりがな")) { BaseTextStartIndex = 0, EndingBaseIndex = 1 });
    }

    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
            name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }
}
