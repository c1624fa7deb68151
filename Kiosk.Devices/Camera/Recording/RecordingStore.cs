namespace QueueKiosk.Devices.Camera;

/// <summary>A camera's recording folder: lists segments, finds them by time, applies retention.</summary>
public sealed class RecordingStore
{
    private readonly TimeProvider _time;

    public RecordingStore(string cameraId, string folder, TimeSpan? maxAge, long? budgetBytes, TimeProvider? time = null)
    {
        CameraId = cameraId;
        Folder = Path.GetFullPath(folder);
        MaxAge = maxAge;
        BudgetBytes = budgetBytes;
        _time = time ?? TimeProvider.System;
    }

    public static RecordingStore? For(CameraOptions options, TimeProvider? time = null) =>
        options.RecordingEnabled
            ? new RecordingStore(
                options.Id,
                options.RecordingFolder!,
                options.RetentionDays > 0 ? TimeSpan.FromDays(options.RetentionDays) : null,
                options.DiskBudgetMb > 0 ? (long)(options.DiskBudgetMb * 1024 * 1024) : null,
                time)
            : null;

    public string CameraId { get; }

    public string Folder { get; }

    public TimeSpan? MaxAge { get; }

    public long? BudgetBytes { get; }

    /// <summary>All segments, oldest first.</summary>
    public IReadOnlyList<RecordingSegment> List()
    {
        if (!Directory.Exists(Folder))
            return [];
        var files = new DirectoryInfo(Folder)
            .EnumerateFiles(CameraId + "-*.mp4")
            .Select(f => new RecordingFileInfo(f.FullName, f.Length, new DateTimeOffset(f.LastWriteTimeUtc, TimeSpan.Zero)));
        return RecordingIndex.Build(CameraId, files);
    }

    /// <summary>Segments overlapping [fromUtc, toUtc), e.g. a ticket from its call to its finish.</summary>
    public IReadOnlyList<RecordingSegment> Find(DateTimeOffset fromUtc, DateTimeOffset toUtc) =>
        RecordingIndex.Overlapping(List(), fromUtc, toUtc);

    /// <summary>The segment with exactly this file name (never a path), or null.</summary>
    public RecordingSegment? Get(string fileName) =>
        RecordingFileName.TryParseStart(CameraId, fileName) is null
            ? null
            : List().FirstOrDefault(s => s.FileName == fileName);

    /// <summary>Deletes what the retention policy selects; returns the deleted segments.</summary>
    public IReadOnlyList<RecordingSegment> ApplyRetention()
    {
        var chosen = RetentionPolicy.SelectForDeletion(List(), _time.GetUtcNow(), MaxAge, BudgetBytes);
        var deleted = new List<RecordingSegment>(chosen.Count);
        foreach (var s in chosen)
        {
            try
            {
                File.Delete(s.FullPath);
                deleted.Add(s);
            }
            catch (IOException)
            {
                // Being read by a viewer right now: the next pass deletes it.
            }
            catch (UnauthorizedAccessException)
            {
            }
        }
        return deleted;
    }
}
