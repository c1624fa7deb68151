using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Administration.SiteSettings;

/// <summary>
/// The admin's site settings (name, address, zone, ticket texts, kiosk idle time, weekly hours, logo)
/// and the public logo route the kiosk and hall TV load. Every change is audited in the same save
/// and drops the catalogue cache, so devices read the new values with their next catalogue fetch.
/// </summary>
public static class SiteSettingsApi
{
    public static IEndpointRouteBuilder MapSiteSettingsApi(this IEndpointRouteBuilder app)
    {
        var admin = app.MapGroup(string.Empty).WithTags("Admin").RequireAuthorization(Policies.Admin);
        admin.MapGet(HubRoutes.AdminSite, GetAsync);
        admin.MapPut(HubRoutes.AdminSite, UpdateAsync);
        admin.MapPut(HubRoutes.AdminSiteLogo, UploadLogoAsync);
        admin.MapDelete(HubRoutes.AdminSiteLogo, DeleteLogoAsync);
        app.MapGet(HubRoutes.SiteLogoTemplate, LogoAsync).WithTags("Catalogue").AllowAnonymous();
        return app;
    }

    public static async Task<Ok<SiteSettingsDto>> GetAsync(ClaimsPrincipal user, HubDbContext db, CancellationToken ct) =>
        TypedResults.Ok(ToDto(await SiteOfAsync(user, db, ct)));

