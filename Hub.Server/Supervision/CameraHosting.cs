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

/// <summary>Writes who opened which recording segment, when (RecordingViews).</summary>
public sealed class RecordingAudit(HubDbContext db, WriteGate writeGate, TimeProvider time, ILogger<RecordingAudit> logger) : ICameraRecordingAudit
{
    public async ValueTask RecordingOpenedAsync(HttpContext context, RecordingSegment segment, CancellationToken cancellationToken)
    {
        var user = context.User;
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
        using (await writeGate.EnterAsync(cancellationToken))
        {
            db.Set<RecordingView>().Add(view);
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Recording {File} of camera {Camera} opened by {User}", segment.FileName, segment.CameraId, view.UserName);
    }
}
