using System.Globalization;
using System.Text;

namespace QueueKiosk.HubServer.Administration.Import;

/// <summary>Folds a column header the way an office may have typed it ("Mã thủ tục (*)", "MA THU TUC",
/// "Phí/lệ phí") to one key: no diacritics, đ as d, lower case, punctuation as single spaces.</summary>
public static class HeaderText
{
    public static string Fold(string header)
    {
        var decomposed = header.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        var pendingSpace = false;
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
                continue;
            var folded = c is 'đ' or 'Đ' ? 'd' : char.ToLowerInvariant(c);
            if (char.IsLetterOrDigit(folded))
            {
                if (pendingSpace && builder.Length > 0)
                    builder.Append(' ');
                builder.Append(folded);
                pendingSpace = false;
            }
            else
            {
                pendingSpace = true;
            }
        }

        return builder.ToString();
    }
}
