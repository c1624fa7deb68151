using System.Globalization;
using System.Net;
using Microsoft.Extensions.Options;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Security;

/// <summary>
/// Counts sign-in attempts atomically, before the password is checked (issue 15, item 3): forty
/// parallel wrong passwords get exactly as many tries as the limit. An attempt counts as a failure
/// until it succeeds. A user name that does not exist is counted like one that does, so the answers
/// cannot tell them apart.
/// <para>
/// Lock-out is not a denial-of-service tool: there is no hard lock, only delays that grow with
/// every failure past a free number of tries (doubling, capped), kept three ways:
/// per client address (one machine cannot guess across every account), per user name and address
/// (a machine guessing one account waits, the officer at another machine does not), and per user
/// name over all addresses (a spread of machines slows down, mildly, so the real officer waits at
/// most <see cref="AccountDelayCap"/>). A count is forgotten once no failure has come for
/// SignInWindowMinutes: time lifts every delay, and an admin's unlock (<see cref="Release"/>) lifts an
/// account's at once. A right password lifts nothing but its own attempt.
/// In memory: a restart forgets, which only gives an attacker what the window's wait would.
/// </para>
/// </summary>
public sealed class SignInThrottle(IOptions<SecurityOptions> options, TimeProvider time)
{
    /// <summary>The longest an account is held back for failures from every address together.</summary>
    public static readonly TimeSpan AccountDelayCap = TimeSpan.FromMinutes(1);

    private const int MaxKeys = 100_000;
    private readonly Dictionary<string, Failures> _byAddress = [];
    private readonly Dictionary<string, Failures> _byNameAndAddress = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Failures> _byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    /// <summary>Takes one attempt, or throws the refusal (429 for the address, 423 for the name) saying until when.</summary>
    public Attempt Begin(IPAddress? address, string userName)
    {
        var o = options.Value;
        var now = time.GetUtcNow();
        var forgetAfter = TimeSpan.FromMinutes(o.SignInWindowMinutes);
        var addressKey = address?.ToString() ?? "unknown";
        var pairKey = userName + "\n" + addressKey;
        var addressCap = forgetAfter;
        lock (_lock)
        {
            var byAddress = Current(_byAddress, addressKey, now, forgetAfter);
            if (byAddress.WaitUntil(o.SignInFailuresPerAddress, TimeSpan.FromMinutes(1), addressCap) is { } addressUntil && addressUntil > now)
            {
                throw new DomainException(Errors.TooManySignIns.With(Until(addressUntil)));
            }

            var byPair = Current(_byNameAndAddress, pairKey, now, forgetAfter);
            if (byPair.WaitUntil(o.SignInFailuresPerAccount, TimeSpan.FromMinutes(1), forgetAfter) is { } pairUntil && pairUntil > now)
            {
                throw new DomainException(Errors.AccountLocked.With(Until(pairUntil)));
            }

            var byName = Current(_byName, userName, now, forgetAfter);
            if (byName.WaitUntil(o.SignInFailuresPerAccountAllAddresses, TimeSpan.FromSeconds(1), AccountDelayCap) is { } nameUntil && nameUntil > now)
            {
                throw new DomainException(Errors.AccountLocked.With(Until(nameUntil)));
            }

            byAddress.Add(now);
            byPair.Add(now);
            byName.Add(now);
            return new Attempt(this, addressKey, pairKey, userName, UnderAttack: byName.Count >= o.SignInFailuresPerAccount);
        }
    }

    /// <summary>An admin's unlock: the account's delays end at once, from every address.</summary>
    public void Release(string userName)
    {
        lock (_lock)
        {
            _byName.Remove(userName);
            var prefix = userName + "\n";
            foreach (var key in _byNameAndAddress.Keys.Where(k => k.StartsWith(prefix, StringComparison.OrdinalIgnoreCase)).ToList())
            {
                _byNameAndAddress.Remove(key);
            }
        }
    }

    private void Succeeded(string addressKey, string pairKey, string userName)
    {
        lock (_lock)
        {
            // A right password takes back only its own attempt: knowing one account's password
            // must not reset the guessing of others, nor lift a delay someone else earned.
            foreach (var (failures, key) in new[] { (_byAddress, addressKey), (_byNameAndAddress, pairKey), (_byName, userName) })
            {
                if (failures.TryGetValue(key, out var f))
                {
                    f.TakeBack();
                }
            }
        }
    }

    private static Failures Current(Dictionary<string, Failures> all, string key, DateTimeOffset now, TimeSpan forgetAfter)
    {
        if (all.TryGetValue(key, out var failures) && now - failures.Last < forgetAfter && now >= failures.Last)
        {
            return failures;
        }

        if (all.Count >= MaxKeys)
        {
            foreach (var stale in all.Where(w => now - w.Value.Last >= forgetAfter).Select(w => w.Key).ToList())
            {
                all.Remove(stale);
            }
        }

        failures = new Failures { Last = now };
        all[key] = failures;
        return failures;
    }

    private static string Until(DateTimeOffset until) => until.ToString("HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private sealed class Failures
    {
        public int Count { get; private set; }

        public DateTimeOffset Last { get; set; }

        public void Add(DateTimeOffset now)
        {
            Count++;
            Last = now;
        }

        public void TakeBack() => Count = Math.Max(0, Count - 1);

        /// <summary>
        /// After <paramref name="free"/> failures the next try waits <paramref name="first"/> after
        /// the last failure, doubling with each further failure up to <paramref name="cap"/>.
        /// </summary>
        public DateTimeOffset? WaitUntil(int free, TimeSpan first, TimeSpan cap)
        {
            if (Count < free)
            {
                return null;
            }

            var doublings = Math.Min(Count - free, 20);
            var wait = TimeSpan.FromTicks(Math.Min(first.Ticks << doublings, cap.Ticks));
            return Last + wait;
        }
    }

    /// <summary>One attempt: a failure unless <see cref="Succeed"/> is called.</summary>
    /// <param name="UnderAttack">The user name has failed often enough that its supervisors should know.</param>
    public sealed record Attempt(SignInThrottle Owner, string AddressKey, string PairKey, string UserName, bool UnderAttack)
    {
        public void Succeed() => Owner.Succeeded(AddressKey, PairKey, UserName);
    }
}
