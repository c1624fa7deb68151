using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Catalogue;

public sealed record CreateCounterRequest(int Number, string Name, IReadOnlyList<Guid> ServiceIds, int? LedAddress = null, string? CameraId = null, bool Open = true);

public sealed record CreateDeviceRequest(DeviceKind Kind, string Name);

public sealed record CreatedDeviceDto(Guid Id, DeviceKind Kind, string Name, string Key);

/// <summary>Set-up actions for supervisors and admins (counters, device keys).</summary>
public static class AdminApi
{
    public static IEndpointRouteBuilder MapAdminApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/admin").WithTags("Admin");
        group.MapPost("/counters", CreateCounterAsync).RequireAuthorization(Policies.Supervisor);
        group.MapPost("/devices", CreateDeviceAsync).RequireAuthorization(Policies.Admin);
        return app;
    }

    public static async Task<Created<CounterDto>> CreateCounterAsync(CreateCounterRequest request, System.Security.Claims.ClaimsPrincipal user,
        HubDbContext db, CatalogueCache cache, TimeProvider time, CancellationToken ct)
    {
        Validate.Required(request.Name, "name", 100);
        if (request.Number is < 1 or > 999)
        {
            throw new DomainException("validation.invalid", 400, "number", "number");
        }

        var catalogue = await cache.GetAsync(ct);
        var siteId = user.SiteOf() ?? throw new DomainException("site.not_found", 400, "siteId");
        if (request.ServiceIds is null || request.ServiceIds.Count == 0 || request.ServiceIds.Any(s => !catalogue.Services.TryGetValue(s, out var svc) || svc.SiteId != siteId))
        {
            throw new DomainException("service.not_found", 400, "serviceIds");
        }

        if (await db.Counters.AnyAsync(c => c.SiteId == siteId && c.Number == request.Number, ct))
        {
            throw new DomainException("validation.invalid", 409, "number", "number");
        }

        var counter = new Counter
        {
            Id = Guid.CreateVersion7(),
            SiteId = siteId,
            Number = request.Number,
            Name = request.Name,
            LedAddress = request.LedAddress,
            CameraId = request.CameraId,
            Services = [.. request.ServiceIds.Select((s, i) => new CounterService { ServiceId = s, Order = i + 1, Weight = 1 })],
        };
        if (request.Open)
        {
            counter.Open(time.GetUtcNow().UtcDateTime);
        }

        db.Counters.Add(counter);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created($"/api/counters/{counter.Id}", counter.ToDto(await cache.GetAsync(ct), null));
    }

    public static async Task<Ok<CreatedDeviceDto>> CreateDeviceAsync(CreateDeviceRequest request, System.Security.Claims.ClaimsPrincipal user,
        HubDbContext db, CancellationToken ct)
    {
        Validate.Defined(request.Kind, "kind");
        Validate.Required(request.Name, "name", 100);
        var siteId = user.SiteOf() ?? throw new DomainException("site.not_found", 400, "siteId");
        var (device, key) = NewDevice(siteId, request.Kind, request.Name);
        db.Devices.Add(device);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(new CreatedDeviceDto(device.Id, device.Kind, device.Name, key));
    }

    public static (Device Device, string Key) NewDevice(Guid siteId, DeviceKind kind, string name, string? key = null)
    {
        key ??= DeviceKeys.NewKey();
        return (new Device { Id = Guid.CreateVersion7(), SiteId = siteId, Kind = kind, Name = name, KeyHash = DeviceKeys.Hash(key), Active = true }, key);
    }
}
