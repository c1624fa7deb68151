using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Common;

/// <summary>Checks of request values, failing as DomainException so every refusal takes one path to the caller.</summary>
public static class Validate
{
    /// <summary>Text that must be given and fit its column.</summary>
    public static void Required(string? value, string field, int maxLength = 400)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new DomainException(Errors.Required.With(field), field);
        }

        MaxLength(value, field, maxLength);
    }

    /// <summary>Optional text that must fit its column: caught here, a value the database refuses would fail a whole commit batch.</summary>
    public static void MaxLength(string? value, string field, int maxLength)
    {
        if (value is null)
        {
            return;
        }

        if (value.Length > maxLength)
        {
            throw new DomainException(Errors.TooLong.With(field, maxLength), field);
        }

        if (!SafeText.IsStorable(value))
        {
            throw new DomainException(Errors.ControlCharacters.With(field), field);
        }
    }

    /// <summary>The shortest password accepted (the CLI's "admin create" asks the same).</summary>
    public const int MinPasswordLength = 8;

    /// <summary>
    /// A password an account may have: at least <see cref="MinPasswordLength"/> characters, letters
    /// and digits, not the user name. Deliberately modest (staff type it at a counter every day);
    /// the sign-in lock-out after repeated failures is what stops guessing.
    /// </summary>
    public static void Password(string? password, string field, string userName)
    {
        Required(password, field, 200);
        if (password!.Length < MinPasswordLength)
        {
            throw new DomainException(Errors.PasswordTooShort.With(field, MinPasswordLength), field);
        }

        if (!password.Any(char.IsLetter) || !password.Any(char.IsDigit))
        {
            throw new DomainException(Errors.PasswordTooWeak.With(field), field);
        }

        if (string.Equals(password, userName, StringComparison.OrdinalIgnoreCase))
        {
            throw new DomainException(Errors.PasswordIsUserName.With(field), field);
        }
    }

    public static void Defined<TEnum>(TEnum value, string field)
        where TEnum : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new DomainException(Errors.Invalid.With(field), field);
        }
    }

    private static readonly DateTimeOffset Earliest = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Latest = new(2100, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// A [from, to] window from query values: each within the years 2000-2099 (so no arithmetic on
    /// a caller's date can leave DateTime's range), from before to, and at most <paramref name="longest"/>;
    /// a missing end defaults to now, a missing start to <paramref name="defaultLength"/> before the end.
    /// </summary>
    public static (DateTimeOffset From, DateTimeOffset To) Window(DateTimeOffset? from, DateTimeOffset? to, DateTimeOffset now,
        TimeSpan defaultLength, TimeSpan longest)
    {
        InYears(from, "from");
        InYears(to, "to");
        var end = to ?? now;
        var start = from ?? end - defaultLength;
        if (start >= end)
        {
            throw new DomainException(Errors.WindowReversed, "from");
        }

        if (end - start > longest)
        {
            throw new DomainException(Errors.WindowTooLong.With((int)longest.TotalDays), "from");
        }

        return (start, end);
    }

    private static void InYears(DateTimeOffset? value, string field)
    {
        if (value is { } v && (v < Earliest || v >= Latest))
        {
            throw new DomainException(Errors.DateOutOfRange.With(field), field);
        }
    }

    /// <summary>A local day given as yyyy-MM-dd (what an HTML date input sends), null when not given; anything else is refused naming the field.</summary>
    public static DateOnly? Day(string? text, string field) =>
        string.IsNullOrWhiteSpace(text)
            ? null
            : DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day)
                ? day
                : throw new DomainException(Errors.Invalid.With(field), field);
}
