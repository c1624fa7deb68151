using System.Globalization;

namespace QueueKiosk.Devices.Displays;

/// <summary>Lays numbers and ticket texts out to exactly the board's digit count (pure).</summary>
public static class BoardText
{
    public static string FormatNumber(int number, DisplayFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        ArgumentOutOfRangeException.ThrowIfNegative(number);
        return FormatText(number.ToString(CultureInfo.InvariantCulture), format);
    }

    /// <summary>
    /// "15" -> "0015" or "  15"; "A15" on 4 digits -> "A015" or "A 15" (the padding goes between
    /// the letter prefix and the digits, where a reader expects it). Too long -> ArgumentException.
    /// </summary>
    public static string FormatText(string text, DisplayFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(format);
        var trimmed = text.Trim().ToUpperInvariant();
        foreach (var c in trimmed)
        {
            if (!SevenSegment.IsSupported(c))
            {
                throw new ArgumentException($"Ký tự '{c}' trong \"{text}\" không hiển thị được trên bảng LED / character '{c}' in \"{text}\" cannot be shown on an LED board", nameof(text));
            }
        }

        if (trimmed.Length > format.Digits)
        {
            throw new ArgumentException($"\"{text}\" dài hơn {format.Digits} chữ số của bảng LED / \"{text}\" is longer than the board's {format.Digits} digits", nameof(text));
        }

        var prefixLength = 0;
        while (prefixLength < trimmed.Length && !char.IsAsciiDigit(trimmed[prefixLength]))
        {
            prefixLength++;
        }

        var prefix = trimmed[..prefixLength];
        var rest = trimmed[prefixLength..];
        var padding = new string(format.LeadingZeros && rest.Length > 0 && rest.All(char.IsAsciiDigit) ? '0' : ' ', format.Digits - trimmed.Length);
        return rest.Length == 0 ? trimmed.PadLeft(format.Digits) : prefix + padding + rest;
    }

    public static string BlankText(DisplayFormat format)
    {
        ArgumentNullException.ThrowIfNull(format);
        return new string(format.Blank == BlankStyle.Dashes ? '-' : ' ', format.Digits);
    }
}
