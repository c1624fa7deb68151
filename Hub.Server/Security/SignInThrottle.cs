using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Security;

/// <summary>
/// Counts sign-in attempts per client address and per user name, atomically, before the password
/// is checked (issue 15, item 3): forty parallel wrong passwords get exactly as many tries as the
/// limit, not as many as arrive before the first failure is saved. An attempt counts as a failure
/// until it succeeds. A user name that does not exist is counted like one that does, so the answers
/// (wrong password, then locked) cannot tell them apart. The address limit stops one machine from
/// locking every account; the per-name limit stops a spread of machines from guessing one password.
/// In memory: a restart forgets, which only gives an attacker what a 15-minute wait would.
/// </summary>
public sealed class SignInThrottle(IOptions<SecurityOptions> options, TimeProvider time)
{
    private const int MaxKeys = 100_000;
    private readonly Dictionary<string, Window> _byAddress = [];
    private readonly Dictionary<string, Window> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>Takes one attempt, or throws the refusal (429 for the address, 423 for the name).</summary>
    public Attempt Begin(IPAddress? address, string userName)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var length = TimeSpan.FromMinutes(o.SignInWindowMinutes);
        var addressKey = address?.ToString() ?? "unknown";
        lock (_lock)
        {
            var byAddress = Current(_byAddress, addressKey, now, length);
            if (byAddress.Failures >= o.SignInFailuresPerAddress)
            {
                throw new DomainException(Errors.TooManySignIns.With(Until(byAddress.Start + length)));
            }

            var byName = Current(_byName, userName, now, length);
            if (byName.Failures >= o.SignInFailuresPerAccount)
            {
                throw new DomainException(Errors.AccountLocked.With(Until(byName.Start + length)));
            }

            byAddress.Failures++;
            byName.Failures++;
            return new Attempt(this, addressKey, userName);
        }
    }

    private void Succeeded(string addressKey, string userName)
    {
        lock (_lock)
        {
            // The right password clears the name's count; the address keeps its other failures
            // except this attempt, so one valid account cannot be used to reset guessing others.
            _byName.Remove(userName);
            if (_byAddress.TryGetValue(addressKey, out var byAddress) && byAddress.Failures > 0)
            {
                byAddress.Failures--;
            }
        }
    }

    private static Window Current(Dictionary<string, Window> windows, string key, DateTimeOffset now, TimeSpan length)
    {
        if (windows.TryGetValue(key, out var window) && now - window.Start < length && now >= window.Start)
        {
            return window;
        }

        if (windows.Count >= MaxKeys)
        {
            foreach (var stale in windows.Where(w => now - w.Value.Start >= length).Select(w => w.Key).ToList())
            {
                windows.Remove(stale);
            }
        }

        window = new Window { Start = now };
        windows[key] = window;
        return window;
    }

    private static string Until(DateTimeOffset until) => until.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private sealed class Window
    {
        public DateTimeOffset Start { get; init; }

        public int Failures { get; set; }
    }

    /// <summary>One attempt: a failure unless <see cref="Succeed"/> is called.</summary>
    public sealed class Attempt(SignInThrottle owner, string addressKey, string userName)
    {
        public void Succeed() => owner.Succeeded(addressKey, userName);
    }
}
