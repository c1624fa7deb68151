using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.SiteSettings;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Catalogue;

/// <summary>What the kiosk shows before a ticket: sites, fields, procedures, services. Anonymous and rate limited.</summary>
public static class CatalogueApi
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapCatalogueApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTags("Catalogue").AllowAnonymous().RequireRateLimiting(Policies.AnonymousRateLimit);
        group.MapGet(HubRoutes.Sites, SitesAsync);
        group.MapGet(HubRoutes.Fields, FieldsAsync);
        group.MapGet(HubRoutes.Procedures, ProceduresAsync);
        group.MapGet(HubRoutes.Procedures + "/{procedureId:guid}", ProcedureAsync);
        group.MapGet(HubRoutes.Services, ServicesAsync);
        return app;
    }

    public static async Task<Ok<List<SiteDto>>> SitesAsync(CatalogueCache cache, CancellationToken ct)
    {
        var catalogue = await cache.GetAsync(ct);
        return TypedResults.Ok(catalogue.Sites.Values.OrderBy(s => s.Site.Code, StringComparer.Ordinal)
            .Select(s => new SiteDto(s.Site.Id, s.Site.Code, s.Site.Name, s.Site.TimeZone, s.Site.Address, s.Hours.Intervals,
                s.Site.TicketHeader, s.Site.TicketFooter, s.Site.TicketThankYou, s.Site.KioskIdleSeconds, SiteSettingsApi.LogoUrl(s.Site),
                KioskGroups(catalogue, s.Site.Id))).ToList());
    }

    /// <summary>The groups the kiosk asks about: active, asked at the kiosk, in the office's order.</summary>
    private static List<PriorityGroupDto> KioskGroups(CatalogueData catalogue, Guid siteId) =>
        [.. catalogue.PriorityGroupsOf(siteId).Where(g => g.Active && g.AskAtKiosk).Select(g => new PriorityGroupDto(g.Category, g.Name, g.NameEn, g.SortOrder))];

    public static async Task<Ok<List<FieldDto>>> FieldsAsync(Guid? siteId, HubDbContext db, CatalogueCache cache, CancellationToken ct)
    {
        var site = (await cache.GetAsync(ct)).ResolveSite(siteId);
        var id = site?.Site.Id ?? Guid.Empty;
        // Retired fields (and so their procedures) are gone from the kiosk, as are procedures of retired services;
        // their rows stay for the tickets that name them.
        var fields = await db.Fields.Where(f => f.SiteId == id && f.Active).OrderBy(f => f.SortOrder)
            .Select(f => new FieldDto(f.Id, f.Code, f.Name, f.NameEn,
                db.Procedures.Count(p => p.FieldId == f.Id && p.Active && (p.ServiceId == null || db.Services.Any(s => s.Id == p.ServiceId && s.Active)))))
            .ToListAsync(ct);
        return TypedResults.Ok(fields);
    }

    public static async Task<Ok<List<ProcedureDto>>> ProceduresAsync(Guid? siteId, Guid? fieldId, string? q, HubDbContext db, CatalogueCache cache, CancellationToken ct)
    {
        var site = (await cache.GetAsync(ct)).ResolveSite(siteId);
        var id = site?.Site.Id ?? Guid.Empty;
        // A procedure of a retired service leaves the kiosk with it (no number could be issued for it).
        var query = db.Procedures.Where(p => p.SiteId == id && p.Active && (p.ServiceId == null || db.Services.Any(s => s.Id == p.ServiceId && s.Active)));
        if (fieldId is { } f)
        {
            query = query.Where(p => p.FieldId == f);
        }

        var rows = await query.OrderBy(p => p.SortOrder).ThenBy(p => p.Code)
            .Join(db.Fields.Where(f => f.Active), p => p.FieldId, f => f.Id, (p, f) => new { p, FieldName = f.Name })
            .ToListAsync(ct);
        var list = rows.Select(r => ToDto(r.p, r.FieldName));
        if (!string.IsNullOrWhiteSpace(q))
        {
            // Searched in memory: a commune has tens of procedures, and accent-insensitive matching is simpler here than in two SQL dialects.
            var needle = TextSearch.Fold(q);
            list = list.Where(p => TextSearch.Fold(p.Name).Contains(needle, StringComparison.Ordinal)
                || (p.NameEn is { } en && TextSearch.Fold(en).Contains(needle, StringComparison.Ordinal)) || p.Code.Contains(q.Trim(), StringComparison.Ordinal));
        }

        return TypedResults.Ok(list.ToList());
    }

    public static async Task<Results<Ok<ProcedureDto>, NotFound>> ProcedureAsync(Guid procedureId, HubDbContext db, CancellationToken ct)
    {
        var row = await db.Procedures.Where(p => p.Id == procedureId && p.Active)
            .Join(db.Fields.Where(f => f.Active), p => p.FieldId, f => f.Id, (p, f) => new { p, FieldName = f.Name })
            .FirstOrDefaultAsync(ct);
        return row is null ? TypedResults.NotFound() : TypedResults.Ok(ToDto(row.p, row.FieldName));
    }

    public static async Task<Ok<IReadOnlyList<ServiceDto>>> ServicesAsync(Guid? siteId, QueueReader reader, CatalogueCache cache, CancellationToken ct)
    {
        var site = (await cache.GetAsync(ct)).ResolveSite(siteId);
        return TypedResults.Ok(site is null ? [] : await reader.ServicesAsync(site.Site.Id, ct));
    }

    private static ProcedureDto ToDto(Domain.Procedure p, string fieldName) => new(
        p.Id, p.Code, p.Name, p.FieldId, fieldName, p.Level, p.Agency, p.ProcessingTime, p.Fees,
        JsonSerializer.Deserialize<List<ProcedureDocumentDto>>(p.DocumentsJson, Json) ?? [], p.LegalBasis, p.ServiceId, p.NameEn);
}

/// <summary>Vietnamese-aware folding for search: lower case, tone marks and the đ stroke removed.</summary>
public static class TextSearch
{
    public static string Fold(string text)
    {
        var decomposed = text.Trim().ToLowerInvariant().Replace('đ', 'd').Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
