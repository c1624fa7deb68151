using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>Reads the first worksheet of an .xlsx file as rows of text with the Open XML SDK: shared
/// and inline strings, numbers as stored (50000, not 50.000), booleans as TRUE/FALSE.</summary>
public static class XlsxTableReader
{
    /// <summary>The rows of the first worksheet, or null when the bytes are not a readable .xlsx.</summary>
    public static List<RawRow>? TryRead(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbookPart = document.WorkbookPart;
            var firstSheet = workbookPart?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbookPart is null || firstSheet?.Id?.Value is not { } sheetId)
                return null;
            var worksheet = ((WorksheetPart)workbookPart.GetPartById(sheetId)).Worksheet;
            var sharedStrings = workbookPart.SharedStringTablePart?.SharedStringTable?
                .Elements<SharedStringItem>().Select(TextOf).ToArray() ?? [];
            var rows = new List<RawRow>();
            var fallbackNumber = 0;
            foreach (var row in worksheet.Descendants<Row>())
            {
                var number = row.RowIndex?.Value is { } index ? (int)index : fallbackNumber + 1;
                fallbackNumber = number;
                var cells = new List<string>();
                foreach (var cell in row.Elements<Cell>())
                {
                    var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : cells.Count;
                    while (cells.Count < column)
                        cells.Add("");
                    cells.Add(ValueOf(cell, sharedStrings));
                }

                rows.Add(new RawRow(number, cells));
            }

            return rows;
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException or InvalidCastException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The 0-based column of a reference such as "AB12".</summary>
    public static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (c is < 'A' or > 'Z')
                break;
            index = index * 26 + (c - 'A' + 1);
        }

        return index - 1;
    }

    private static string ValueOf(Cell cell, string[] sharedStrings)
    {
        var type = cell.DataType?.Value;
        if (type == CellValues.InlineString)
            return cell.InlineString is { } inline ? TextOf(inline) : "";
        var raw = cell.CellValue?.Text ?? "";
        if (type == CellValues.SharedString)
        {
            return int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sharedStrings.Length
                ? sharedStrings[i]
                : "";
        }

        if (type == CellValues.Boolean)
            return raw == "1" ? "TRUE" : "FALSE";
        return raw;
    }

    /// <summary>The text of a string item: its plain text, or its rich-text runs joined (phonetic hints left out).</summary>
    private static string TextOf(DocumentFormat.OpenXml.OpenXmlElement item)
    {
        var plain = item.GetFirstChild<Text>();
        if (plain is not null)
            return plain.Text;
        return string.Concat(item.Elements<Run>().Select(r => r.Text?.Text ?? ""));
    }
}
