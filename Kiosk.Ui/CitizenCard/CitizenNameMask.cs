using System.Globalization;
using System.Text;

namespace QueueKiosk.KioskUi.CitizenCard;

/// <summary>
/// The name once the citizen is done: the first word whole, then the first letter of each following
/// word with the rest starred ("Nguyễn Văn An" -> "Nguyễn V** A*"), the same rule as the hub's
/// masked applicant name on the dossier screen (Hub.Server Dossiers/NameMask), so both read alike.
/// Works on text elements so a letter with its tone mark counts as one.
/// </summary>
public static class CitizenNameMask
{
    public static string Mask(string name)
    {
        var words = name.Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return "";
        }

        var masked = new List<string> { words[0] };
        foreach (var word in words.Skip(1))
        {
            var info = new StringInfo(word);
            masked.Add(info.SubstringByTextElements(0, 1) + new string('*', info.LengthInTextElements - 1));
        }

        return string.Join(' ', masked);
    }
}
