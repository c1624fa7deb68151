using System.Globalization;
using System.Text;

namespace QueueKiosk.Devices.EscPos.CodePages;

/// <summary>
/// Windows-1258 for printers. .NET maps NFC "ế" to '?' because CP1258 has no such letter: it
/// carries the vowels with circumflex, breve and horn (â ê ô ă ơ ư) and đ precomposed, and the five
/// tones only as combining marks. So text is decomposed, those vowels recomposed, and the tone
/// marks left combining (hardware-docs/printers.md). Many printers then print the tone beside the letter.
/// </summary>
public static class Cp1258
{
    public const int CodePage = 1258;

    private static readonly Lazy<Encoding> StrictEncoding = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ReplacementFallback);
    });

    private static readonly Lazy<Encoding> LenientEncoding = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(CodePage, new EncoderReplacementFallback("?"), DecoderFallback.ReplacementFallback);
    });

    /// <summary>The marks that change the vowel itself and exist precomposed in CP1258.</summary>
    private static bool IsVowelModifier(char c) => c is '\u0302' or '\u0306' or '\u031B';

    /// <summary>
    /// The string in the form CP1258 can carry: vowels with ^ ˘ ʼ precomposed, tone marks combining
    /// after them. "ế" becomes "ê" + U+0301.
    /// </summary>
    public static string ToCp1258Form(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var result = new StringBuilder(decomposed.Length);
        var tones = new StringBuilder();
        var i = 0;
        while (i < decomposed.Length)
        {
            var baseChar = decomposed[i++];
            var letter = new StringBuilder().Append(baseChar);
            tones.Clear();

            // Canonical order puts the dot below (class 220) before the breve (230), so every mark
            // after the base is sorted into "changes the vowel" or "tone" before recomposing.
            while (i < decomposed.Length && CharUnicodeInfo.GetUnicodeCategory(decomposed[i]) == UnicodeCategory.NonSpacingMark)
            {
                var mark = decomposed[i++];
                if (IsVowelModifier(mark))
                {
                    letter.Append(mark);
                }
                else
                {
                    tones.Append(mark);
                }
            }

            result.Append(letter.ToString().Normalize(NormalizationForm.FormC)).Append(tones);
        }

        return result.ToString();
    }

    /// <summary>
    /// Encodes to CP1258 bytes. A character CP1258 lacks becomes its ASCII stand-in (AsciiFold:
    /// "→" prints "->"), and '?' only when there is none.
    /// </summary>
    public static byte[] Encode(string text)
    {
        var form = ToCp1258Form(text);
        return LenientEncoding.Value.GetBytes(CanEncodeForm(form) ? form : FoldUnencodable(form));
    }

    private static string FoldUnencodable(string form)
    {
        var builder = new StringBuilder(form.Length);
        foreach (var element in form.EnumerateRunes())
        {
            var text = element.ToString();
            builder.Append(CanEncodeForm(text) ? text : AsciiFold.Fold(text));
        }

        return builder.ToString();
    }

    private static bool CanEncodeForm(string form)
    {
        try
        {
            StrictEncoding.Value.GetBytes(form);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>True when every character of the text survives the encoding.</summary>
    public static bool CanEncode(string text) => CanEncodeForm(ToCp1258Form(text));

    /// <summary>Bytes back to NFC Unicode, the way the virtual printer reads them.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes) =>
        StrictEncoding.Value.GetString(bytes).Normalize(NormalizationForm.FormC);
}
