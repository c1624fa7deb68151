namespace QueueKiosk.Devices.Displays;

/// <summary>
/// Seven-segment patterns as boards that take raw segments expect them: bit 0 = segment a (top),
/// then b, c, d, e, f, g (middle) up to bit 6; bit 7 = decimal point.
/// </summary>
public static class SevenSegment
{
    public const byte Blank = 0x00;
    public const byte Dash = 0x40;
    public const byte DecimalPoint = 0x80;

    private static readonly Dictionary<char, byte> Patterns = new()
    {
        ['0'] = 0x3F,
        ['1'] = 0x06,
        ['2'] = 0x5B,
        ['3'] = 0x4F,
        ['4'] = 0x66,
        ['5'] = 0x6D,
        ['6'] = 0x7D,
        ['7'] = 0x07,
        ['8'] = 0x7F,
        ['9'] = 0x6F,
        [' '] = Blank,
        ['-'] = Dash,
        // Letters used as service prefixes that a seven-segment digit can draw legibly.
        ['A'] = 0x77,
        ['B'] = 0x7C, // drawn as "b"
        ['C'] = 0x39,
        ['D'] = 0x5E, // drawn as "d"
        ['E'] = 0x79,
        ['F'] = 0x71,
        ['H'] = 0x76,
        ['L'] = 0x38,
        ['P'] = 0x73,
        ['U'] = 0x3E,
    };

    /// <summary>The characters a board can show (also what <see cref="BoardText"/> accepts).</summary>
    public static IReadOnlyCollection<char> SupportedCharacters => Patterns.Keys;

    public static bool IsSupported(char c) => Patterns.ContainsKey(char.ToUpperInvariant(c));

    public static byte Encode(char c) =>
        Patterns.TryGetValue(char.ToUpperInvariant(c), out var pattern)
            ? pattern
            : throw new ArgumentException($"Ký tự '{c}' không hiển thị được trên bảng LED 7 đoạn / character '{c}' cannot be shown on a seven-segment board", nameof(c));

    public static byte[] Encode(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            result[i] = Encode(text[i]);
        }

        return result;
    }
}
