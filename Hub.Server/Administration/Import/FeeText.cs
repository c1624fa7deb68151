using System.Globalization;
using System.Text.RegularExpressions;

namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>The fee cell read: the text kept as the kiosk shows it, whether it says "free", and the
/// amounts in đồng it names (several for "Lệ phí: 50.000 đồng; Phí: 30.000 đồng").</summary>
public sealed record ParsedFee(string Text, bool IsFree, IReadOnlyList<long> AmountsVnd);

/// <summary>Why a fee cell could not be read.</summary>
public sealed record FeeProblem(string MessageVi, string MessageEn);

/// <summary>
/// Reads the "Phí, lệ phí" cell of a catalogue file. Accepted (see docs/administration-import.md):
/// a word for free ("Không", "Miễn phí", "Không thu", "0"); amounts in đồng with "." or "," between
/// thousands ("50.000 đồng", "50,000đ", "100000 VNĐ", "20.000 đồng/bản"), several separated by ";" or
/// lines, each with an optional label ("Lệ phí: ..."); percentages ("0,1% giá trị"); and text without
/// an amount ("Theo Nghị quyết 15/2020/NQ-HĐND"). Refused: an amount in another currency, a negative
/// amount, or a number before "đồng" that is not an amount (50.00, 5O.000).
/// </summary>
public static partial class FeeText
{
    private static readonly HashSet<string> FreeWords = new(
        ["khong", "mien phi", "khong thu", "khong co", "khong mat phi", "khong thu phi", "khong quy dinh", "0", "0 dong", "0d"],
        StringComparer.Ordinal);

    public static bool TryParse(string text, out ParsedFee? fee, out FeeProblem? problem)
    {
        fee = null;
        problem = null;
        var trimmed = text.Trim();
        if (FreeWords.Contains(HeaderText.Fold(trimmed)))
        {
            fee = new ParsedFee(trimmed, true, []);
            return true;
        }

        var amounts = new List<long>();
        foreach (var segment in trimmed.Split([';', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            problem = ReadSegment(segment, amounts);
            if (problem is not null)
                return false;
        }

        fee = new ParsedFee(trimmed, false, amounts);
        return true;
    }

    private static FeeProblem? ReadSegment(string segment, List<long> amounts)
    {
        var foreign = ForeignCurrency().Match(segment);
        if (foreign.Success)
            return new FeeProblem($"đơn vị \"{foreign.Value}\" không phải đồng Việt Nam.", $"the unit \"{foreign.Value}\" is not Vietnamese đồng.");
        var multiplier = Multiplier().Match(segment);
        if (multiplier.Success)
        {
            return new FeeProblem(
                $"viết số tiền đầy đủ bằng chữ số (ví dụ 1.500.000 đồng) thay vì \"{multiplier.Value}\".",
                $"write the amount in full (e.g. 1.500.000 đồng) instead of \"{multiplier.Value}\".");
        }

        var withoutAmounts = segment;
        foreach (Match match in Money().Matches(segment))
        {
            var number = match.Groups["number"].Value;
            if (match.Groups["minus"].Success)
                return new FeeProblem($"số tiền âm \"{match.Value.Trim()}\".", $"a negative amount \"{match.Value.Trim()}\".");
            if (match.Groups["unit"].Value is "%")
                continue;
            if (!TryReadAmount(number, out var amount))
                return NotAnAmount(number);
            amounts.Add(amount);
            withoutAmounts = withoutAmounts.Replace(match.Value, " ", StringComparison.Ordinal);
        }

        var label = LabelPrefix().Replace(withoutAmounts, "").Trim();
        if (amounts.Count == 0 && BareNumber().IsMatch(label))
        {
            if (!TryReadAmount(label, out var bare))
                return NotAnAmount(label);
            amounts.Add(bare);
            return null;
        }

        // Something with a digit right before "đồng" that is not an amount (5O.000 đồng); "đồng" after a
        // word is text ("50.000 đồng/hợp đồng").
        var stray = StrayAmount().Match(withoutAmounts);
        return stray.Success
            ? new FeeProblem($"không đọc được số tiền \"{stray.Value.Trim()}\".", $"\"{stray.Value.Trim()}\" is not a readable amount.")
            : null;
    }

    private static FeeProblem NotAnAmount(string number) =>
        new($"\"{number}\" không phải số tiền (viết 50.000 hoặc 50000).", $"\"{number}\" is not an amount (write 50.000 or 50000).");

    private static bool TryReadAmount(string number, out long amount)
    {
        amount = 0;
        var compact = number.Replace(" ", "", StringComparison.Ordinal);
        if (!Grouped().IsMatch(compact))
            return false;
        return long.TryParse(compact.Replace(".", "", StringComparison.Ordinal).Replace(",", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out amount);
    }

    // A number (digits with . , or spaces inside) right before a unit; not part of a longer word or number.
    [GeneratedRegex(@"(?<![\p{L}\d.,])(?<minus>-\s*)?(?<number>\d(?:[\d., ]*\d)?)\s*(?<unit>đồng|đ|vnđ|vnd|%)(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Money();

    // Thousands grouped by "." or "," (50.000, 1,200,000) or plain digits (50000).
    [GeneratedRegex(@"^(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d+)$", RegexOptions.CultureInvariant)]
    private static partial Regex Grouped();

    [GeneratedRegex(@"^[\d., ]+$", RegexOptions.CultureInvariant)]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^[^:\d]*:", RegexOptions.CultureInvariant)]
    private static partial Regex LabelPrefix();

    [GeneratedRegex(@"(?<![\p{L}\d.,])[\p{L}\d.,-]*\d[\p{L}\d.,-]*\s*(?:đồng|vnđ|vnd|đ)(?![\p{L}\d])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex StrayAmount();

    [GeneratedRegex(@"(?<![\p{L}])(?:usd|eur)(?![\p{L}])|\$|€", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForeignCurrency();

    [GeneratedRegex(@"\d\s*(?:triệu|nghìn|ngàn)(?![\p{L}])", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Multiplier();
}