    public static async Task<Ok<SiteSettingsDto>> UpdateAsync(UpdateSiteRequest request, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache,
        TimeProvider time, CancellationToken ct)
    {
        ValidateNameAddressZone(request.Name, request.Address, request.TimeZone);
        Validate.MaxLength(request.TicketHeader, "ticketHeader", 400);
        Validate.MaxLength(request.TicketFooter, "ticketFooter", 1000);
        Validate.MaxLength(request.TicketThankYou, "ticketThankYou", 400);
        if (request.KioskIdleSeconds is < SiteSettingsLimits.MinIdleSeconds or > SiteSettingsLimits.MaxIdleSeconds)
        {
            throw new DomainException(Errors.OutOfRange.With("kioskIdleSeconds", SiteSettingsLimits.MinIdleSeconds, SiteSettingsLimits.MaxIdleSeconds), "kioskIdleSeconds");
        }

        if (request.RatingTimeoutSeconds is < RatingLimits.MinTimeoutSeconds or > RatingLimits.MaxTimeoutSeconds)
        {
            throw new DomainException(Errors.RatingTimeoutRange.With(RatingLimits.MinTimeoutSeconds, RatingLimits.MaxTimeoutSeconds), "ratingTimeoutSeconds");
        }

        var hours = request.Week is null ? null : WeeklyHours.ToText(request.Week);
        var site = await SiteOfAsync(user, db, ct);
        var before = ToDto(site);
        site.Name = request.Name.Trim().Normalize();
        site.Address = (request.Address ?? "").Trim().Normalize();
        site.TimeZone = request.TimeZone.Trim();
        site.TicketHeader = (request.TicketHeader ?? "").Trim().Normalize();
        site.TicketFooter = (request.TicketFooter ?? "").Trim().Normalize();
        site.TicketThankYou = (request.TicketThankYou ?? "").Trim().Normalize();
        site.KioskIdleSeconds = request.KioskIdleSeconds;
        site.RatingTimeoutSeconds = request.RatingTimeoutSeconds ?? site.RatingTimeoutSeconds;
        site.RatingIndicesEnabled = request.RatingIndicesEnabled ?? site.RatingIndicesEnabled;
        if (hours is not null)
        {
            site.OpeningHours = hours;
        }

        var after = ToDto(site);
        AdminAudit.Record(db, user, site.Id, AdminActions.Update, AdminEntities.Site, site.Id, before, after, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(after);
    }

    /// <summary>The body is the image itself (what the page's file input sends); its type comes from its first bytes, not from the caller.</summary>
    public static async Task<Ok<SiteSettingsDto>> UploadLogoAsync(HttpRequest request, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache,
        TimeProvider time, CancellationToken ct)
    {
        var bytes = await ReadAtMostAsync(request.Body, SiteLimits.LogoBytes + 1, ct);
        if (bytes.Length > SiteLimits.LogoBytes)
        {
            throw new DomainException(Errors.LogoTooLarge.With("logo", SiteLimits.LogoBytes / 1024), "logo");
        }

        var contentType = ImageType(bytes) ?? throw new DomainException(Errors.LogoNotImage.With("logo"), "logo");
        var site = await SiteOfAsync(user, db, ct);
        var before = LogoSummary(site);
        site.Logo = bytes;
        site.LogoContentType = contentType;
        AdminAudit.Record(db, user, site.Id, AdminActions.Update, AdminEntities.Site, site.Id, before, LogoSummary(site), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(ToDto(site));
    }

    public static async Task<Ok<SiteSettingsDto>> DeleteLogoAsync(ClaimsPrincipal user, HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct)
    {
        var site = await SiteOfAsync(user, db, ct);
        if (site.Logo is not null)
        {
            var before = LogoSummary(site);
            site.Logo = null;
            site.LogoContentType = null;
            AdminAudit.Record(db, user, site.Id, AdminActions.Update, AdminEntities.Site, site.Id, before, LogoSummary(site), time.GetUtcNow().UtcDateTime);
            await db.SaveChangesAsync(ct);
            cache.Invalidate();
        }

        return TypedResults.Ok(ToDto(site));
    }

    public static async Task<Results<FileContentHttpResult, NotFound>> LogoAsync(Guid siteId, HubDbContext db, HttpResponse response, CancellationToken ct)
    {
        var logo = await db.Sites.AsNoTracking().Where(s => s.Id == siteId).Select(s => new { s.Logo, s.LogoContentType }).FirstOrDefaultAsync(ct);
        if (logo?.Logo is not { } bytes || logo.LogoContentType is not { } type)
        {
            return TypedResults.NotFound();
        }

        // Screens reload it at most every few minutes; a new logo shows after that.
        response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.File(bytes, type);
    }

    /// <summary>PNG or JPEG by their signatures (PNG: 89 50 4E 47 0D 0A 1A 0A; JPEG: FF D8 FF), else null.</summary>
    public static string? ImageType(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

    /// <summary>What a site must have, whether created (SiteCreation) or edited here.</summary>
    public static void ValidateNameAddressZone(string name, string? address, string timeZone)
    {
        Validate.Required(name, "name", 200);
        Validate.MaxLength(address, "address", 400);
        Validate.Required(timeZone, "timeZone", 64);
        if (!IsKnownZone(timeZone))
        {
            throw new DomainException(Errors.TimeZoneUnknown.With("timeZone"), "timeZone");
        }
    }

    public static bool IsKnownZone(string id)
    {
        try
        {
            // Only IANA ids: a Windows name ("SE Asia Standard Time") would work on one server and not on the next.
            return TimeZoneInfo.FindSystemTimeZoneById(id.Trim()).HasIanaId;
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return false;
        }
    }

    public static SiteSettingsDto ToDto(Site site) => new(
        site.Id, site.Code, site.Name, site.Address, site.TimeZone, site.TicketHeader, site.TicketFooter, site.TicketThankYou, site.KioskIdleSeconds,
        LogoUrl(site), WeeklyHours.FromText(site.OpeningHours, site.TimeZone), site.OpeningHours,
        site.RatingTimeoutSeconds ?? RatingLimits.DefaultTimeoutSeconds, site.RatingIndicesEnabled);

    public static string? LogoUrl(Site site) => site.Logo is null ? null : HubRoutes.SiteLogo(site.Id);

    private static object LogoSummary(Site site) => new { logo = site.Logo is null ? null : $"{site.LogoContentType}, {site.Logo.Length} bytes" };

    private static async Task<Site> SiteOfAsync(ClaimsPrincipal user, HubDbContext db, CancellationToken ct)
    {
        var siteId = user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        // Tracked: the context reads without tracking by default, and the caller changes this row.
        return await db.Sites.AsTracking().FirstOrDefaultAsync(s => s.Id == siteId, ct) ?? throw new DomainException(Errors.SiteNotFound, "siteId");
    }

    private static async Task<byte[]> ReadAtMostAsync(Stream body, int limit, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while (buffer.Length < limit && (read = await body.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, limit - buffer.Length)), ct)) > 0)
        {
            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }
}
