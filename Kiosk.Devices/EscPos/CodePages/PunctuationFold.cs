using System.Collections.Frozen;
using System.Text;

namespace QueueKiosk.Devices.EscPos.CodePages;

/// <summary>
/// Typographic characters the product's texts use (en dash in "Quầy 2 – Hộ tịch", curly quotes,
/// ellipsis) written as the closest ASCII, for printer tables that lack them (TCVN-3, ASCII mode):
/// a ticket prints "-" rather than "?" (hardware-docs/printers.md, "Characters outside the table").
/// </summary>
public static class PunctuationFold
{
    private static readonly FrozenDictionary<char, string> Replacements = new Dictionary<char, string>
    {
        ['\u00A0'] = " ", // no-break space
        ['\u2002'] = " ",
        ['\u2003'] = " ",
        ['\u2009'] = " ", // thin space
        ['\u202F'] = " ", // narrow no-break space (French-style number grouping)
        ['\u2010'] = "-", // hyphen
        ['\u2011'] = "-", // non-breaking hyphen
        ['\u2012'] = "-", // figure dash
        ['\u2013'] = "-", // en dash
        ['\u2014'] = "-", // em dash
        ['\u2212'] = "-", // minus sign
        ['\u2018'] = "'",
        ['\u2019'] = "'",
        ['\u201A'] = "'",
        ['\u201C'] = "\"",
        ['\u201D'] = "\"",
        ['\u201E'] = "\"",
        ['\u00AB'] = "\"", // «
        ['\u00BB'] = "\"", // »
        ['\u2026'] = "...",
        ['\u2022'] = "*", // bullet
        ['\u00B7'] = ".", // middle dot ("Quầy 2 · Hộ tịch")
        ['\u2116'] = "No.", // numero sign
        ['\u00B0'] = "o", // degree
        ['\u00D7'] = "x",
        ['\u2192'] = "->",
        ['\u2190'] = "<-",
    }.ToFrozenDictionary();

    /// <summary>The ASCII stand-in of one character, or null when it has none here.</summary>
    public static string? Replacement(char c) => Replacements.GetValueOrDefault(c);

    /// <summary>The text with every character of the table above replaced; the rest unchanged.</summary>
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!text.Any(Replacements.ContainsKey))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (Replacements.TryGetValue(c, out var replacement))
            {
                builder.Append(replacement);
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
