using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>/api/supervision: dashboard, alerts, ticket history (supervisors and admins); recording audit (admins).</summary>
public static class SupervisionApi
{
    public const string Prefix = HubRoutes.Supervision;

    public static IEndpointRouteBuilder MapSupervisionApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(Prefix).WithTags("Supervision").RequireAuthorization(Policies.Supervisor);
        group.MapGet("/dashboard", DashboardAsync);
        group.MapGet("/alerts", AlertsAsync);
        group.MapGet("/presence", PresenceAsync);
        group.MapPost("/alerts/{alertId:guid}/acknowledge", AcknowledgeAsync);
        group.MapGet("/tickets", FindTicketsAsync);
        group.MapGet("/tickets/{ticketId:guid}", TicketAsync);
        app.MapGet(HubRoutes.TicketList, ListTicketsAsync).WithTags("Supervision").RequireAuthorization(Policies.Supervisor);
        group.MapGet("/recording-views", RecordingViewsAsync).RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<Results<Ok<DashboardDto>, NotFound>> DashboardAsync(Guid? siteId, ClaimsPrincipal user, CatalogueCache catalogue, DashboardReader reader, CancellationToken ct)
    {
        var site = await SiteAsync(user, siteId, catalogue, ct);
        return await reader.ReadAsync(site, ct) is { } dashboard ? TypedResults.Ok(dashboard) : TypedResults.NotFound();
    }

    public static async Task<Ok<IReadOnlyList<AlertDto>>> AlertsAsync(Guid? siteId, ClaimsPrincipal user, CatalogueCache catalogue, AlertService alerts, CancellationToken ct) =>
        TypedResults.Ok(await alerts.ListActiveAsync(await SiteAsync(user, siteId, catalogue, ct), ct));

    public static async Task<Ok<AlertDto>> AcknowledgeAsync(Guid alertId, ClaimsPrincipal user, AlertService alerts, CancellationToken ct)
    {
        var name = user.FindFirstValue(ClaimTypes.GivenName) is { Length: > 0 } given ? given : user.Identity?.Name ?? "?";
        var site = user.SiteOf() ?? Guid.Empty;
        return await alerts.AcknowledgeAsync(alertId, site, user.OfficerId(), name, ct) is { } alert
            ? TypedResults.Ok(alert)
            : throw new DomainException(Errors.AlertNotFound, "alertId");
    }

    public static async Task<Ok<IReadOnlyList<TicketHistoryDto>>> FindTicketsAsync(
        string? number, string? day, Guid? siteId, ClaimsPrincipal user, CatalogueCache catalogue, TicketHistoryReader history, TimeProvider time, CancellationToken ct)
    {
        Validate.Required(number, "number", 16);
        var site = await SiteAsync(user, siteId, catalogue, ct);
        var localDay = Validate.Day(day, "day") ?? (await catalogue.GetAsync(ct)).Sites[site].Hours.LocalDay(time.GetUtcNow().UtcDateTime);

        return TypedResults.Ok(await history.FindAsync(site, number!, localDay, ct));
    }

    /// <summary>A page of the ticket list; days default to today, and a range longer than a month is refused.</summary>
    public static async Task<Ok<TicketListPageDto>> ListTicketsAsync(
        string? from, string? to, Guid? serviceId, Guid? counterId, Guid? officerId, string? status, bool? pastTarget, int? page, int? pageSize,
        Guid? siteId, ClaimsPrincipal user, CatalogueCache catalogue, TicketListReader list, TimeProvider time, CancellationToken ct)
    {
        var site = await SiteAsync(user, siteId, catalogue, ct);
        var today = (await catalogue.GetAsync(ct)).Sites[site].Hours.LocalDay(time.GetUtcNow().UtcDateTime);
        var fromDay = Validate.Day(from, "from") ?? today;
        var toDay = Validate.Day(to, "to") ?? fromDay;
        if (toDay < fromDay || toDay.DayNumber - fromDay.DayNumber >= TicketListReader.MaxDays)
        {
            throw new DomainException(Errors.Invalid.With("to"), "to");
        }

        TicketStatus? wanted = null;
        if (!string.IsNullOrEmpty(status))
        {
            wanted = Enum.TryParse<TicketStatus>(status, ignoreCase: false, out var parsed) && Enum.IsDefined(parsed)
                ? parsed
                : throw new DomainException(Errors.Invalid.With("status"), "status");
        }

        if (page is < 1 || pageSize is < 1 or > TicketListReader.MaxPageSize)
        {
            throw new DomainException(Errors.Invalid.With(page is < 1 ? "page" : "pageSize"), page is < 1 ? "page" : "pageSize");
        }

        var query = new TicketListQuery(fromDay, toDay, serviceId, counterId, officerId, wanted, pastTarget ?? false,
            page ?? 1, pageSize ?? TicketListReader.DefaultPageSize);
        return TypedResults.Ok(await list.ReadAsync(site, query, ct));
    }


