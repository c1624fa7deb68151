using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>
/// Reads the first worksheet of an .xlsx file as rows of text: shared and inline strings, numbers as
/// stored (50000, not 50.000), booleans as TRUE/FALSE. The Open XML SDK opens the package and finds
/// the parts; the sheet and the shared strings are then read with a plain XmlReader, because loading
/// them as Open XML elements took seconds for a 2,000-row catalogue on the site server's 2 cores.
/// </summary>
public static class XlsxTableReader
{
    private const string SpreadsheetNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    private static readonly XNamespace Main = SpreadsheetNamespace;

    /// <summary>The rows of the first worksheet, or null when the bytes are not a readable .xlsx.</summary>
    public static List<RawRow>? TryRead(byte[] content)
    {
        try
        {
            using var stream = new MemoryStream(content, writable: false);
            using var document = SpreadsheetDocument.Open(stream, isEditable: false);
            var workbookPart = document.WorkbookPart;
            var firstSheet = workbookPart?.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault();
            if (workbookPart is null || firstSheet?.Id?.Value is not { } sheetId || workbookPart.GetPartById(sheetId) is not WorksheetPart worksheetPart)
                return null;
            var sharedStrings = workbookPart.SharedStringTablePart is { } sharedPart ? ReadSharedStrings(sharedPart) : [];
            return ReadRows(worksheetPart, sharedStrings);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or XmlException or InvalidOperationException or ArgumentException or FormatException)
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

    private static XmlReader Open(OpenXmlPart part) =>
        XmlReader.Create(part.GetStream(FileMode.Open, FileAccess.Read), new XmlReaderSettings { IgnoreComments = true, IgnoreProcessingInstructions = true, IgnoreWhitespace = true, DtdProcessing = DtdProcessing.Prohibit });

    /// <summary>Reads each element named <paramref name="name"/> of a run of siblings (the &lt;si&gt; of the
    /// shared strings, the &lt;row&gt; of the sheet data) as a small XElement, one at a time.</summary>
    private static IEnumerable<XElement> Siblings(XmlReader reader, string name)
    {
        if (!reader.ReadToFollowing(name, SpreadsheetNamespace))
            yield break;
        while (reader.NodeType == XmlNodeType.Element && reader.LocalName == name)
        {
            yield return (XElement)XNode.ReadFrom(reader);
            reader.MoveToContent();
        }
    }

    private static List<string> ReadSharedStrings(SharedStringTablePart part)
    {
        using var reader = Open(part);
        return Siblings(reader, "si").Select(TextOf).ToList();
    }

    private static List<RawRow> ReadRows(WorksheetPart part, List<string> sharedStrings)
    {
        var rows = new List<RawRow>();
        using var reader = Open(part);
        var previousNumber = 0;
        foreach (var row in Siblings(reader, "row"))
        {
            var number = int.TryParse((string?)row.Attribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : previousNumber + 1;
            previousNumber = number;
            var cells = new List<string>();
            foreach (var cell in row.Elements(Main + "c"))
            {
                var reference = (string?)cell.Attribute("r");
                var column = reference is null ? cells.Count : ColumnIndex(reference);
                while (cells.Count < column)
                    cells.Add("");
                cells.Add(ValueOf(cell, sharedStrings));
            }

            rows.Add(new RawRow(number, cells));
        }

        return rows;
    }

    private static string ValueOf(XElement cell, List<string> sharedStrings)
    {
        var type = (string?)cell.Attribute("t");
        if (type == "inlineStr")
            return cell.Element(Main + "is") is { } inline ? TextOf(inline) : "";
        var value = cell.Element(Main + "v")?.Value ?? "";
        return type switch
        {
            "s" => int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < sharedStrings.Count ? sharedStrings[i] : "",
            "b" => value == "1" ? "TRUE" : "FALSE",
            _ => value,
        };
    }

    /// <summary>The text of a string item (&lt;si&gt; or &lt;is&gt;): its &lt;t&gt; texts joined, plain or
    /// rich-text runs, phonetic hints (&lt;rPh&gt;) left out.</summary>
    private static string TextOf(XElement item)
    {
        var plain = item.Element(Main + "t");
        if (plain is not null)
            return plain.Value;
        return string.Concat(item.Elements(Main + "r").Select(run => run.Element(Main + "t")?.Value ?? ""));
    }
}
