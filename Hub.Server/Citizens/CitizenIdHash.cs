using System.Security.Cryptography;
using System.Text;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Citizens;

/// <summary>
/// The one place a chip ID card (CCCD) number becomes something stored: HMAC-SHA256 of the 12 digits
/// keyed with the site's secret salt (Site.CitizenIdSalt), as 64 hex digits. A plain hash of a
/// 12-digit number could be reversed by trying all of them; the salt, kept in the database only,
/// prevents that for anyone holding a copy of the hashes. The number itself is never stored or logged.
/// </summary>
public static class CitizenIdHash
{
    public const int Digits = 12;

    /// <summary>Checks the number is exactly 12 ASCII digits (spaces around it allowed) and returns it trimmed.</summary>
    public static string Validate(string? number, string field)
    {
        var value = number?.Trim();
        if (value is not { Length: Digits } || !value.All(char.IsAsciiDigit))
        {
            throw new DomainException(Errors.CitizenIdInvalid.With(field), field);
        }

        return value;
    }

    /// <summary>The hash of a number <see cref="Validate"/> accepted, with the site's salt.</summary>
    public static string Of(string number, string siteSalt)
    {
        var key = Convert.FromHexString(siteSalt);
        return Convert.ToHexStringLower(HMACSHA256.HashData(key, Encoding.ASCII.GetBytes(number)));
    }

    /// <summary>Validates and hashes in one step; null when no number was given.</summary>
    public static string? OfOptional(string? number, string siteSalt, string field) =>
        string.IsNullOrWhiteSpace(number) ? null : Of(Validate(number, field), siteSalt);

    /// <summary>A new site's salt: 32 random bytes as hex.</summary>
    public static string NewSalt() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
}
