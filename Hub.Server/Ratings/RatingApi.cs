using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Supervision;

namespace QueueKiosk.HubServer.Ratings;

/// <summary>
/// The rating tablet's side of the hub (docs/ratings.md, hardware-docs/rating-tablet.md): what the
/// tablet shows at start, and the citizen's rating of a ticket finished at its counter.
/// </summary>
public static class RatingApi
{
    public static IEndpointRouteBuilder MapRatingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet(HubRoutes.RatingTablet, TabletAsync).WithTags("Ratings").RequireAuthorization(Policies.AnyClient);
        app.MapPost(HubRoutes.TicketRating, RateAsync).WithTags("Ratings").RequireAuthorization(Policies.AnyClient);
        return app;
    }

    public static async Task<Ok<RatingTabletDto>> TabletAsync(ClaimsPrincipal user, HubDbContext db, CatalogueCache catalogueCache, CancellationToken ct)
    {
        RequireTablet(user);
        var deviceId = user.DeviceIdOf();
        var device = await db.Devices.FirstOrDefaultAsync(d => d.Id == deviceId, ct) ?? throw new DomainException(Errors.DeviceNotFound, "id");
        var catalogue = await catalogueCache.GetAsync(ct);
        var counter = device.CounterId is { } c ? catalogue.Counters.GetValueOrDefault(c) : null;
        if (counter is null)
        {
            throw new DomainException(Errors.RatingTabletUnbound, "counterId");
        }

        var site = await db.Sites.FirstAsync(s => s.Id == device.SiteId, ct);
        return TypedResults.Ok(new RatingTabletDto(device.Id, device.Name, device.SiteId, counter.Id, counter.Number, counter.Name,
            site.RatingTimeoutSeconds ?? RatingLimits.DefaultTimeoutSeconds, site.RatingIndicesEnabled, RatingReasons.Labels));
    }

    /// <summary>
    /// Only the citizen rates, on a rating tablet (issue 15, item 6): never staff, who could rate
    /// their own work, and never a kiosk or hall display, which anyone passing could use. A low
    /// rating raises an alert on the supervisors' dashboard.
    /// </summary>
    public static async Task<NoContent> RateAsync(Guid ticketId, RatingRequest request, ClaimsPrincipal user, QueueEngine engine, AlertService alerts,
        CancellationToken ct)
    {
        RequireTablet(user);
        var rated = await engine.RateAsync(ticketId, request, new Actor(null, user.DeviceIdOf()), user.SiteOf(), user.CounterOf(), ct);
        if (RatingRules.IsLow(rated.Rating.Score))
        {
            await LowRatingAlert.RaiseAsync(alerts, rated, ct);
        }

        return TypedResults.NoContent();
    }

    private static void RequireTablet(ClaimsPrincipal user)
    {
        if (!user.HasClaim(HubClaims.DeviceKind, nameof(DeviceKind.RatingTablet)))
        {
            throw new DomainException(Errors.RatingChannelOnly);
        }
    }
}

/// <summary>What the engine recorded, for the alert.</summary>
public sealed record RatedTicket(Guid SiteId, Guid TicketId, string Number, int? CounterNumber, Guid? OfficerId, CheckedRating Rating);

/// <summary>
/// A "Không hài lòng" rating is an event, not a lasting condition: the alert is raised and cleared at
/// once, so it stays on the dashboard until a supervisor acknowledges it (AlertService.ListActiveAsync).
/// </summary>
public static class LowRatingAlert
{
    public static async Task RaiseAsync(AlertService alerts, RatedTicket rated, CancellationToken ct)
    {
        var key = rated.TicketId.ToString("N");
        var counter = rated.CounterNumber is { } n ? $"Quầy {n}" : "Quầy ?";
        var reasons = rated.Rating.Reasons?.Split(',').Select(code => RatingReasons.Labels.GetValueOrDefault(code, code)) ?? [];
        var words = string.Join("; ", reasons.Append(rated.Rating.Reason).Where(t => !string.IsNullOrWhiteSpace(t)));
        var messageVi = $"Người dân không hài lòng với số {rated.Number}" + (words.Length > 0 ? $": {words}" : " (không nêu lý do)");
        // The reasons are the citizen's words (and the office's Vietnamese list): quoted as given in both texts.
        var messageEn = $"Citizen not satisfied with ticket {rated.Number}" + (words.Length > 0 ? $": {words}" : " (no reason given)");
        await alerts.RaiseAsync(rated.SiteId, AlertKind.LowRating, new AlertCondition(key, $"{counter} · số {rated.Number}", messageVi, messageEn), ct);
        await alerts.ClearAsync(rated.SiteId, AlertKind.LowRating, key, ct);
    }
}
