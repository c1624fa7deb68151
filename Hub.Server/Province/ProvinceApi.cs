using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Reports;

namespace QueueKiosk.HubServer.Province;

public sealed record ProvinceSiteRequest(Guid Id, string? Name, string? DashboardUrl);

/// <summary>A site key, shown once: the province stores only its SHA-256.</summary>
public sealed record ProvinceSiteKeyDto(Guid SiteId, string Key);

public sealed record ProvinceUserSitesRequest(IReadOnlyList<Guid>? SiteIds);

/// <summary>
/// The province tier's endpoints (mapped only with Hub:Role=Province): ingest for sites, the
/// dashboard's snapshot and reports for province users, and site keys and user site lists for
/// province admins. Province users are the accounts of the province's own database; a supervisor
/// sees the sites of their list (all when the list is empty), an admin manages keys.
/// </summary>
public static class ProvinceApi
{
    public static IEndpointRouteBuilder MapProvinceApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Province");
        group.MapPost(HubRoutes.ProvinceIngest, IngestAsync).AllowAnonymous().DisableAntiforgery().RequireRateLimiting(ProvinceExtensions.IngestConcurrency);
        group.MapGet(HubRoutes.ProvinceSites, SitesAsync).RequireAuthorization(Policies.Supervisor);
        group.MapPost(HubRoutes.ProvinceSites, RegisterAsync).RequireAuthorization(Policies.Admin);
        group.MapPost(HubRoutes.ProvinceSiteKey, RotateAsync).RequireAuthorization(Policies.Admin);
        group.MapDelete(HubRoutes.ProvinceSiteKey, RevokeAsync).RequireAuthorization(Policies.Admin);
        group.MapPut(HubRoutes.ProvinceUserSites, SetUserSitesAsync).RequireAuthorization(Policies.Admin);
        group.MapGet(HubRoutes.ProvinceReports, ReportAsync).RequireAuthorization(Policies.Supervisor);
        app.MapHub<ProvinceHub>(HubRoutes.ProvinceHub);
        return app;
    }

    public static async Task<Ok<IngestAnswer>> IngestAsync(
        [FromHeader(Name = HubRoutes.SiteKeyHeader)] string? key, IngestBatch batch, ProvinceIngest ingest, CancellationToken ct) =>
        TypedResults.Ok(await ingest.IngestAsync(key, batch, ct));

    public static async Task<Ok<IReadOnlyList<ProvinceSiteSummary>>> SitesAsync(ClaimsPrincipal user, ProvinceReader reader, CancellationToken ct) =>
        TypedResults.Ok(await reader.SummariesAsync(await reader.VisibleSiteIdsAsync(user, ct), ct));

    public static async Task<Ok<ProvinceSiteKeyDto>> RegisterAsync(
        ProvinceSiteRequest request, ClaimsPrincipal user, ProvinceDbContext db, HubDbContext hubDb, TimeProvider time, CancellationToken ct)
    {
        if (request.Id == Guid.Empty)
        {
            throw new DomainException(Errors.Required.With("id"), "id");
        }

        Validate.Required(request.Name, "name", 200);
        ValidateUrl(request.DashboardUrl);
        if (await db.Sites.AnyAsync(s => s.Id == request.Id, ct))
        {
            throw new DomainException(Errors.Duplicate.With("id"), "id");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var key = DeviceKeys.NewKey();
        var site = new ProvinceSite
        {
            Id = request.Id,
            Name = request.Name!.Trim(),
            DashboardUrl = request.DashboardUrl?.Trim(),
            KeyHash = DeviceKeys.Hash(key),
            KeyIssuedAt = now,
            CreatedAt = now,
        };
        db.Sites.Add(site);
        await db.SaveChangesAsync(ct);
        await AuditAsync(hubDb, user, "create", site.Id, new { site.Name, site.DashboardUrl }, now, ct);
        return TypedResults.Ok(new ProvinceSiteKeyDto(site.Id, key));
    }

    /// <summary>A new key for the site; the old one stops working at once.</summary>
    public static async Task<Ok<ProvinceSiteKeyDto>> RotateAsync(
        Guid siteId, ClaimsPrincipal user, ProvinceDbContext db, HubDbContext hubDb, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var key = DeviceKeys.NewKey();
        var hash = DeviceKeys.Hash(key);
        var changed = await db.Sites.Where(s => s.Id == siteId)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.KeyHash, hash).SetProperty(s => s.KeyIssuedAt, now).SetProperty(s => s.KeyRevokedAt, (DateTime?)null), ct);
        if (changed == 0)
        {
            throw new DomainException(Errors.ProvinceSiteNotFound.With("siteId"), "siteId");
        }

        await AuditAsync(hubDb, user, "rotate-key", siteId, null, now, ct);
        return TypedResults.Ok(new ProvinceSiteKeyDto(siteId, key));
    }

    public static async Task<NoContent> RevokeAsync(Guid siteId, ClaimsPrincipal user, ProvinceDbContext db, HubDbContext hubDb, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var changed = await db.Sites.Where(s => s.Id == siteId).ExecuteUpdateAsync(u => u.SetProperty(s => s.KeyRevokedAt, now), ct);
        if (changed == 0)
        {
            throw new DomainException(Errors.ProvinceSiteNotFound.With("siteId"), "siteId");
        }

        await AuditAsync(hubDb, user, "revoke", siteId, null, now, ct);
        return TypedResults.NoContent();
    }

    /// <summary>Replaces the list of sites a province user sees; an empty list means every site.</summary>
    public static async Task<NoContent> SetUserSitesAsync(
        Guid officerId, ProvinceUserSitesRequest request, ClaimsPrincipal user, ProvinceDbContext db, HubDbContext hubDb, TimeProvider time, CancellationToken ct)
    {
        if (!await hubDb.Officers.AnyAsync(o => o.Id == officerId, ct))
        {
            throw new DomainException(Errors.Invalid.With("officerId"), "officerId");
        }

        var ids = (request.SiteIds ?? []).Distinct().ToList();
        var known = await db.Sites.Where(s => ids.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        if (ids.FirstOrDefault(id => !known.Contains(id)) is var unknown && unknown != Guid.Empty)
        {
            throw new DomainException(Errors.ProvinceSiteNotFound.With("siteIds"), "siteIds");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.UserSites.Where(u => u.OfficerId == officerId).ExecuteDeleteAsync(ct);
        db.UserSites.AddRange(ids.Select(id => new ProvinceUserSite { OfficerId = officerId, SiteId = id }));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        await AuditAsync(hubDb, user, "update", officerId, new { SiteIds = ids }, time.GetUtcNow().UtcDateTime, ct, entity: "province-user-sites");
        return TypedResults.NoContent();
    }

    public static async Task<IResult> ReportAsync(
        DateOnly? from, DateOnly? to, string? format, ClaimsPrincipal user, ProvinceReader reader, ProvinceReports reports, TimeProvider time, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime((time.GetUtcNow() + ProvinceReader.VietnamOffset).UtcDateTime);
        var (first, last) = (from ?? today, to ?? today);
        if (last < first)
        {
            throw new DomainException(Errors.WindowReversed, "from");
        }

        if (last.DayNumber - first.DayNumber > 366)
        {
            throw new DomainException(Errors.WindowTooLong.With(366), "to");
        }

        var report = await reports.BuildAsync(await reader.VisibleSiteIdsAsync(user, ct), first, last, ct);
        var name = $"bao-cao-tinh-{first:yyyyMMdd}-{last:yyyyMMdd}";
        return format?.ToLowerInvariant() switch
        {
            null or "" or "json" => TypedResults.Ok(report),
            "csv" => TypedResults.File(ReportCsv.ToBytes(ProvinceReports.Table(report)), "text/csv; charset=utf-8", name + ".csv"),
            "xlsx" => TypedResults.File(ReportXlsx.ToBytes(ProvinceReports.Table(report)), ReportXlsx.ContentType, name + ".xlsx"),
            _ => throw new DomainException(Errors.Invalid.With("format"), "format"),
        };
    }

    private static void ValidateUrl(string? url)
    {
        Validate.MaxLength(url, "dashboardUrl", 400);
        if (!string.IsNullOrWhiteSpace(url) && !(Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            throw new DomainException(Errors.Invalid.With("dashboardUrl"), "dashboardUrl");
        }
    }

    /// <summary>
    /// The province's site keys live in its own tables; the audit row goes to the province host's
    /// audit (AdminChanges, the same PostgreSQL database) right after the change, in a second commit.
    /// </summary>
    private static async Task AuditAsync(HubDbContext hubDb, ClaimsPrincipal user, string action, Guid id, object? after, DateTime now, CancellationToken ct,
        string entity = "province-site")
    {
        if (user.SiteOf() is not { } site)
        {
            return;
        }

        AdminAudit.Record(hubDb, user, site, action, entity, id, null, after, now);
        await hubDb.SaveChangesAsync(ct);
        hubDb.ChangeTracker.Clear();
    }
}
