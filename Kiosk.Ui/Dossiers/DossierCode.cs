using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace QueueKiosk.KioskUi.Dossiers;

/// <summary>
/// A dossier code (mã hồ sơ) in the official format of Circular 01/2018/TT-VPCP Art. 19:
/// <c>V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX</c>, e.g. <c>000.00.14.H56-200203-0118</c>: the agency's
/// code, the receipt date and the day's sequence number.
/// </summary>
public static partial class DossierCode
{
    /// <summary>
    /// Normalises what a person typed or a scanner sent (spaces, lower case, full-width or
    /// Vietnamese dashes) and checks the format and the date. Returns the canonical code or null.
    /// </summary>
    public static bool TryParse(string? input, out string code, out string? problem)
    {
        code = Normalize(input);
        if (code.Length == 0)
        {
            problem = "empty";
            return false;
        }

        var match = Format().Match(code);
        if (!match.Success)
        {
            problem = "format";
            return false;
        }

        if (!DateOnly.TryParseExact(match.Groups["date"].Value, "yyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
        {
            problem = "date";
            return false;
        }

        problem = null;
        return true;
    }

    public static string Normalize(string? input)
    {
        if (string.IsNullOrWhiteSpace(input))
        {
            return "";
        }

        var builder = new StringBuilder(input.Length);
        foreach (var c in input.Normalize(NormalizationForm.FormKC))
        {
            if (char.IsWhiteSpace(c) || char.IsControl(c))
            {
                continue;
            }

            builder.Append(c is '‐' or '‑' or '‒' or '–' or '—' or '−' ? '-' : char.ToUpperInvariant(c));
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"^\d{3}\.\d{2}\.\d{2}\.[A-Z]\d{2}-(?<date>\d{6})-\d{4}$", RegexOptions.CultureInvariant)]
    private static partial Regex Format();
}
