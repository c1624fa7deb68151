namespace QueueKiosk.Devices.Camera;

/// <summary>
/// Turns a camera's segment files into a time index. A segment ends where the next one starts;
/// the last (still being written) ends at its file's last write time. Pure.
/// </summary>
public static class RecordingIndex
{
    public static IReadOnlyList<RecordingSegment> Build(string cameraId, IEnumerable<RecordingFileInfo> files)
    {
        var parsed = files
            .Select(f => (File: f, Start: RecordingFileName.TryParseStart(cameraId, Path.GetFileName(f.FullPath))))
            .Where(x => x.Start is not null)
            .OrderBy(x => x.Start)
            .ToList();
        var segments = new List<RecordingSegment>(parsed.Count);
        for (var i = 0; i < parsed.Count; i++)
        {
            var (file, start) = parsed[i];
            var end = i + 1 < parsed.Count ? parsed[i + 1].Start!.Value : file.LastWriteUtc;
            if (end < start!.Value)
                end = start.Value;
            segments.Add(new RecordingSegment(cameraId, Path.GetFileName(file.FullPath), file.FullPath, start.Value, end, file.SizeBytes));
        }
        return segments;
    }

    /// <summary>Segments that overlap [fromUtc, toUtc), oldest first.</summary>
    public static IReadOnlyList<RecordingSegment> Overlapping(IEnumerable<RecordingSegment> segments, DateTimeOffset fromUtc, DateTimeOffset toUtc) =>
        segments.Where(s => s.Overlaps(fromUtc, toUtc)).OrderBy(s => s.StartUtc).ToList();
}
