using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Camera;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Dossiers.Upstream;
using QueueKiosk.HubServer.ProvinceLink;

namespace QueueKiosk.HubServer.Supervision.Upward;

/// <summary>
/// The camera link upward (Decree 61 Art. 13; docs/province.md, "Camera link upward"): the province
/// opens a site's live preview on demand. The stream is the camera's one preview fan-out
/// (CameraFeed.Preview, fed by the camera's single ffmpeg) that the supervisors' page also reads:
/// an upward viewer is one more subscriber, never a second capture. Every view is written to
/// RecordingViews (the camera audit the admins list), with FileName "live" and the province
/// user's name, before the first frame is sent.
/// </summary>
public static class UpwardCameras
{
    /// <summary>The RecordingViews.FileName of a live view relayed upward (a recording's row names its segment file).</summary>
    public const string LiveViewFileName = "live";

    /// <summary>Prefix of RecordingViews.UserName for a province user.</summary>
    public const string ProvinceUserPrefix = "province:";

    public static IEndpointRouteBuilder MapUpwardCameras(this IEndpointRouteBuilder app)
    {
        // Closed (not even mapped) until the site is given the province's key.
        if (string.IsNullOrEmpty(app.ServiceProvider.GetRequiredService<IOptions<ProvinceLinkOptions>>().Value.CameraAccessKey))
        {
            return app;
        }

        // A machine caller with its own key: no cookie, so no same-origin check applies.
        app.MapGet(HubRoutes.UpwardCameraLive, LiveAsync).WithTags("Cameras").AllowAnonymous();
        return app;
    }

    public static async Task<IResult> LiveAsync(
        string id, HttpContext http, CameraRegistry cameras, IOptions<ProvinceLinkOptions> province, HubDbContext db, WriteGate writeGate,
        TimeProvider time, ILogger<MjpegStreamResult> logger, CancellationToken ct)
    {
        if (!DossierUpstreamExtensions.SameKey(http.Request.Headers[HubRoutes.ProvinceKeyHeader].ToString(), province.Value.CameraAccessKey))
        {
            throw new DomainException(Errors.ProvinceKeyRefused, HubRoutes.ProvinceKeyHeader);
        }

        // Headers carry ASCII only: the name comes percent-encoded (UTF-8), as Uri.EscapeDataString writes it.
        var user = Uri.UnescapeDataString(http.Request.Headers[HubRoutes.ProvinceUserHeader].ToString()).Normalize(System.Text.NormalizationForm.FormC);
        Validate.Required(user, HubRoutes.ProvinceUserHeader, 150);
        if (cameras.Find(id) is not { } feed)
        {
            throw new DomainException(Errors.CameraNotFound, "id");
        }

        var now = time.GetUtcNow().UtcDateTime;
        using (await writeGate.EnterAsync(ct))
        {
            db.Set<RecordingView>().Add(new RecordingView
            {
                Id = Guid.CreateVersion7(),
                SiteId = await OwnSiteAsync(db, ct),
                UserName = ProvinceUserPrefix + user,
                CameraId = feed.Id,
                FileName = LiveViewFileName,
                SegmentStart = now,
                ViewedAt = now,
                RemoteAddress = http.Connection.RemoteIpAddress?.ToString(),
            });
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
        }

        logger.LogInformation("Live preview of camera {Camera} relayed upward to {User}", feed.Id, user);
        return new MjpegStreamResult(feed.Preview);
    }

    private static async Task<Guid?> OwnSiteAsync(HubDbContext db, CancellationToken ct) =>
        await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.Sites.OrderBy(s => s.Code).Select(s => (Guid?)s.Id), ct);
}
