using System.Globalization;
using System.Text;

namespace QueueKiosk.Devices.Text;

/// <summary>
/// The one place that knows how Vietnamese text is normalised and folded. Used by the ASCII
/// printer mode and by every search (kiosk, hub), so "dang ky", "ĐĂNG KÝ" and "Đăng ký" agree.
/// </summary>
public static class VietnameseText
{
    /// <summary>Composes to NFC, the form every stored and displayed string uses.</summary>
    public static string Nfc(string text) => text.IsNormalized(NormalizationForm.FormC) ? text : text.Normalize(NormalizationForm.FormC);

    /// <summary>
    /// Removes every diacritic and keeps case: "Đăng ký" becomes "Dang ky". Đ/đ are letters of their
    /// own in Unicode (not D plus a mark), so decomposition alone would keep them.
    /// </summary>
    public static string FoldDiacritics(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(c switch
            {
                'đ' => 'd',
                'Đ' => 'D',
                _ => c,
            });
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    /// <summary>
    /// The key used for search: folded, lower case, runs of anything that is not a letter or digit
    /// collapsed to one space, trimmed. "  Đăng-ký KHAI   sinh " becomes "dang ky khai sinh".
    /// </summary>
    public static string SearchKey(string text)
    {
        var folded = FoldDiacritics(text);
        var builder = new StringBuilder(folded.Length);
        var pendingSpace = false;
        foreach (var c in folded)
        {
            if (char.IsLetterOrDigit(c) || c == '.')
            {
                if (pendingSpace && builder.Length > 0)
                {
                    builder.Append(' ');
                }

                pendingSpace = false;
                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}
