namespace QueueKiosk.Devices.Camera.Analytics;

/// <summary>One small gray analysis frame of a camera (row by row, one byte per pixel) and when it arrived.</summary>
public sealed record AnalysisFrame(DateTimeOffset CapturedUtc, byte[] Gray);
