using System.Globalization;
using System.Text;

namespace QueueKiosk.Devices.Voice;

/// <summary>Regional choices in reading numbers aloud.</summary>
public sealed record VietnameseReadingOptions
{
    /// <summary>4 after "mươi" (24 = "hai mươi tư"); "bốn" is also heard. "tư" is the standard default.</summary>
    public string FourAfterTens { get; init; } = "tư";

    /// <summary>The word for an empty tens place (105 = "một trăm linh năm"); the South says "lẻ".</summary>
    public string ZeroTens { get; init; } = "linh";

    public static VietnameseReadingOptions Default { get; } = new();
}

/// <summary>
/// Reads numbers and ticket codes the way an announcer says them (pure, NFC output).
/// Rules: 10 "mười", 1 after mươi "mốt", 5 after a tens place "lăm", 4 after mươi "tư",
/// an empty tens place before a unit "linh", inner groups always read their hundreds
/// (1005 = "một nghìn không trăm linh năm").
/// </summary>
public static class VietnameseNumberReader
{
    private static readonly string[] Digits = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
    private static readonly string[] GroupNames = ["", "nghìn", "triệu", "tỷ"];

    /// <summary>Vietnamese names of letters, as read out in ticket codes ("A015").</summary>
    private static readonly Dictionary<char, string> LetterNames = new()
    {
        ['A'] = "a",
        ['Ă'] = "á",
        ['Â'] = "ớ",
        ['B'] = "bê",
        ['C'] = "xê",
        ['D'] = "dê",
        ['Đ'] = "đê",
        ['E'] = "e",
        ['Ê'] = "ê",
        ['F'] = "ép",
        ['G'] = "giê",
        ['H'] = "hát",
        ['I'] = "i",
        ['J'] = "gi",
        ['K'] = "ca",
        ['L'] = "e-lờ",
        ['M'] = "em-mờ",
        ['N'] = "en-nờ",
        ['O'] = "o",
        ['Ô'] = "ô",
        ['Ơ'] = "ơ",
        ['P'] = "pê",
        ['Q'] = "quy",
        ['R'] = "e-rờ",
        ['S'] = "ét-xì",
        ['T'] = "tê",
        ['U'] = "u",
        ['Ư'] = "ư",
        ['V'] = "vê",
        ['W'] = "vê kép",
        ['X'] = "ích-xì",
        ['Y'] = "i dài",
        ['Z'] = "dét",
    };

    /// <summary>0 .. 999 999 999 999 as words: 2024 = "hai nghìn không trăm hai mươi tư".</summary>
    public static string ReadNumber(long number, VietnameseReadingOptions? options = null)
    {
        options ??= VietnameseReadingOptions.Default;
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(number, 999_999_999_999L);
        if (number == 0)
        {
            return Digits[0];
        }

        var groups = new List<int>();
        for (var rest = number; rest > 0; rest /= 1000)
        {
            groups.Add((int)(rest % 1000));
        }

        var words = new List<string>();
        for (var i = groups.Count - 1; i >= 0; i--)
        {
            if (groups[i] == 0)
            {
                continue;
            }

            var isLeading = i == groups.Count - 1;
            words.AddRange(ReadGroup(groups[i], readZeroHundreds: !isLeading, options));
            if (i > 0)
            {
                words.Add(GroupNames[i]);
            }
        }

        return string.Join(' ', words).Normalize(NormalizationForm.FormC);
    }

    /// <summary>"A015" -> "a, không, một, năm": each character on its own, separated by commas (pauses).</summary>
    public static string ReadCharacters(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        return string.Join(", ", code.Normalize(NormalizationForm.FormC).Where(c => !char.IsWhiteSpace(c) && c != '-').Select(ReadCharacter));
    }

    /// <summary>"A015" -> "a, mười lăm": the letter prefix by name, the digits as one number.</summary>
    public static string ReadCode(string code, VietnameseReadingOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        var text = code.Normalize(NormalizationForm.FormC).Trim();
        var firstDigit = 0;
        while (firstDigit < text.Length && !char.IsAsciiDigit(text[firstDigit]))
        {
            firstDigit++;
        }

        var prefix = text[..firstDigit].Where(c => !char.IsWhiteSpace(c) && c != '-').Select(ReadCharacter).ToList();
        var digits = text[firstDigit..];
        if (digits.Length == 0)
        {
            return string.Join(", ", prefix);
        }

        if (!digits.All(char.IsAsciiDigit) || digits.Length > 12)
        {
            throw new ArgumentException($"Mã \"{code}\" không đọc được thành số / code \"{code}\" is not letters followed by digits", nameof(code));
        }

        var number = ReadNumber(long.Parse(digits, CultureInfo.InvariantCulture), options);
        return prefix.Count == 0 ? number : $"{string.Join(", ", prefix)}, {number}";
    }

    public static string ReadCharacter(char c)
    {
        if (char.IsAsciiDigit(c))
        {
            return Digits[c - '0'];
        }

        return LetterNames.TryGetValue(char.ToUpper(c, CultureInfo.InvariantCulture), out var name)
            ? name
            : throw new ArgumentException($"Không đọc được ký tự '{c}' / cannot read character '{c}' aloud", nameof(c));
    }

    private static IEnumerable<string> ReadGroup(int group, bool readZeroHundreds, VietnameseReadingOptions options)
    {
        var hundreds = group / 100;
        var tens = group / 10 % 10;
        var units = group % 10;
        var hasHundreds = hundreds > 0 || readZeroHundreds;
        if (hasHundreds)
        {
            yield return Digits[hundreds];
            yield return "trăm";
        }

        if (tens == 0)
        {
            if (units > 0)
            {
                if (hasHundreds)
                {
                    yield return options.ZeroTens;
                }

                yield return Digits[units];
            }

            yield break;
        }

        if (tens == 1)
        {
            yield return "mười";
        }
        else
        {
            yield return Digits[tens];
            yield return "mươi";
        }

        var unitWord = units switch
        {
            0 => null,
            1 when tens >= 2 => "mốt",
            4 when tens >= 2 => options.FourAfterTens,
            5 => "lăm",
            _ => Digits[units],
        };
        if (unitWord is not null)
        {
            yield return unitWord;
        }
    }
}
