using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Tracking;

/// <summary>The tracking link printed in a ticket's QR code, and the shape a token must have.</summary>
public sealed class TrackingLinks(IOptions<TrackingOptions> options)
{
    /// <summary>The public URL of the ticket's tracking page, or null when no public address is configured.</summary>
    public string? UrlFor(string? token)
    {
        var baseUrl = options.Value.PublicBaseUrl;
        if (string.IsNullOrWhiteSpace(baseUrl) || token is null)
        {
            return null;
        }

        return baseUrl.TrimEnd('/') + HubRoutes.TrackPage(token);
    }

    /// <summary>22 base64url characters: anything else is refused before the database is asked.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Ticket.TrackingTokenLength } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