    public static async Task<Ok<TicketHistoryDto>> TicketAsync(Guid ticketId, Guid? siteId, ClaimsPrincipal user, CatalogueCache catalogue, TicketHistoryReader history, CancellationToken ct) =>
        await history.GetAsync(await SiteAsync(user, siteId, catalogue, ct), ticketId, ct) is { } found
            ? TypedResults.Ok(found)
            : throw new DomainException(Errors.TicketNotFound, "ticketId");

    /// <summary>Camera analytics: presence time per counter on a local day (default today), from memory since the hub started.</summary>
    public static async Task<Ok<IReadOnlyList<CounterPresenceDto>>> PresenceAsync(
        string? day, Guid? siteId, ClaimsPrincipal user, CatalogueCache catalogue, Analytics.PresenceBoard presence, TimeProvider time, CancellationToken ct)
    {
        var site = (await catalogue.GetAsync(ct)).Sites[await SiteAsync(user, siteId, catalogue, ct)];
        DateOnly localDay;
        if (string.IsNullOrWhiteSpace(day))
        {
            localDay = site.Hours.LocalDay(time.GetUtcNow().UtcDateTime);
        }
        else if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out localDay))
        {
            throw new DomainException(Errors.Invalid.With("day"), "day");
        }

        var names = (await catalogue.GetAsync(ct)).Counters.Values.Where(c => c.SiteId == site.Site.Id)
            .GroupBy(c => c.Number).ToDictionary(g => g.Key, g => g.First().Name);
        IReadOnlyList<CounterPresenceDto> rows = [.. presence.Day(localDay, site.Hours.Zone)
            .Where(p => names.ContainsKey(p.CounterNumber))
            .Select(p => new CounterPresenceDto(p.CounterNumber, names[p.CounterNumber], (int)p.Present.TotalSeconds, (int)p.Observed.TotalSeconds))];
        return TypedResults.Ok(rows);
    }

    /// <summary>Who opened which recording, newest first (default: the last 7 days).</summary>
    public static async Task<Ok<IReadOnlyList<RecordingViewDto>>> RecordingViewsAsync(DateTimeOffset? from, DateTimeOffset? to, HubDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (start, end) = Validate.Window(from, to, time.GetUtcNow(), TimeSpan.FromDays(7), TimeSpan.FromDays(366));
        var (fromUtc, toUtc) = (start.UtcDateTime, end.UtcDateTime);
        var rows = await db.Set<RecordingView>().Where(v => v.ViewedAt >= fromUtc && v.ViewedAt <= toUtc)
            .OrderByDescending(v => v.ViewedAt).Take(1000).ToListAsync(ct);
        IReadOnlyList<RecordingViewDto> list = [.. rows.Select(v => new RecordingViewDto(
            v.Id, Utc(v.ViewedAt), v.UserName, v.CameraId, v.FileName, Utc(v.SegmentStart), v.RemoteAddress))];
        return TypedResults.Ok(list);
    }

    /// <summary>The site asked for: the caller's own by default; another site only for admins.</summary>
    public static async Task<Guid> SiteAsync(ClaimsPrincipal user, Guid? requested, CatalogueCache catalogueCache, CancellationToken ct)
    {
        var own = user.SiteOf();
        if (requested is { } wanted && wanted != own)
        {
            if (!user.IsInRole(nameof(OfficerRole.Admin)))
            {
                throw new DomainException(Errors.ForbiddenSite, "siteId");
            }

            var catalogue = await catalogueCache.GetAsync(ct);
            return catalogue.Sites.ContainsKey(wanted) ? wanted : throw new DomainException(Errors.SiteNotFound, "siteId");
        }

        return own ?? throw new DomainException(Errors.SiteNotFound, "siteId");
    }

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
