using System.Text;
using QueueKiosk.Devices.Text;

namespace QueueKiosk.Devices.EscPos.CodePages;

/// <summary>
/// The last resort for printers with no Vietnamese table: diacritics folded ("Đăng ký" becomes
/// "Dang ky"), typographic punctuation to its ASCII stand-in (PunctuationFold); anything still
/// outside printable ASCII becomes '?'.
/// </summary>
public static class AsciiFold
{
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var folded = VietnameseText.FoldDiacritics(PunctuationFold.Fold(text));
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            builder.Append(c is >= ' ' and <= '~' ? c : '?');
        }

        return builder.ToString();
    }

    public static byte[] Encode(string text) => Encoding.ASCII.GetBytes(Fold(text));
}
