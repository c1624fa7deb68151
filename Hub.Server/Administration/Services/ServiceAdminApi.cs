using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Catalogue;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Administration.Services;

/// <summary>A service as the administration page shows it, retired ones included; ProcedureIds are the procedures mapped to it.</summary>
public sealed record ServiceAdminDto(
    Guid Id, string Code, string Name, string? NameEn, string Prefix, int Digits, int RangeStart, int RangeEnd,
    int WaitTargetMinutes, int MaxWaitMinutes, int DefaultServiceSeconds, int SortOrder,
    IReadOnlyList<string> AcceptedPriorities, IReadOnlyList<Guid> ProcedureIds, bool Active);

/// <summary>
/// Services (what a ticket is for) under HubRoutes.AdminServices: list, create, edit, retire,
/// restore. Retiring never deletes: the service leaves the kiosk and the consoles, its tickets stay
/// in the reports. Every change is audited in the same SaveChanges (docs/administration.md).
/// </summary>
public static class ServiceAdminApi
{
    /// <summary>The highest ticket number a service range may reach (nine digits).</summary>
    public const int MaxNumber = 999_999_999;

    public static IEndpointRouteBuilder MapServiceAdministration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(HubRoutes.AdminServices).WithTags("Admin").RequireAuthorization(Policies.Supervisor);
        group.MapGet("", ListAsync);
        group.MapPost("", CreateAsync);
        group.MapPut("/{serviceId:guid}", UpdateAsync);
        group.MapPost("/{serviceId:guid}/retire", RetireAsync);
        group.MapPost("/{serviceId:guid}/restore", RestoreAsync);
        return app;
    }

    public static async Task<Ok<List<ServiceAdminDto>>> ListAsync(ClaimsPrincipal user, HubDbContext db, CancellationToken ct)
    {
        var siteId = SiteOf(user);
        var services = await db.Services.Where(s => s.SiteId == siteId).OrderBy(s => s.SortOrder).ThenBy(s => s.Code).ToListAsync(ct);
        var mapped = await MappedProceduresAsync(db, siteId, ct);
        return TypedResults.Ok(services.Select(s => ToDto(s, mapped)).ToList());
    }

    public static async Task<Created<ServiceAdminDto>> CreateAsync(CreateServiceRequest request, ClaimsPrincipal user,
        HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct)
    {
        var siteId = SiteOf(user);
        var accepted = await CheckAsync(request, siteId, null, db, ct);
        var service = new Service { Id = Guid.CreateVersion7(), SiteId = siteId };
        Apply(service, request, accepted);
        db.Services.Add(service);
        await MapProceduresAsync(db, service, request, ct);
        var after = ToDto(service, await MappedAfterAsync(db, service.Id, request, ct));
        AdminAudit.Record(db, user, siteId, AdminActions.Create, AdminEntities.Service, service.Id, null, after, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"{HubRoutes.AdminServices}/{service.Id}", after);
    }

    public static async Task<Ok<ServiceAdminDto>> UpdateAsync(Guid serviceId, CreateServiceRequest request, ClaimsPrincipal user,
        HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct)
    {
        var siteId = SiteOf(user);
        var service = await FindAsync(db, siteId, serviceId, ct);
        var accepted = await CheckAsync(request, siteId, service, db, ct);
        var before = ToDto(service, await MappedProceduresAsync(db, siteId, ct));
        Apply(service, request, accepted);
        await MapProceduresAsync(db, service, request, ct);
        var after = ToDto(service, await MappedAfterAsync(db, service.Id, request, ct));
        AdminAudit.Record(db, user, siteId, AdminActions.Update, AdminEntities.Service, service.Id, before, after, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(after);
    }

    public static Task<Ok<ServiceAdminDto>> RetireAsync(Guid serviceId, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct) =>
        SetActiveAsync(serviceId, false, user, db, cache, time, ct);

    public static Task<Ok<ServiceAdminDto>> RestoreAsync(Guid serviceId, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct) =>
        SetActiveAsync(serviceId, true, user, db, cache, time, ct);

    private static async Task<Ok<ServiceAdminDto>> SetActiveAsync(Guid serviceId, bool active, ClaimsPrincipal user, HubDbContext db,
        CatalogueCache cache, TimeProvider time, CancellationToken ct)
    {
        var siteId = SiteOf(user);
        var service = await FindAsync(db, siteId, serviceId, ct);
        if (active)
        {
            // Back in use, its letter and range must again be its own.
            await CheckNumberingAsync(db, siteId, service.Id, service.Prefix, service.RangeStart, service.RangeEnd, ct);
        }

        var mapped = await MappedProceduresAsync(db, siteId, ct);
        var before = ToDto(service, mapped);
        service.Active = active;
        var after = ToDto(service, mapped);
        AdminAudit.Record(db, user, siteId, active ? AdminActions.Restore : AdminActions.Retire, AdminEntities.Service, service.Id, before, after,
            time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(after);
    }

    /// <summary>Every check of a create or an edit; answers the accepted priority categories the request names.</summary>
    private static async Task<IReadOnlyList<PriorityCategory>> CheckAsync(CreateServiceRequest request, Guid siteId, Service? existing, HubDbContext db, CancellationToken ct)
    {
        Validate.Required(request.Code, "code", 8);
        Validate.Required(request.Name, "name", 200);
        Validate.MaxLength(request.NameEn, "nameEn", 200);
        Validate.MaxLength(request.Prefix, "prefix", 8);

        if (request.Digits is < 1 or > 9)
        {
            throw new DomainException(Errors.Invalid.With("digits"), "digits");
        }

        // Numbers have at most 9 digits (Digits <= 9), so a range ends at 999,999,999 at the latest:
        // the next number after it can never leave int's range and come out negative.
        if (request.RangeStart < 1 || request.RangeEnd < request.RangeStart || request.RangeEnd > MaxNumber)
        {
            throw new DomainException(Errors.Invalid.With("rangeEnd"), "rangeEnd");
        }

        // The longest number of the range must fit the ticket's 16-character Number column.
        var longest = (request.Prefix?.Length ?? 0) + Math.Max(request.Digits, request.RangeEnd.ToString(CultureInfo.InvariantCulture).Length);
        if (longest > 16)
        {
            throw new DomainException(Errors.TooLong.With("prefix + digits", 16), "prefix");
        }

        NonNegative(request.WaitTargetMinutes, "waitTargetMinutes", 24 * 60);
        NonNegative(request.MaxWaitMinutes, "maxWaitMinutes", 24 * 60);
        NonNegative(request.DefaultServiceSeconds - 1, "defaultServiceSeconds", 24 * 3600);
        NonNegative(request.SortOrder, "sortOrder", 10_000);

        var accepted = await AcceptedAsync(request.AcceptedPriorities, siteId, db, ct);
        await CheckMappingAsync(request, siteId, db, ct);

        var code = request.Code.Trim();
        if (await db.Services.AnyAsync(s => s.SiteId == siteId && s.Code == code && s.Id != (existing == null ? Guid.Empty : existing.Id), ct))
        {
            throw new DomainException(Errors.Duplicate.With("code"), "code");
        }

        if (existing is null || existing.Active)
        {
            await CheckNumberingAsync(db, siteId, existing?.Id, request.Prefix?.Trim() ?? "", request.RangeStart, request.RangeEnd, ct);
        }

        return accepted;
    }

    private static void NonNegative(int value, string field, int max)
    {
        if (value < 0 || value > max)
        {
            throw new DomainException(Errors.Invalid.With(field), field);
        }
    }

    /// <summary>
    /// A letter belongs to one active service (two services printing "A012" would confuse the hall);
    /// services without a letter print bare numbers, so their ranges must not overlap instead.
    /// </summary>
    private static async Task CheckNumberingAsync(HubDbContext db, Guid siteId, Guid? self, string prefix, int rangeStart, int rangeEnd, CancellationToken ct)
    {
        var others = await db.Services.Where(s => s.SiteId == siteId && s.Active && s.Id != (self ?? Guid.Empty))
            .Select(s => new { s.Code, s.Prefix, s.RangeStart, s.RangeEnd }).ToListAsync(ct);
        var samePrefix = others.Where(o => string.Equals(o.Prefix, prefix, StringComparison.OrdinalIgnoreCase)).ToList();
        if (prefix.Length > 0 && samePrefix.FirstOrDefault() is { } owner)
        {
            throw new DomainException(Errors.PrefixInUse.With(prefix, owner.Code), "prefix");
        }

        if (samePrefix.FirstOrDefault(o => o.RangeStart <= rangeEnd && rangeStart <= o.RangeEnd) is { } overlapping)
        {
            throw new DomainException(Errors.RangeOverlap.With(overlapping.Code), "rangeStart");
        }
    }

    /// <summary>
    /// The categories named, each a group of the site. Null (a caller that does not say, like the
    /// API before groups were data) accepts every group, as every service did then.
    /// </summary>
    private static async Task<IReadOnlyList<PriorityCategory>> AcceptedAsync(IReadOnlyList<string>? names, Guid siteId, HubDbContext db, CancellationToken ct)
    {
        var groups = await db.PriorityGroups.Where(g => g.SiteId == siteId).Select(g => g.Category).ToListAsync(ct);
        if (names is null)
        {
            return groups;
        }

        var accepted = new List<PriorityCategory>();
        foreach (var name in names)
        {
            if (!Enum.TryParse<PriorityCategory>(name?.Trim(), ignoreCase: true, out var category) || category == PriorityCategory.None
                || !Enum.IsDefined(category) || !groups.Contains(category) || int.TryParse(name, out _))
            {
                throw new DomainException(Errors.UnknownPriorityGroup.With(SafeText.Clean(name ?? "", 40)), "acceptedPriorities");
            }

            accepted.Add(category);
        }

        return accepted;
    }

    private static async Task CheckMappingAsync(CreateServiceRequest request, Guid siteId, HubDbContext db, CancellationToken ct)
    {
        if (request.FieldIds is { Count: > 0 } fieldIds)
        {
            var known = await db.Fields.CountAsync(f => f.SiteId == siteId && fieldIds.Contains(f.Id), ct);
            if (known != fieldIds.Distinct().Count())
            {
                throw new DomainException(Errors.Invalid.With("fieldIds"), "fieldIds");
            }
        }

        if (request.ProcedureIds is { Count: > 0 } procedureIds)
        {
            var known = await db.Procedures.CountAsync(p => p.SiteId == siteId && procedureIds.Contains(p.Id), ct);
            if (known != procedureIds.Distinct().Count())
            {
                throw new DomainException(Errors.ProcedureNotFound, "procedureIds");
            }
        }
    }

    private static void Apply(Service service, CreateServiceRequest request, IReadOnlyList<PriorityCategory> accepted)
    {
        service.Code = request.Code.Trim();
        service.Name = request.Name.Trim();
        service.NameEn = string.IsNullOrWhiteSpace(request.NameEn) ? null : request.NameEn.Trim();
        service.Prefix = request.Prefix?.Trim() ?? "";
        service.Digits = request.Digits;
        service.RangeStart = request.RangeStart;
        service.RangeEnd = request.RangeEnd;
        service.WaitTargetMinutes = request.WaitTargetMinutes;
        service.MaxWaitMinutes = request.MaxWaitMinutes;
        service.DefaultServiceSeconds = request.DefaultServiceSeconds;
        service.SortOrder = request.SortOrder;
        service.AcceptedPriorities = AcceptedPriorities.Format(accepted);
    }

    /// <summary>
    /// Points the procedures the request names (those of its fields, and those listed) at the service,
    /// and unmaps the ones it no longer names. Without FieldIds and ProcedureIds the mapping stays as it is.
    /// </summary>
    private static async Task MapProceduresAsync(HubDbContext db, Service service, CreateServiceRequest request, CancellationToken ct)
    {
        if (request.FieldIds is null && request.ProcedureIds is null)
        {
            return;
        }

        var fieldIds = request.FieldIds ?? [];
        var procedureIds = request.ProcedureIds ?? [];
        var affected = await db.Procedures.AsTracking()
            .Where(p => p.SiteId == service.SiteId && (p.ServiceId == service.Id || fieldIds.Contains(p.FieldId) || procedureIds.Contains(p.Id)))
            .ToListAsync(ct);
        foreach (var procedure in affected)
        {
            var named = fieldIds.Contains(procedure.FieldId) || procedureIds.Contains(procedure.Id);
            procedure.ServiceId = named ? service.Id : null;
        }
    }

    private static async Task<IReadOnlyList<Guid>> MappedAfterAsync(HubDbContext db, Guid serviceId, CreateServiceRequest request, CancellationToken ct)
    {
        if (request.FieldIds is null && request.ProcedureIds is null)
        {
            return await db.Procedures.Where(p => p.ServiceId == serviceId).OrderBy(p => p.Code).Select(p => p.Id).ToListAsync(ct);
        }

        // The tracked procedures hold the new mapping before it is saved.
        return [.. db.ChangeTracker.Entries<Procedure>().Select(e => e.Entity).Where(p => p.ServiceId == serviceId).OrderBy(p => p.Code, StringComparer.Ordinal).Select(p => p.Id)];
    }

    private static async Task<ILookup<Guid, Guid>> MappedProceduresAsync(HubDbContext db, Guid siteId, CancellationToken ct) =>
        (await db.Procedures.Where(p => p.SiteId == siteId && p.ServiceId != null).OrderBy(p => p.Code)
            .Select(p => new { ServiceId = p.ServiceId!.Value, p.Id }).ToListAsync(ct))
        .ToLookup(p => p.ServiceId, p => p.Id);

    private static async Task<Service> FindAsync(HubDbContext db, Guid siteId, Guid serviceId, CancellationToken ct) =>
        await db.Services.AsTracking().FirstOrDefaultAsync(s => s.Id == serviceId && s.SiteId == siteId, ct)
        ?? throw new DomainException(Errors.ServiceNotFound, "serviceId");

    private static Guid SiteOf(ClaimsPrincipal user) => user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");

    private static ServiceAdminDto ToDto(Service s, ILookup<Guid, Guid> mapped) => ToDto(s, [.. mapped[s.Id]]);

    private static ServiceAdminDto ToDto(Service s, IReadOnlyList<Guid> procedureIds) => new(
        s.Id, s.Code, s.Name, s.NameEn, s.Prefix, s.Digits, s.RangeStart, s.RangeEnd, s.WaitTargetMinutes, s.MaxWaitMinutes, s.DefaultServiceSeconds,
        s.SortOrder, [.. AcceptedPriorities.Parse(s.AcceptedPriorities).Select(c => c.ToString())], procedureIds, s.Active);
}
