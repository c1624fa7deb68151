using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Camera;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Demo;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>
/// The hub hosts the cameras of its "Cameras" section (Kiosk.Devices/Camera: one ffmpeg each). In
/// demo mode without cameras it hosts two small synthetic ones, cam1 and cam2, which the demo
/// counters point to. Every camera URL is for supervisors and admins only.
/// </summary>
public static class CameraHosting
{
    public static readonly string[] DemoCameraIds = ["cam1", "cam2"];

    public static IServiceCollection AddHubCameras(this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddCameras(configuration);
        services.AddOptions<CamerasOptions>().PostConfigure<IOptions<SupervisionOptions>, IOptions<DemoOptions>, IOptions<DatabaseOptions>>(
            (cameras, supervision, demo, database) =>
            {
                var wanted = supervision.Value.DemoCameras ?? !environment.IsEnvironment("Testing");
                if (demo.Value.Enabled && wanted && cameras.Cameras.Count == 0)
                {
                    cameras.Cameras.AddRange(DemoCameras(supervision.Value, database.Value));
                }
            });
        services.AddSingleton<RecordingViewWindow>();
        services.AddScoped<ICameraRecordingAudit, RecordingAudit>();
        return services;
    }

    public static IEndpointRouteBuilder MapHubCameras(this IEndpointRouteBuilder app)
    {
        app.MapCameraEndpoints(Policies.Supervisor);
        return app;
    }

    internal static IEnumerable<CameraOptions> DemoCameras(SupervisionOptions o, DatabaseOptions database)
    {
        var folder = o.DemoRecordingFolder is { Length: > 0 } configured ? configured : Path.Combine(DataFolder(database), "recordings");
        string[] names = ["Camera 1 (mẫu)", "Camera 2 (mẫu)"];
        string[] patterns = ["testsrc2", "testsrc2"];
        for (var i = 0; i < DemoCameraIds.Length; i++)
        {
            yield return new CameraOptions
            {
                Id = DemoCameraIds[i],
                Name = names[i],
                Source = nameof(CameraSourceKind.Synthetic),
                Pattern = patterns[i],
                Width = o.DemoCameraWidth,
                Height = o.DemoCameraHeight,
                FrameRate = o.DemoCameraFrameRate,
                PreviewFps = Math.Min(5, o.DemoCameraFrameRate),
                PreviewWidth = o.DemoCameraWidth,
                RecordingFolder = Path.Combine(folder, DemoCameraIds[i]),
                SegmentSeconds = o.DemoSegmentSeconds,
                RetentionDays = 2,
                DiskBudgetMb = 500,
            };
        }
    }

    /// <summary>The folder of the SQLite file (demo data lives together), else ./data.</summary>
    private static string DataFolder(DatabaseOptions database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            try
            {
                var source = new SqliteConnectionStringBuilder(database.ConnectionString ?? "").DataSource;
                if (!string.IsNullOrEmpty(source) && Path.GetDirectoryName(Path.GetFullPath(source)) is { Length: > 0 } dir)
                {
                    return dir;
                }
            }
            catch (ArgumentException)
            {
            }
        }

        return Path.GetFullPath("data");
    }
}

/// <summary>
/// Writes who read which recording segment, when (RecordingViews). Every request of a segment comes
/// here; the range requests one person's player makes for one segment within
/// <see cref="RecordingViewWindow.Length"/> are one view, so the first writes the row and the rest
/// are covered by it.
/// </summary>
public sealed class RecordingAudit(HubDbContext db, WriteGate writeGate, RecordingViewWindow window, TimeProvider time, ILogger<RecordingAudit> logger)
    : ICameraRecordingAudit
{
    public async ValueTask RecordingOpenedAsync(HttpContext context, RecordingSegment segment, CancellationToken cancellationToken)
    {
        var user = context.User;
        if (!window.IsNewView(user.Identity?.Name ?? "?", segment.CameraId, segment.FileName, time.GetUtcNow()))
        {
            return;
        }

        var view = new RecordingView
        {
            Id = Guid.CreateVersion7(),
            SiteId = user.SiteOf(),
            OfficerId = user.OfficerId(),
            UserName = user.Identity?.Name ?? "?",
            CameraId = segment.CameraId,
            FileName = segment.FileName,
            SegmentStart = segment.StartUtc.UtcDateTime,
            ViewedAt = time.GetUtcNow().UtcDateTime,
            RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
        };
        try
        {
            using (await writeGate.EnterAsync(cancellationToken))
            {
                db.Set<RecordingView>().Add(view);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }
        }
        catch
        {
            // No row written: the next read must try again rather than count as part of this view.
            window.Forget(view.UserName, segment.CameraId, segment.FileName);
            throw;
        }

        logger.LogInformation("Recording {File} of camera {Camera} opened by {User}", segment.FileName, segment.CameraId, view.UserName);
    }
}

/// <summary>Remembers, per viewer and segment, when the last audited view began (bounded memory).</summary>
public sealed class RecordingViewWindow
{
    /// <summary>Reads of the same segment by the same person within this time are one view.</summary>
    public static readonly TimeSpan Length = TimeSpan.FromMinutes(10);

    private const int MaxEntries = 10_000;
    private readonly Dictionary<(string User, string Camera, string File), DateTimeOffset> _started = [];
    private readonly Lock _lock = new();

    public bool IsNewView(string user, string camera, string file, DateTimeOffset now)
    {
        lock (_lock)
        {
            var key = (user, camera, file);
            if (_started.TryGetValue(key, out var started) && now - started < Length && now >= started)
            {
                return false;
            }

            if (_started.Count >= MaxEntries)
            {
                // Forgetting only means a later read writes one more row: never one row fewer.
                _started.Clear();
            }

            _started[key] = now;
            return true;
        }
    }

    public void Forget(string user, string camera, string file)
    {
        lock (_lock)
        {
            _started.Remove((user, camera, file));
        }
    }
}
