namespace QueueKiosk.Devices.Camera;

/// <summary>
/// Which segments to delete: those older than the retention age, then the oldest until the rest
/// fit the disk budget. The newest segment is never chosen: ffmpeg may still be writing it. Pure.
/// </summary>
public static class RetentionPolicy
{
    /// <param name="segments">All segments of one camera.</param>
    /// <param name="nowUtc">The current time.</param>
    /// <param name="maxAge">Delete segments that ended more than this long ago; null keeps any age.</param>
    /// <param name="budgetBytes">Most bytes the kept segments may use; null means no budget.</param>
    public static IReadOnlyList<RecordingSegment> SelectForDeletion(
        IReadOnlyList<RecordingSegment> segments, DateTimeOffset nowUtc, TimeSpan? maxAge, long? budgetBytes)
    {
        var oldestFirst = segments.OrderBy(s => s.StartUtc).ToList();
        if (oldestFirst.Count <= 1)
            return [];
        var candidates = oldestFirst.Take(oldestFirst.Count - 1);

        var delete = new List<RecordingSegment>();
        var kept = new List<RecordingSegment>();
        foreach (var s in candidates)
        {
            if (maxAge is { } age && s.EndUtc < nowUtc - age)
                delete.Add(s);
            else
                kept.Add(s);
        }

        if (budgetBytes is { } budget)
        {
            var total = kept.Sum(s => s.SizeBytes) + oldestFirst[^1].SizeBytes;
            foreach (var s in kept)
            {
                if (total <= budget)
                    break;
                delete.Add(s);
                total -= s.SizeBytes;
            }
        }
        return delete;
    }
}
