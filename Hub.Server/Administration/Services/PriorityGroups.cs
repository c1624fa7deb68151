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

namespace QueueKiosk.HubServer.Administration.Services;

/// <summary>
/// The four priority groups of today (the PriorityCategory values), as every site starts with them:
/// the one seeding used where a site is created (the CLI, the demo) and at start-up for sites that
/// existed before the groups were data.
/// </summary>
public static class PriorityGroupDefaults
{
    private static readonly (PriorityCategory Category, string Name, string NameEn)[] Four =
    [
        (PriorityCategory.Elderly, "Người cao tuổi", "Elderly person"),
        (PriorityCategory.Disabled, "Người khuyết tật", "Person with disability"),
        (PriorityCategory.Pregnant, "Phụ nữ mang thai", "Pregnant woman"),
        (PriorityCategory.RevolutionaryMerit, "Người có công với cách mạng", "Person with revolutionary merit"),
    ];

    /// <summary>Every category a group can be made of (None is the absence of one).</summary>
    public static IReadOnlyList<PriorityCategory> Categories { get; } = [.. Four.Select(g => g.Category)];

    /// <summary>The four groups of a new site, in the order the kiosk has always shown them.</summary>
    public static IReadOnlyList<PriorityGroup> For(Guid siteId) =>
        [.. Four.Select((g, i) => new PriorityGroup
        {
            Id = Guid.CreateVersion7(),
            SiteId = siteId,
            Category = g.Category,
            Name = g.Name,
            NameEn = g.NameEn,
            SortOrder = (i + 1) * 10,
            AskAtKiosk = true,
            Active = true,
        })];

    /// <summary>
    /// Gives each site without groups the four, and lets its services keep accepting every group:
    /// before the groups were data every service took every priority, and an upgrade must not
    /// start refusing them (an office narrows a service down on /supervisor/services).
    /// </summary>
    public static async Task<int> EnsureForEverySiteAsync(HubDbContext db, CancellationToken ct)
    {
        var withGroups = await db.PriorityGroups.Select(g => g.SiteId).Distinct().ToListAsync(ct);
        var without = await db.Sites.Where(s => !withGroups.Contains(s.Id)).Select(s => s.Id).ToListAsync(ct);
        foreach (var siteId in without)
        {
            db.PriorityGroups.AddRange(For(siteId));
            var services = await db.Services.AsTracking().Where(s => s.SiteId == siteId && s.AcceptedPriorities == "").ToListAsync(ct);
            foreach (var service in services)
            {
                service.AcceptedPriorities = AcceptedPriorities.Format(Categories);
            }
        }

        if (without.Count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return without.Count;
    }
}

/// <summary>Service.AcceptedPriorities: category names, comma-separated, in one spelling.</summary>
public static class AcceptedPriorities
{
    public static IReadOnlyList<PriorityCategory> Parse(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(name => Enum.TryParse<PriorityCategory>(name, out var c) ? c : PriorityCategory.None)
            .Where(c => c != PriorityCategory.None)];

    public static string Format(IEnumerable<PriorityCategory> categories) =>
        string.Join(',', categories.Where(c => c != PriorityCategory.None).Distinct().Order());

    /// <summary>
    /// Whether a ticket of <paramref name="service"/> may carry <paramref name="priority"/>: the service
    /// lists it and the site still has the group active. No priority is always accepted.
    /// </summary>
    public static void EnsureAccepted(CatalogueData catalogue, Service service, PriorityCategory priority)
    {
        if (priority == PriorityCategory.None)
        {
            return;
        }

        var group = catalogue.PriorityGroupsOf(service.SiteId).FirstOrDefault(g => g.Category == priority);
        if (group is not { Active: true } || !Parse(service.AcceptedPriorities).Contains(priority))
        {
            // The office's own name of the group: the citizen and the officer know it by that name.
            var name = group?.Name ?? priority.ToString();
            throw new DomainException(Errors.PriorityNotAccepted.With(service.Code, name), "priority");
        }
    }
}

/// <summary>A priority group as the administration pages list and edit it.</summary>
public sealed record PriorityGroupAdminDto(Guid Id, PriorityCategory Category, string Name, string? NameEn, int SortOrder, bool AskAtKiosk, bool Active);

/// <summary>What an administrator may change about a group: its names, its place, whether the kiosk asks, whether it is offered at all.</summary>
public sealed record UpdatePriorityGroupRequest(string Name, string? NameEn, int SortOrder, bool AskAtKiosk, bool Active);

/// <summary>The site's priority groups: listed and edited by supervisors (the four categories are fixed by law, so none is created or deleted).</summary>
public static class PriorityGroupAdminApi
{
    public static IEndpointRouteBuilder MapPriorityGroupAdministration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(HubRoutes.AdminPriorityGroups).WithTags("Admin").RequireAuthorization(Policies.Supervisor);
        group.MapGet("", ListAsync);
        group.MapPut("/{groupId:guid}", UpdateAsync);
        return app;
    }

    public static async Task<Ok<List<PriorityGroupAdminDto>>> ListAsync(ClaimsPrincipal user, HubDbContext db, CancellationToken ct)
    {
        var siteId = user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        var groups = await db.PriorityGroups.Where(g => g.SiteId == siteId).OrderBy(g => g.SortOrder).ThenBy(g => g.Category).ToListAsync(ct);
        return TypedResults.Ok(groups.Select(ToDto).ToList());
    }

    public static async Task<Ok<PriorityGroupAdminDto>> UpdateAsync(Guid groupId, UpdatePriorityGroupRequest request, ClaimsPrincipal user,
        HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct)
    {
        Validate.Required(request.Name, "name", 200);
        Validate.MaxLength(request.NameEn, "nameEn", 200);
        if (request.SortOrder is < 0 or > 10_000)
        {
            throw new DomainException(Errors.Invalid.With("sortOrder"), "sortOrder");
        }

        var siteId = user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        var group = await db.PriorityGroups.AsTracking().FirstOrDefaultAsync(g => g.Id == groupId && g.SiteId == siteId, ct)
            ?? throw new DomainException(Errors.PriorityGroupNotFound, "groupId");
        var before = ToDto(group);
        group.Name = request.Name.Trim();
        group.NameEn = string.IsNullOrWhiteSpace(request.NameEn) ? null : request.NameEn.Trim();
        group.SortOrder = request.SortOrder;
        group.AskAtKiosk = request.AskAtKiosk;
        group.Active = request.Active;
        var after = ToDto(group);
        AdminAudit.Record(db, user, siteId, AdminActions.Update, AdminEntities.PriorityGroup, group.Id, before, after, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(after);
    }

    public static PriorityGroupAdminDto ToDto(PriorityGroup g) => new(g.Id, g.Category, g.Name, g.NameEn, g.SortOrder, g.AskAtKiosk, g.Active);
}
