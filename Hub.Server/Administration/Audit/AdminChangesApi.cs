using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Administration.Audit;

/// <summary>GET <see cref="HubRoutes.AdminChanges"/>: the site's administrative changes for admins, newest first, a page at a time, optionally of one kind of record.</summary>
public static class AdminChangesApi
{
    public const int DefaultPageSize = 50;
    public const int MaxPageSize = 200;

    public static IEndpointRouteBuilder MapAdminChangesApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(HubRoutes.AdminChanges, ListAsync).WithTags("Administration").RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<Ok<AdminChangesPage>> ListAsync(ClaimsPrincipal user, HubDbContext db, CancellationToken ct,
        string? entity = null, int page = 1, int pageSize = DefaultPageSize)
    {
        var siteId = user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        if (page < 1 || page > 1_000_000)
        {
            throw new DomainException(Errors.Invalid.With("page"), "page");
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            throw new DomainException(Errors.Invalid.With("pageSize"), "pageSize");
        }

        // Compared in SQL: a NUL would make PostgreSQL refuse the query (a 503 instead of a 400; issue 15 item 1).
        Validate.MaxLength(entity, "entity", 100);
        var query = db.AdminChanges.Where(c => c.SiteId == siteId);
        if (!string.IsNullOrEmpty(entity))
        {
            query = query.Where(c => c.Entity == entity);
        }

        var total = await query.CountAsync(ct);
        var rows = await query.OrderByDescending(c => c.At).ThenByDescending(c => c.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(c => new AdminChangeDto(c.Id, c.At, c.ActorName, c.Action, c.Entity, c.EntityId, c.Before, c.After))
            .ToListAsync(ct);
        return TypedResults.Ok(new AdminChangesPage(rows, page, pageSize, total));
    }
}
