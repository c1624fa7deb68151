using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using QueueKiosk.Devices.Camera;

namespace QueueKiosk.Devices.Tests.Camera;

/// <summary>Real-ffmpeg tests share the two cores with other suites: run them one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class FfmpegCollection
{
    public const string Name = "ffmpeg cameras";
}

internal static class CameraTestSupport
{
    /// <summary>A small, cheap synthetic camera (320x240, 10 fps) for tests.</summary>
    public static CameraOptions Synthetic(string id = "cam1", string pattern = "testsrc2", string? recordingFolder = null) => new()
    {
        Id = id,
        Name = "Quầy thử " + id,
        Source = "Synthetic",
        Pattern = pattern,
        Width = 320,
        Height = 240,
        FrameRate = 10,
        PreviewFps = 5,
        PreviewWidth = 320,
        RecordingFolder = recordingFolder,
        SegmentSeconds = 2,
        StallSeconds = 15,
        MinRestartDelaySeconds = 0.5,
        MaxRestartDelaySeconds = 8,
        StableRunSeconds = 1,
    };

    public static int ClosedLocalPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>True when the pid is gone or not a zombie (reaped).</summary>
    public static bool IsGoneOrReaped(int pid)
    {
        var stat = $"/proc/{pid}/stat";
        if (!File.Exists(stat))
            return true;
        try
        {
            var text = File.ReadAllText(stat);
            var state = text[(text.LastIndexOf(')') + 2)..].Split(' ')[0];
            return state != "Z" && !text.Contains("(ffmpeg)", StringComparison.Ordinal);
        }
        catch (IOException)
        {
            return true;
        }
    }
}

/// <summary>Keeps every log entry so tests can count them.</summary>
internal sealed class CapturingLoggerFactory : ILoggerFactory
{
    public ConcurrentQueue<(LogLevel Level, string Category, string Message)> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner.Entries.Enqueue((logLevel, category, formatter(state, exception)));
    }
}

internal sealed class CapturingLogger<T>(CapturingLoggerFactory factory) : ILogger<T>
{
    private readonly ILogger _inner = factory.CreateLogger(typeof(T).FullName!);

    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _inner.BeginScope(state);

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _inner.Log(logLevel, eventId, state, exception, formatter);
}
