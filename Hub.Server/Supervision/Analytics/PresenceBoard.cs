using QueueKiosk.Devices.Camera.Analytics;

namespace QueueKiosk.HubServer.Supervision.Analytics;

/// <summary>Whether someone is at a counter now, since when, and when the camera last said so.</summary>
public sealed record CounterPresence(int CounterNumber, bool Present, DateTimeOffset Since, DateTimeOffset SeenAt);

/// <summary>Time someone was at a counter on one local day, and how long the camera watched it.</summary>
public sealed record CounterPresenceTime(int CounterNumber, TimeSpan Present, TimeSpan Observed);

/// <summary>
/// The figures of camera analytics, in memory only (hardware-docs/cameras.md: nothing but figures is
/// kept, and not across a restart): presence per counter now, presence time in quarter-hour buckets
/// (so any site's time zone can sum them into its local days), and the hall estimate per camera.
/// Thread-safe.
/// </summary>
public sealed class PresenceBoard(TimeProvider time)
{
    /// <summary>Figures older than this say nothing: the camera stopped or its analysis fell behind.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromSeconds(30);

    /// <summary>A longer gap between frames is not counted as watched time.</summary>
    private static readonly TimeSpan MaxGap = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Bucket = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan KeepFor = TimeSpan.FromDays(40);

    private readonly Lock _gate = new();
    private readonly Dictionary<int, CounterPresence> _now = [];
    private readonly Dictionary<(int Counter, long Bucket), (TimeSpan Present, TimeSpan Observed)> _time = [];
    private readonly Dictionary<string, (int People, DateTimeOffset At)> _hall = new(StringComparer.OrdinalIgnoreCase);

    public void RecordSeat(int counterNumber, bool present, DateTimeOffset at)
    {
        lock (_gate)
        {
            if (_now.TryGetValue(counterNumber, out var last))
            {
                var gap = at - last.SeenAt;
                if (gap > TimeSpan.Zero && gap <= MaxGap)
                {
                    // The interval since the last frame counts with the state seen then.
                    var key = (counterNumber, last.SeenAt.UtcTicks / Bucket.Ticks);
                    var (p, o) = _time.GetValueOrDefault(key);
                    _time[key] = (last.Present ? p + gap : p, o + gap);
                }
                var continues = last.Present == present && gap <= MaxGap;
                _now[counterNumber] = new CounterPresence(counterNumber, present, continues ? last.Since : at, at);
            }
            else
            {
                _now[counterNumber] = new CounterPresence(counterNumber, present, at, at);
            }
            Prune(at);
        }
    }

    public void RecordHall(string cameraId, int people, DateTimeOffset at)
    {
        lock (_gate)
            _hall[cameraId] = (people, at);
    }

    /// <summary>The counter's presence when the camera spoke recently; otherwise null (unknown).</summary>
    public CounterPresence? Current(int counterNumber)
    {
        var now = time.GetUtcNow();
        lock (_gate)
            return _now.TryGetValue(counterNumber, out var p) && now - p.SeenAt <= StaleAfter ? p : null;
    }

    /// <summary>People in the waiting area: the sum over the hall cameras with recent figures; null when none has.</summary>
    public int? HallPeople()
    {
        var now = time.GetUtcNow();
        lock (_gate)
        {
            var fresh = _hall.Values.Where(h => now - h.At <= StaleAfter).ToList();
            return fresh.Count == 0 ? null : fresh.Sum(h => h.People);
        }
    }

    /// <summary>Presence time per counter on a local day of <paramref name="zone"/>.</summary>
    public IReadOnlyList<CounterPresenceTime> Day(DateOnly day, TimeZoneInfo zone)
    {
        var from = TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), zone);
        var to = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), zone);
        var (first, last) = (from.Ticks / Bucket.Ticks, to.Ticks / Bucket.Ticks);
        lock (_gate)
        {
            return [.. _time.Where(e => e.Key.Bucket >= first && e.Key.Bucket < last)
                .GroupBy(e => e.Key.Counter)
                .OrderBy(g => g.Key)
                .Select(g => new CounterPresenceTime(g.Key,
                    TimeSpan.FromTicks(g.Sum(e => e.Value.Present.Ticks)), TimeSpan.FromTicks(g.Sum(e => e.Value.Observed.Ticks))))];
        }
    }

    /// <summary>Applies one analysed frame of a camera: its seats are counter numbers.</summary>
    public void Record(string cameraId, FrameFigures figures, DateTimeOffset at)
    {
        foreach (var seat in figures.Seats)
        {
            if (int.TryParse(seat.Key, System.Globalization.CultureInfo.InvariantCulture, out var number))
                RecordSeat(number, seat.Present, at);
        }
        if (figures.HallPeople is { } people)
            RecordHall(cameraId, people, at);
    }

    private void Prune(DateTimeOffset at)
    {
        var oldest = (at - KeepFor).UtcTicks / Bucket.Ticks;
        if (_time.Count > 0 && _time.Keys.Min(k => k.Bucket) < oldest)
        {
            foreach (var key in _time.Keys.Where(k => k.Bucket < oldest).ToList())
                _time.Remove(key);
        }
    }
}
