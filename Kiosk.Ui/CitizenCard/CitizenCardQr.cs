using System.Globalization;
using System.Text;

namespace QueueKiosk.KioskUi.CitizenCard;

/// <summary>
/// What the kiosk keeps of a chip ID card (CCCD) read from the QR code on its back: the 12-digit
/// number (sent once to the hub, which stores only a salted hash), the name (for the greeting)
/// and the date of birth (for the elderly priority). The old ID, sex, address and issue date are
/// checked or skipped and never kept (hardware-docs/kiosk.md, "Chip ID card").
/// </summary>
public sealed record CitizenCardData(string IdNumber, string FullName, DateOnly DateOfBirth)
{
    /// <summary>Whole years of age on <paramref name="today"/>.</summary>
    public int AgeOn(DateOnly today)
    {
        var age = today.Year - DateOfBirth.Year;
        return DateOfBirth.AddYears(age) > today ? age - 1 : age;
    }

    /// <summary>Never the number or the name: a card must not reach a log by being formatted.</summary>
    public override string ToString() => nameof(CitizenCardData);
}

/// <summary>Why a scanned string is not a chip ID card's QR; each names the field at fault.</summary>
public enum CitizenCardProblem
{
    None,
    Empty,
    TooLong,
    FieldCount,
    IdNumber,
    FullName,
    DateOfBirth,
    IssueDate,
}

/// <summary>
/// Reads the QR on the back of a chip ID card:
/// <c>ID number|old ID|full name|date of birth (ddMMyyyy)|sex|address|issue date (ddMMyyyy)</c>.
/// Pure: the same text and day give the same answer; nothing is stored or logged here.
/// </summary>
public static class CitizenCardQr
{
    public const int FieldCount = 7;

    /// <summary>A real card's QR is about 120 characters; anything far longer is not one.</summary>
    public const int MaxLength = 600;

    public const int MaxNameLength = 100;

    /// <param name="today">The office's date (a birth or issue date after it is not real).</param>
    public static bool TryParse(string? text, DateOnly today, out CitizenCardData? card, out CitizenCardProblem problem)
    {
        problem = Check(text, today, out card);
        return problem == CitizenCardProblem.None;
    }

    private static CitizenCardProblem Check(string? text, DateOnly today, out CitizenCardData? card)
    {
        card = null;
        // A scanner ends with Enter (CR, LF or both); some put a BOM or spaces around the data.
        var trimmed = text?.Trim('\r', '\n', ' ', '\t', '\uFEFF') ?? "";
        if (trimmed.Length == 0)
        {
            return CitizenCardProblem.Empty;
        }

        if (trimmed.Length > MaxLength)
        {
            return CitizenCardProblem.TooLong;
        }

        // NFC first: a scanner (or the OS typing for it) may send the tone marks as separate characters.
        var fields = trimmed.Normalize(NormalizationForm.FormC).Split('|');
        if (fields.Length != FieldCount)
        {
            return CitizenCardProblem.FieldCount;
        }

        var idNumber = fields[0].Trim();
        if (idNumber.Length != 12 || !idNumber.All(char.IsAsciiDigit))
        {
            return CitizenCardProblem.IdNumber;
        }

        var name = string.Join(' ', fields[2].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (name.Length == 0 || name.Length > MaxNameLength || name.Any(char.IsControl))
        {
            return CitizenCardProblem.FullName;
        }

        if (!TryDate(fields[3], today, out var born))
        {
            return CitizenCardProblem.DateOfBirth;
        }

        if (!TryDate(fields[6], today, out var issued) || issued < born)
        {
            return CitizenCardProblem.IssueDate;
        }

        card = new CitizenCardData(idNumber, name, born);
        return CitizenCardProblem.None;
    }

    /// <summary>ddMMyyyy, a day that exists (no 31/02), from 1900 and not after today.</summary>
    private static bool TryDate(string field, DateOnly today, out DateOnly date) =>
        DateOnly.TryParseExact(field.Trim(), "ddMMyyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out date)
        && date.Year >= 1900
        && date <= today;
}
