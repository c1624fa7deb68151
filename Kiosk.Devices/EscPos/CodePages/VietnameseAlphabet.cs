using System.Collections.Frozen;

namespace QueueKiosk.Devices.EscPos.CodePages;

/// <summary>
/// The 134 Vietnamese letters outside ASCII: ă â ê ô ơ ư đ and the twelve vowels with each of the
/// five tones, in lower case (67) and capitals (67). Code page tests run over all of them.
/// </summary>
public static class VietnameseAlphabet
{
    /// <summary>Every vowel row: the bare vowel followed by grave, hook, tilde, acute, dot below.</summary>
    private static readonly string[] LowerVowelRows =
    [
        "aàảãáạ", "ăằẳẵắặ", "âầẩẫấậ", "eèẻẽéẹ", "êềểễếệ", "iìỉĩíị",
        "oòỏõóọ", "ôồổỗốộ", "ơờởỡớợ", "uùủũúụ", "ưừửữứự", "yỳỷỹýỵ",
    ];

    /// <summary>Each vowel with its five tones ("aàảãáạ" ...), then "dđ": the order a printed check reads best in.</summary>
    public static IReadOnlyList<string> LowerRows { get; } = [.. LowerVowelRows, "dđ"];

    public static IReadOnlyList<string> Lower { get; } = BuildLower();

    public static IReadOnlyList<string> Upper { get; } = Lower.Select(letter => letter.ToUpperInvariant()).ToArray();

    public static IReadOnlyList<string> All { get; } = [.. Lower, .. Upper];

    private static readonly FrozenSet<char> LowerSet = Lower.Select(s => s[0]).ToFrozenSet();
    private static readonly FrozenSet<char> UpperSet = Upper.Select(s => s[0]).ToFrozenSet();

    public static bool IsVietnameseLower(char c) => LowerSet.Contains(c);

    public static bool IsVietnameseUpper(char c) => UpperSet.Contains(c);

    private static string[] BuildLower()
    {
        var letters = new List<string>();
        foreach (var row in LowerVowelRows)
        {
            // ASCII vowels (a e i o u y) print in any code table; only the rest needs mapping.
            var start = row[0] is 'a' or 'e' or 'i' or 'o' or 'u' or 'y' ? 1 : 0;
            letters.AddRange(row[start..].Select(c => c.ToString()));
        }

        letters.Add("đ");
        return [.. letters];
    }
}
