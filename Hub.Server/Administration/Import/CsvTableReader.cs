using System.Text;
using CsvHelper;

namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>Reads a CSV file as rows of text with CsvHelper: separator detected (",", ";", tab: Excel
/// writes ";" where the decimal comma is the custom), quoted cells with line breaks kept.</summary>
public static class CsvTableReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Whether the bytes are UTF-8 (a UTF-16 file with its byte order mark is read as well).</summary>
    public static bool IsReadableText(byte[] content)
    {
        if (content.Length >= 2 && ((content[0] == 0xFF && content[1] == 0xFE) || (content[0] == 0xFE && content[1] == 0xFF)))
            return true;
        try
        {
            StrictUtf8.GetCharCount(content);
            return true;
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    public static List<RawRow> Read(byte[] content)
    {
        var options = new CsvReaderOptions { HasHeader = false, SkipEmptyLines = false };
        using var reader = CsvReader.Create(content, options);
        var rows = new List<RawRow>();
        var number = 0;
        while (reader.Read())
        {
            number++;
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++)
                cells[i] = reader.GetString(i) ?? "";
            rows.Add(new RawRow(number, cells));
        }

        return rows;
    }
}
