using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using QueueKiosk.Devices.Camera;
using QueueKiosk.HubServer.Common;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>A segment as listed to browsers, with the URL that plays it.</summary>
public sealed record RecordingSegmentDto(string CameraId, string FileName, DateTimeOffset StartUtc, DateTimeOffset EndUtc, long SizeBytes, string Url);

public static class CameraEndpoints
{
    public const string DefaultPrefix = "/api/cameras";

    /// <summary>Longest window a recordings query may cover, so one request cannot list a year.</summary>
    public static readonly TimeSpan MaxRecordingWindow = TimeSpan.FromDays(31);

    /// <summary>
    /// Maps, under <paramref name="prefix"/> (needs <c>AddCameras</c>):
    /// <list type="bullet">
    /// <item>GET / : health of every camera</item>
    /// <item>GET /{id} : health of one camera</item>
    /// <item>GET /{id}/live.mjpg : live MJPEG (multipart/x-mixed-replace), for an &lt;img src&gt;</item>
    /// <item>GET /{id}/snapshot.jpg : the latest JPEG (503 before the first frame)</item>
    /// <item>GET /{id}/recordings?from=&amp;to= : segments overlapping [from, to) (ISO 8601; default the last hour)</item>
    /// <item>GET /{id}/recordings/{file} : one segment as video/mp4 with range requests</item>
    /// </list>
    /// </summary>
    /// <param name="authorizationPolicy">Policy every camera URL requires (e.g. supervisors and admins); null maps them open.</param>
    public static RouteGroupBuilder MapCameraEndpoints(this IEndpointRouteBuilder endpoints, string? authorizationPolicy, string prefix = DefaultPrefix)
    {
        var group = endpoints.MapGroup(prefix).WithTags("Cameras");
        if (authorizationPolicy is not null)
            group.RequireAuthorization(authorizationPolicy);

        group.MapGet("/", (CameraRegistry cameras) => TypedResults.Ok(cameras.GetHealth()));
        group.MapGet("/{id}", GetStatus);
        group.MapGet("/{id}/live.mjpg", GetLive);
        group.MapGet("/{id}/snapshot.jpg", GetSnapshot);
        group.MapGet("/{id}/recordings", (string id, DateTimeOffset? from, DateTimeOffset? to, CameraRegistry cameras, HttpContext context) =>
            ListRecordings(id, from, to, cameras, context, prefix));
        group.MapGet("/{id}/recordings/{file}", GetRecordingFileAsync);
        return group;
    }

    public static Results<Ok<CameraHealth>, ProblemHttpResult> GetStatus(string id, CameraRegistry cameras) =>
        cameras.Find(id) is { } feed ? TypedResults.Ok(feed.GetHealth()) : UnknownCamera(id);

    public static Results<MjpegStreamResult, ProblemHttpResult> GetLive(string id, CameraRegistry cameras) =>
        cameras.Find(id) is { } feed ? new MjpegStreamResult(feed.Preview) : UnknownCamera(id);

    public static Results<FileContentHttpResult, ProblemHttpResult> GetSnapshot(string id, CameraRegistry cameras, HttpContext context)
    {
        if (cameras.Find(id) is not { } feed)
            return UnknownCamera(id);
        if (feed.Preview.Latest is not { } frame)
        {
            var health = feed.GetHealth();
            return TypedResults.Problem(
                title: "Camera chưa có hình / camera has no picture yet",
                detail: health.LastError is null ? $"Trạng thái / state: {health.State}" : $"Trạng thái / state: {health.State}; {health.LastError}",
                statusCode: StatusCodes.Status503ServiceUnavailable);
        }
        context.Response.Headers.CacheControl = "no-store";
        return TypedResults.Bytes(frame.Data, "image/jpeg", lastModified: frame.CapturedUtc);
    }

    public static Results<Ok<IReadOnlyList<RecordingSegmentDto>>, ProblemHttpResult> ListRecordings(
        string id, DateTimeOffset? from, DateTimeOffset? to, CameraRegistry cameras, HttpContext context, string prefix = DefaultPrefix)
    {
        if (cameras.Find(id) is not { } feed)
            return UnknownCamera(id);
        if (feed.Recordings is not { } store)
            return TypedResults.Problem(title: "Camera này không ghi hình / this camera does not record", statusCode: StatusCodes.Status404NotFound);
        var (fromUtc, toUtc) = Validate.Window(from, to, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), MaxRecordingWindow);

        var basePath = $"{context.Request.PathBase}{prefix.TrimEnd('/')}/{Uri.EscapeDataString(feed.Id)}/recordings/";
        IReadOnlyList<RecordingSegmentDto> list = [.. store.Find(fromUtc, toUtc)
            .Select(s => new RecordingSegmentDto(s.CameraId, s.FileName, s.StartUtc, s.EndUtc, s.SizeBytes, basePath + Uri.EscapeDataString(s.FileName)))];
        return TypedResults.Ok(list);
    }

    public static async Task<Results<PhysicalFileHttpResult, ProblemHttpResult>> GetRecordingFileAsync(string id, string file, CameraRegistry cameras, HttpContext context)
    {
        if (cameras.Find(id) is not { } feed)
            return UnknownCamera(id);
        // Only names from the index are served, so no path can escape the recording folder.
        if (feed.Recordings?.Get(file) is not { } segment)
            return TypedResults.Problem(title: $"Không có đoạn ghi '{file}' / no such recording", statusCode: StatusCodes.Status404NotFound);

        // Every request that can serve bytes is reported, whatever its Range header says: guessing
        // which ranges are "the start of a view" let hostile spellings (bytes=00-, Bytes=0-, bytes=-N)
        // read whole files unaudited (issue 15, item 2). The audit decides how to group repeated reads.
        if (context.RequestServices.GetService<ICameraRecordingAudit>() is { } audit)
            await audit.RecordingOpenedAsync(context, segment, context.RequestAborted);

        return TypedResults.PhysicalFile(segment.FullPath, "video/mp4", fileDownloadName: null,
            lastModified: segment.EndUtc, entityTag: new EntityTagHeaderValue($"\"{segment.SizeBytes:x}-{segment.EndUtc.ToUnixTimeSeconds():x}\""),
            enableRangeProcessing: true);
    }

    private static ProblemHttpResult UnknownCamera(string id) =>
        TypedResults.Problem(title: $"Không có camera '{id}' / unknown camera", statusCode: StatusCodes.Status404NotFound);
}
