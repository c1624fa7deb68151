using System.Collections.Frozen;

namespace QueueKiosk.Devices.EscPos.CodePages;

/// <summary>Which of the two TCVN-3 (ABC) printer tables a byte belongs to.</summary>
public enum Tcvn3Table
{
    /// <summary>Lower case letters (Epson code table 30, "TCVN-3-1").</summary>
    Lower,

    /// <summary>Capital letters at the same positions (Epson code table 31, "TCVN-3-2").</summary>
    Upper,
}

/// <summary>
/// TCVN 5712:1993 VN3 ("ABC") as thermal printers carry it: two 8-bit tables, one with the
/// precomposed lower case letters and one with the capitals at the same byte values. A capital with
/// diacritics therefore needs a table switch (ESC t). Positions follow escpos-printer-db
/// (encoding.yml TCVN-3-1/TCVN-3-2); the capitals table has known disagreements between sources
/// and is UNVERIFIED on real printers (see hardware-docs/printers.md).
/// </summary>
public static class Tcvn3
{
    // Bytes 0xA0..0xFF of the lower case table, 16 per row; a space marks an unused position.
    private const string LowerHighHalf =
        "        ăâêôơưđ " + // A0
        "     àảãáạ ằẳẵắ " + // B0
        "      ặầẩẫấậè ẻẽ" + // C0
        "éẹềểễếệìỉ   ĩíịò" + // D0
        " ỏõóọồổỗốộờởỡớợù" + // E0
        " ủũúụừửữứựỳỷỹýỵ ";  // F0

    // The capitals table: toned capitals sit where the lower table has the toned lower case letter;
    // Ă Â Đ at A1 A2 A7 and Ê Ô Ơ Ư at AA..AD, as escpos-printer-db lists them.
    private const string UpperHighHalf =
        " ĂÂ    Đ  ÊÔƠƯ  " + // A0
        "     ÀẢÃÁẠ ẰẲẴẮ " + // B0
        "      ẶẦẨẪẤẬÈ ẺẼ" + // C0
        "ÉẸỀỂỄẾỆÌỈ   ĨÍỊÒ" + // D0
        " ỎÕÓỌỒỔỖỐỘỜỞỠỚỢÙ" + // E0
        " ỦŨÚỤỪỬỮỨỰỲỶỸÝỴ ";  // F0

    private const int FirstMappedByte = 0xA0;

    private static readonly FrozenDictionary<char, byte> LowerEncoding = BuildEncoding(LowerHighHalf);
    private static readonly FrozenDictionary<char, byte> UpperEncoding = BuildEncoding(UpperHighHalf);

    /// <summary>
    /// The table and byte that print <paramref name="c"/>, or null when TCVN-3 has no such letter.
    /// ASCII comes back with a null table: it prints the same in both.
    /// </summary>
    public static (Tcvn3Table? Table, byte Value)? Encode(char c)
    {
        if (c < 0x80)
        {
            return (null, (byte)c);
        }

        if (LowerEncoding.TryGetValue(c, out var lower))
        {
            return (Tcvn3Table.Lower, lower);
        }

        if (UpperEncoding.TryGetValue(c, out var upper))
        {
            return (Tcvn3Table.Upper, upper);
        }

        return null;
    }

    /// <summary>The character a byte prints as in the given table, or null for an unused position.</summary>
    public static char? Decode(Tcvn3Table table, byte value)
    {
        if (value < 0x80)
        {
            return (char)value;
        }

        if (value < FirstMappedByte)
        {
            return null;
        }

        var c = (table == Tcvn3Table.Lower ? LowerHighHalf : UpperHighHalf)[value - FirstMappedByte];
        return c == ' ' ? null : c;
    }

    private static FrozenDictionary<char, byte> BuildEncoding(string highHalf)
    {
        var map = new Dictionary<char, byte>();
        for (var i = 0; i < highHalf.Length; i++)
        {
            if (highHalf[i] != ' ')
            {
                map.Add(highHalf[i], (byte)(FirstMappedByte + i));
            }
        }

        return map.ToFrozenDictionary();
    }
}
