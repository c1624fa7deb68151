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
        if (value is { Length: var length } && length > maxLength)
        {
            throw new DomainException(Errors.TooLong.With(field, maxLength), field);
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
}
