using QueueKiosk.Devices.Text;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.KioskUi.Catalogue;

/// <summary>
/// Relevance search over procedures that ignores diacritics and case. Ranking, best first:
/// exact code, code prefix, exact name, name starting with the query, the query as a phrase,
/// all query words, then partial word matches; ties go to the shorter name (the general
/// procedure before its variants), then catalogue order. A procedure with an English name matches
/// on either name.
/// </summary>
public sealed class ProcedureSearch
{
    private readonly IReadOnlyList<Entry> _entries;

    public ProcedureSearch(IEnumerable<ProcedureDto> procedures)
    {
        _entries = [.. procedures.Select((p, i) => new Entry(p, i, VietnameseText.SearchKey(p.Code), VietnameseText.SearchKey(p.Name))
        {
            // A citizen in English mode may type the English name the list shows: it is searched as a second name.
            English = p.NameEn is { Length: > 0 } en ? new Entry(p, i, VietnameseText.SearchKey(p.Code), VietnameseText.SearchKey(en)) : null,
        })];
    }

    public IReadOnlyList<ProcedureDto> Search(string? query, int limit = 30)
    {
        var key = VietnameseText.SearchKey(query ?? "");
        if (key.Length == 0)
        {
            return [];
        }

        var words = key.Split(' ');
        return [.. _entries
            .Select(e => (Entry: e, Score: Math.Max(Score(e, key, words), e.English is { } en ? Score(en, key, words) : 0)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ThenBy(x => x.Entry.NameWords.Length)
            .ThenBy(x => x.Entry.Order)
            .Take(limit)
            .Select(x => x.Entry.Procedure)];
    }

    internal static int Score(Entry entry, string key, string[] words)
    {
        if (entry.CodeKey == key)
        {
            return 1000;
        }

        if (key.Length >= 3 && entry.CodeKey.StartsWith(key, StringComparison.Ordinal))
        {
            return 900;
        }

        if (entry.NameKey == key)
        {
            return 800;
        }

        if (entry.NameKey.StartsWith(key + " ", StringComparison.Ordinal))
        {
            return 700;
        }

        var wholeWords = words.Count(w => entry.NameWords.Contains(w));
        if (wholeWords == words.Length)
        {
            return (" " + entry.NameKey + " ").Contains(" " + key + " ", StringComparison.Ordinal) ? 600 : 500;
        }

        // Partial: words typed halfway ("khai si") or only some of the words.
        var prefixWords = words.Count(w => entry.NameWords.Any(n => n.StartsWith(w, StringComparison.Ordinal)));
        if (prefixWords == words.Length)
        {
            return 400;
        }

        if (prefixWords > 0)
        {
            return 100 * prefixWords / words.Length + 1;
        }

        return key.Length >= 3 && entry.NameKey.Contains(key, StringComparison.Ordinal) ? 50 : 0;
    }

    internal sealed record Entry(ProcedureDto Procedure, int Order, string CodeKey, string NameKey)
    {
        public string[] NameWords { get; } = NameKey.Split(' ', StringSplitOptions.RemoveEmptyEntries);

        /// <summary>The same procedure keyed by its English name, or null when it has none.</summary>
        public Entry? English { get; init; }
    }
}
