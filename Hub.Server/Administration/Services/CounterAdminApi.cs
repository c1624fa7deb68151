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

/// <summary>A counter as the administration page shows it, retired ones included. Weighted: its services are mixed by weight rather than called in order.</summary>
public sealed record CounterAdminDto(
    Guid Id, int Number, string Name, IReadOnlyList<CounterServiceDto> Services, bool Weighted, int? LedAddress, string? CameraId, bool Active);

/// <summary>
/// Counters under HubRoutes.AdminCounters: list, create, edit, retire, restore. Only the catalogue
/// part of a counter is edited here (number, name, services, LED board, camera); whether it is
/// open, paused or serving belongs to the live queue and its officer. A retired counter leaves the
/// consoles, displays and snapshot and cannot be signed in at; its tickets stay in the reports.
/// </summary>
public static class CounterAdminApi
{
    /// <summary>Modbus RTU addresses of the LED boards (hardware-docs/displays.md).</summary>
    public const int LedAddressMax = 247;

    public static IEndpointRouteBuilder MapCounterAdministration(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(HubRoutes.AdminCounters).WithTags("Admin").RequireAuthorization(Policies.Supervisor);
        group.MapGet("", ListAsync);
        group.MapPost("", CreateAsync);
        group.MapPut("/{counterId:guid}", UpdateAsync);
        group.MapPost("/{counterId:guid}/retire", RetireAsync);
        group.MapPost("/{counterId:guid}/restore", RestoreAsync);
        return app;
    }

    public static async Task<Ok<List<CounterAdminDto>>> ListAsync(ClaimsPrincipal user, HubDbContext db, CatalogueCache cache, CancellationToken ct)
    {
        var siteId = SiteOf(user);
        var catalogue = await cache.GetAsync(ct);
        var counters = await db.Counters.Include(c => c.Services).Where(c => c.SiteId == siteId).OrderBy(c => c.Number).ToListAsync(ct);
        return TypedResults.Ok(counters.Select(c => ToDto(c, catalogue)).ToList());
    }

