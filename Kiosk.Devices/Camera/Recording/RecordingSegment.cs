namespace QueueKiosk.Devices.Camera;

/// <summary>One MP4 file of a camera: [StartUtc, EndUtc) of wall-clock time.</summary>
public sealed record RecordingSegment(string CameraId, string FileName, string FullPath, DateTimeOffset StartUtc, DateTimeOffset EndUtc, long SizeBytes)
{
    public TimeSpan Duration => EndUtc - StartUtc;

    public bool Overlaps(DateTimeOffset fromUtc, DateTimeOffset toUtc) => StartUtc < toUtc && EndUtc > fromUtc;
}

/// <summary>A file as seen on disk, before its times are worked out.</summary>
public sealed record RecordingFileInfo(string FullPath, long SizeBytes, DateTimeOffset LastWriteUtc);
