using Microsoft.Extensions.Options;
using QueueKiosk.KioskUi.Configuration;

namespace QueueKiosk.KioskUi.CitizenCard;

/// <summary>
/// The chip ID card just scanned at this kiosk, held in this process's memory only (never written
/// to disk, never logged, never sent to the screen: the screen gets the name, not the number) for
/// as long as the citizen uses it. It is dropped when a ticket is issued with it, when the screen
/// resets or the citizen presses "Xong", and <see cref="KioskOptions.CitizenHoldSeconds"/> after
/// its last use (a timer drops it even if nobody asks again). One card at a time: the kiosk host
/// serves its own screen (/kiosk-api answers loopback only; hardware-docs/kiosk.md, "Chip ID card").
/// </summary>
public sealed class CitizenPresence : IDisposable
{
    private readonly Lock _gate = new();
    private readonly TimeProvider _time;
    private readonly TimeSpan _hold;
    private readonly ITimer _expiry;
    private CitizenCardData? _card;
    private DateTimeOffset _lastUse;

    public CitizenPresence(TimeProvider time, IOptions<KioskOptions> options)
    {
        _time = time;
        _hold = TimeSpan.FromSeconds(options.Value.CitizenHoldSeconds);
        _expiry = time.CreateTimer(_ => DropIfExpired(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Holds a newly scanned card in place of any earlier one.</summary>
    public void Hold(CitizenCardData card)
    {
        lock (_gate)
        {
            _card = card;
            TouchLocked();
        }
    }

    /// <summary>The card held, if its time has not run out; using it restarts its time.</summary>
    public CitizenCardData? Use()
    {
        lock (_gate)
        {
            if (_card is null || Expired())
            {
                _card = null;
                return null;
            }

            TouchLocked();
            return _card;
        }
    }

    /// <summary>Drops the card (only <paramref name="card"/> when given, so a newer scan stays); answers the masked name for the screen.</summary>
    public string? Forget(CitizenCardData? card = null)
    {
        lock (_gate)
        {
            if (_card is null || (card is not null && !ReferenceEquals(card, _card)))
            {
                return card is null ? null : CitizenNameMask.Mask(card.FullName);
            }

            var masked = CitizenNameMask.Mask(_card.FullName);
            _card = null;
            _expiry.Change(Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
            return masked;
        }
    }

    public void Dispose() => _expiry.Dispose();

    private bool Expired() => _time.GetUtcNow() - _lastUse >= _hold;

    private void TouchLocked()
    {
        _lastUse = _time.GetUtcNow();
        _expiry.Change(_hold, Timeout.InfiniteTimeSpan);
    }

    private void DropIfExpired()
    {
        lock (_gate)
        {
            if (_card is not null && Expired())
            {
                _card = null;
            }
        }
    }
}
