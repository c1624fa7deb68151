using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>One required document of a procedure (thành phần hồ sơ), as the kiosk lists it.</summary>
public sealed record ImportedDocument(string Name, int Originals, int Copies);

/// <summary>
/// Reads the "Thành phần hồ sơ" cell: one document a line (or separated by ";"), with or without a
/// bullet or number in front ("- ", "+ ", "1. ", "a) "), and the counts as official lists write them
/// ("(bản chính: 01, bản sao: 01)"). A document without counts is one original and no copy.
/// <see cref="Format"/> writes the list back in one canonical form, the one stored values are compared in.
/// </summary>
public static partial class ProcedureDocumentsText
{
    public static IReadOnlyList<ImportedDocument> Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return [];
        var lines = text.Contains('\n', StringComparison.Ordinal) ? text.Split('\n') : text.Split(';');
        var documents = new List<ImportedDocument>();
        foreach (var raw in lines)
        {
            var line = Bullet().Replace(raw.Trim(), "").Trim();
            if (line.Length == 0)
                continue;
            var originals = 1;
            var copies = 0;
            var counts = Counts().Match(line);
            if (counts.Success && (counts.Groups["originals"].Success || counts.Groups["copies"].Success))
            {
                originals = Count(counts.Groups["originals"]);
                copies = Count(counts.Groups["copies"]);
                line = line.Remove(counts.Index, counts.Length).Trim().TrimEnd(',', ':', '-').Trim();
            }

            if (line.Length > 0)
                documents.Add(new ImportedDocument(line, originals, copies));
        }

        return documents;
    }

    public static string Format(IEnumerable<ImportedDocument> documents)
    {
        var builder = new StringBuilder();
        foreach (var document in documents)
        {
            if (builder.Length > 0)
                builder.Append('\n');
            builder.Append("- ").Append(document.Name)
                .Append(CultureInfo.InvariantCulture, $" (bản chính: {document.Originals}, bản sao: {document.Copies})");
        }

        return builder.ToString();
    }

    private static int Count(Group group) =>
        group.Success ? int.Parse(group.Value, NumberStyles.None, CultureInfo.InvariantCulture) : 0;

    [GeneratedRegex(@"^(?:[-+*•·–]+|\d{1,2}[.)]|[a-zđ]\))\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Bullet();

    // "(bản chính: 01, bản sao: 02)", "(01 bản chính, 01 bản sao)", either count alone.
    [GeneratedRegex(@"\(\s*(?:(?:bản chính\s*:?\s*(?<originals>\d{1,2})|(?<originals>\d{1,2})\s*bản chính)\s*[,;]?\s*)?(?:(?:bản sao\s*:?\s*(?<copies>\d{1,2})|(?<copies>\d{1,2})\s*bản sao)\s*)?\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Counts();
}
