using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Catalogue;

/// <summary>A counter and the services it calls.</summary>
/// <param name="ServiceIds">Without <paramref name="Weights"/>: called strictly in this order (the first service's tickets before any of the second's).</param>
/// <param name="Weights">One per service (1-10): the services are mixed instead, the one whose oldest ticket has waited longest times its weight first.</param>
public sealed record CreateCounterRequest(int Number, string Name, IReadOnlyList<Guid> ServiceIds, int? LedAddress = null, string? CameraId = null, bool Open = true,
    IReadOnlyList<int>? Weights = null);

/// <summary>A service: prefix + zero-padded number (A001), or a numeric range without prefix (1001-1999).</summary>
public sealed record CreateServiceRequest(
    string Code, string Name, string? NameEn = null, string? Prefix = null, int Digits = 3, int RangeStart = 1, int RangeEnd = 999,
    int WaitTargetMinutes = 15, int MaxWaitMinutes = 0, int DefaultServiceSeconds = 300);

/// <summary>Set-up actions for supervisors and admins (counters, device keys).</summary>
public static class AdminApi
{
    /// <summary>The highest ticket number a service range may reach (nine digits).</summary>
    public const int MaxNumber = 999_999_999;

    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(HubRoutes.Admin).WithTags("Admin");
        group.MapPost("/counters", CreateCounterAsync).RequireAuthorization(Policies.Supervisor);
        group.MapPost("/services", CreateServiceAsync).RequireAuthorization(Policies.Supervisor);
        return app;
    }

    public static async Task<Created<CounterDto>> CreateCounterAsync(CreateCounterRequest request, System.Security.Claims.ClaimsPrincipal user,
        HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct)
    {
        Validate.Required(request.Name, "name", 100);
        if (request.Number is < 1 or > 999)
        {
            throw new DomainException(Errors.Invalid.With("number"), "number");
        }

        var catalogue = await cache.GetAsync(ct);
        var siteId = user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        if (request.ServiceIds is null || request.ServiceIds.Count == 0 || request.ServiceIds.Any(s => !catalogue.Services.TryGetValue(s, out var svc) || svc.SiteId != siteId))
        {
            throw new DomainException(Errors.ServiceNotFound, "serviceIds");
        }

        if (request.ServiceIds.Distinct().Count() != request.ServiceIds.Count)
        {
            throw new DomainException(Errors.Invalid.With("serviceIds"), "serviceIds");
        }

        if (request.Weights is { } weights && (weights.Count != request.ServiceIds.Count || weights.Any(w => w is < 1 or > 10)))
        {
            throw new DomainException(Errors.Invalid.With("weights"), "weights");
        }

        if (await db.Counters.AnyAsync(c => c.SiteId == siteId && c.Number == request.Number, ct))
        {
            throw new DomainException(Errors.Duplicate.With("number"), "number");
        }

        var counter = new Counter
        {
            Id = Guid.CreateVersion7(),
            SiteId = siteId,
            Number = request.Number,
            Name = request.Name,
            LedAddress = request.LedAddress,
            CameraId = request.CameraId,
            // Weighted services share one order, so the weights decide among them (CallOrder).
            Services = [.. request.ServiceIds.Select((s, i) => request.Weights is { } w
                ? new CounterService { ServiceId = s, Order = 1, Weight = w[i] }
                : new CounterService { ServiceId = s, Order = i + 1, Weight = 1 })],
        };
        if (request.Open)
        {
            counter.Open(time.GetUtcNow().UtcDateTime);
        }

        db.Counters.Add(counter);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created(HubRoutes.CounterOf(counter.Id), counter.ToDto(await cache.GetAsync(ct), null));
    }

    public static async Task<Created<ServiceDto>> CreateServiceAsync(CreateServiceRequest request, System.Security.Claims.ClaimsPrincipal user,
        HubDbContext db, CatalogueCache cache, CancellationToken ct)
    {
        Validate.Required(request.Code, "code", 8);
        Validate.Required(request.Name, "name", 200);
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
        var longest = (request.Prefix?.Length ?? 0) + Math.Max(request.Digits, request.RangeEnd.ToString(System.Globalization.CultureInfo.InvariantCulture).Length);
        if (longest > 16)
        {
            throw new DomainException(Errors.TooLong.With("prefix + digits", 16), "prefix");
        }

        if (request.WaitTargetMinutes < 0 || request.MaxWaitMinutes < 0 || request.DefaultServiceSeconds < 1)
        {
            throw new DomainException(Errors.Invalid.With("maxWaitMinutes"), "maxWaitMinutes");
        }

        var siteId = user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        if (await db.Services.AnyAsync(s => s.SiteId == siteId && s.Code == request.Code, ct))
        {
            throw new DomainException(Errors.Duplicate.With("code"), "code");
        }

        var service = new Service
        {
            Id = Guid.CreateVersion7(),
            SiteId = siteId,
            Code = request.Code,
            Name = request.Name,
            NameEn = request.NameEn,
            Prefix = request.Prefix ?? "",
            Digits = request.Digits,
            RangeStart = request.RangeStart,
            RangeEnd = request.RangeEnd,
            WaitTargetMinutes = request.WaitTargetMinutes,
            MaxWaitMinutes = request.MaxWaitMinutes,
            DefaultServiceSeconds = request.DefaultServiceSeconds,
            SortOrder = 100,
        };
        db.Services.Add(service);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"{HubRoutes.Services}/{service.Id}", new ServiceDto(service.Id, service.Code, service.Name, service.NameEn,
            service.Prefix, 0, 0, service.WaitTargetMinutes, service.Active));
    }

    /// <summary>A device with a new key (or the given one, for the demo); the key exists only in the answer (Administration/Devices).</summary>
    public static (Device Device, string Key) NewDevice(Guid siteId, DeviceKind kind, string name, string? key = null)
    {
        key ??= DeviceKeys.NewKey();
        return (new Device { Id = Guid.CreateVersion7(), SiteId = siteId, Kind = kind, Name = name, KeyHash = DeviceKeys.Hash(key), Active = true }, key);
    }
}
