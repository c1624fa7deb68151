namespace QueueKiosk.Devices.Voice;

/// <summary>
/// The last announcements and their WAV bytes, by id, for a page to fetch (a host maps e.g.
/// GET /voice/{id}.wav to <see cref="TryGetWav"/>). Keeps only the newest <c>capacity</c>.
/// </summary>
public sealed class AnnouncementStore
{
    private readonly int _capacity;
    private readonly LinkedList<(Announcement Announcement, byte[]? Wav)> _items = new();
    private readonly Lock _lock = new();

    public AnnouncementStore(int capacity = 50)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _capacity = capacity;
    }

    public void Put(Announcement announcement, byte[]? wav)
    {
        ArgumentNullException.ThrowIfNull(announcement);
        lock (_lock)
        {
            for (var node = _items.First; node is not null; node = node.Next)
            {
                if (node.Value.Announcement.Id == announcement.Id)
                {
                    _items.Remove(node);
                    break;
                }
            }

            _items.AddLast((announcement, wav));
            while (_items.Count > _capacity)
            {
                _items.RemoveFirst();
            }
        }
    }

    public bool TryGetWav(string id, out byte[] wav)
    {
        lock (_lock)
        {
            foreach (var (announcement, bytes) in _items)
            {
                if (announcement.Id == id && bytes is not null)
                {
                    wav = bytes;
                    return true;
                }
            }
        }

        wav = [];
        return false;
    }

    public Announcement? Find(string id)
    {
        lock (_lock)
        {
            return _items.FirstOrDefault(i => i.Announcement.Id == id).Announcement;
        }
    }

    /// <summary>Newest last.</summary>
    public IReadOnlyList<Announcement> Recent()
    {
        lock (_lock)
        {
            return [.. _items.Select(i => i.Announcement)];
        }
    }
}