    /// <summary>Answers the live CounterDto, as it always has (the bench and older callers read it).</summary>
    public static async Task<Created<CounterDto>> CreateAsync(CreateCounterRequest request, ClaimsPrincipal user,
        HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct)
    {
        var siteId = SiteOf(user);
        var catalogue = await cache.GetAsync(ct);
        await CheckAsync(request, siteId, null, db, catalogue, ct);
        var counter = new Counter { Id = Guid.CreateVersion7(), SiteId = siteId };
        Apply(counter, request);
        if (request.Open)
        {
            counter.Open(time.GetUtcNow().UtcDateTime);
        }

        db.Counters.Add(counter);
        AdminAudit.Record(db, user, siteId, AdminActions.Create, AdminEntities.Counter, counter.Id, null, ToDto(counter, catalogue), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created(HubRoutes.CounterOf(counter.Id), counter.ToDto(await cache.GetAsync(ct), null));
    }

    public static async Task<Ok<CounterAdminDto>> UpdateAsync(Guid counterId, CreateCounterRequest request, ClaimsPrincipal user,
        HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct)
    {
        var siteId = SiteOf(user);
        var catalogue = await cache.GetAsync(ct);
        var counter = await FindAsync(db, siteId, counterId, ct);
        await CheckAsync(request, siteId, counter.Id, db, catalogue, ct);
        var before = ToDto(counter, catalogue);
        Apply(counter, request);
        var after = ToDto(counter, catalogue);
        AdminAudit.Record(db, user, siteId, AdminActions.Update, AdminEntities.Counter, counter.Id, before, after, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(after);
    }

    public static Task<Ok<CounterAdminDto>> RetireAsync(Guid counterId, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct) =>
        SetActiveAsync(counterId, false, user, db, cache, time, ct);

    public static Task<Ok<CounterAdminDto>> RestoreAsync(Guid counterId, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct) =>
        SetActiveAsync(counterId, true, user, db, cache, time, ct);

    private static async Task<Ok<CounterAdminDto>> SetActiveAsync(Guid counterId, bool active, ClaimsPrincipal user, HubDbContext db,
        CatalogueCache cache, TimeProvider time, CancellationToken ct)
    {
        var siteId = SiteOf(user);
        var catalogue = await cache.GetAsync(ct);
        var counter = await FindAsync(db, siteId, counterId, ct);
        var before = ToDto(counter, catalogue);
        counter.Active = active;
        var after = ToDto(counter, catalogue);
        AdminAudit.Record(db, user, siteId, active ? AdminActions.Restore : AdminActions.Retire, AdminEntities.Counter, counter.Id, before, after,
            time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Ok(after);
    }

    private static async Task CheckAsync(CreateCounterRequest request, Guid siteId, Guid? self, HubDbContext db, CatalogueData catalogue, CancellationToken ct)
    {
        Validate.Required(request.Name, "name", 100);
        Validate.MaxLength(request.CameraId, "cameraId", 100);
        if (request.Number is < 1 or > 999)
        {
            throw new DomainException(Errors.Invalid.With("number"), "number");
        }

        if (request.LedAddress is < 1 or > LedAddressMax)
        {
            throw new DomainException(Errors.Invalid.With("ledAddress"), "ledAddress");
        }

        if (request.ServiceIds is null || request.ServiceIds.Count == 0)
        {
            throw new DomainException(Errors.Required.With("serviceIds"), "serviceIds");
        }

        foreach (var serviceId in request.ServiceIds)
        {
            if (!catalogue.Services.TryGetValue(serviceId, out var service) || service.SiteId != siteId)
            {
                throw new DomainException(Errors.ServiceNotFound, "serviceIds");
            }

            if (!service.Active)
            {
                throw new DomainException(Errors.ServiceRetired.With(service.Code), "serviceIds");
            }
        }

        if (request.ServiceIds.Distinct().Count() != request.ServiceIds.Count)
        {
            throw new DomainException(Errors.Invalid.With("serviceIds"), "serviceIds");
        }

        if (request.Weights is { } weights && (weights.Count != request.ServiceIds.Count || weights.Any(w => w is < 1 or > 10)))
        {
            throw new DomainException(Errors.Invalid.With("weights"), "weights");
        }

        // Retired counters keep their number (their tickets name it in the reports), so it stays taken.
        if (await db.Counters.AnyAsync(c => c.SiteId == siteId && c.Number == request.Number && c.Id != (self ?? Guid.Empty), ct))
        {
            throw new DomainException(Errors.CounterNumberInUse.With(request.Number), "number");
        }
    }

    private static void Apply(Counter counter, CreateCounterRequest request)
    {
        counter.Number = request.Number;
        counter.Name = request.Name.Trim();
        counter.LedAddress = request.LedAddress;
        counter.CameraId = string.IsNullOrWhiteSpace(request.CameraId) ? null : request.CameraId.Trim();

        // Weighted services share one order, so the weights decide among them (CallOrder).
        var wanted = request.ServiceIds.Select((s, i) => request.Weights is { } w
            ? new CounterService { CounterId = counter.Id, ServiceId = s, Order = 1, Weight = w[i] }
            : new CounterService { CounterId = counter.Id, ServiceId = s, Order = i + 1, Weight = 1 }).ToList();
        // Rows are updated in place (the key is counter + service): a removed and re-added row of the same key would clash in the change tracker.
        counter.Services.RemoveAll(existing => !wanted.Any(w => w.ServiceId == existing.ServiceId));
        foreach (var row in wanted)
        {
            if (counter.Services.FirstOrDefault(e => e.ServiceId == row.ServiceId) is { } existing)
            {
                existing.Order = row.Order;
                existing.Weight = row.Weight;
            }
            else
            {
                counter.Services.Add(row);
            }
        }
    }

    private static async Task<Counter> FindAsync(HubDbContext db, Guid siteId, Guid counterId, CancellationToken ct) =>
        await db.Counters.AsTracking().Include(c => c.Services).FirstOrDefaultAsync(c => c.Id == counterId && c.SiteId == siteId, ct)
        ?? throw new DomainException(Errors.CounterNotFound, "counterId");

    private static Guid SiteOf(ClaimsPrincipal user) => user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");

    private static CounterAdminDto ToDto(Counter c, CatalogueData catalogue)
    {
        var services = c.Services.OrderBy(s => s.Order).ThenByDescending(s => s.Weight).ThenBy(s => s.ServiceId)
            .Select(s => new CounterServiceDto(s.ServiceId, catalogue.Services.GetValueOrDefault(s.ServiceId)?.Code ?? "", s.Order, s.Weight)).ToList();
        var weighted = services.Count > 1 && services.All(s => s.Order == services[0].Order);
        return new CounterAdminDto(c.Id, c.Number, c.Name, services, weighted, c.LedAddress, c.CameraId, c.Active);
    }
}
