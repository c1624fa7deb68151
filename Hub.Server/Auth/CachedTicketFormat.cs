using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace QueueKiosk.HubServer.Auth;

/// <summary>
/// Remembers what a sign-in cookie decrypts to. Every staff request carries the same cookie, and
/// unprotecting it (key derivation, AES, HMAC-SHA512) was the largest single CPU cost of a counter
/// action. The cookie is authenticated ciphertext, so the same text always means the same ticket:
/// caching by the exact text changes nothing about who is signed in. Expiry is still checked by the
/// cookie handler on every request; each caller gets its own copy of the ticket.
/// </summary>
public sealed class CachedTicketFormat(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider time) : ISecureDataFormat<AuthenticationTicket>
{
    private const int MaxEntries = 10_000;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private readonly ConcurrentDictionary<(string Text, string? Purpose), (AuthenticationTicket Ticket, DateTimeOffset Until)> _entries = new();

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (string.IsNullOrEmpty(protectedText))
        {
            return inner.Unprotect(protectedText, purpose);
        }

        var now = time.GetUtcNow();
        if (_entries.TryGetValue((protectedText, purpose), out var entry) && entry.Until > now)
        {
            return entry.Ticket.Clone();
        }

        var ticket = inner.Unprotect(protectedText, purpose);
        if (ticket is null)
        {
            return null;
        }

        if (_entries.Count >= MaxEntries)
        {
            // Bounded memory: a site has tens of staff, so this only happens under a flood of cookies.
            _entries.Clear();
        }

        _entries[(protectedText, purpose)] = (ticket.Clone(), now + Lifetime);
        return ticket;
    }

    /// <summary>Wraps the cookie scheme's format after ASP.NET Core has created it.</summary>
    internal sealed class Install(TimeProvider time) : IPostConfigureOptions<CookieAuthenticationOptions>
    {
        public void PostConfigure(string? name, CookieAuthenticationOptions options)
        {
            if (options.TicketDataFormat is not null and not CachedTicketFormat)
            {
                options.TicketDataFormat = new CachedTicketFormat(options.TicketDataFormat, time);
            }
        }
    }
}
