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

namespace QueueKiosk.HubServer.Administration.Devices;

/// <summary>
/// Kiosks and display hosts under <see cref="HubRoutes.AdminDevices"/> (admins only;
/// docs/administration.md, "Tài khoản và thiết bị"): list, create, rotate the key, revoke. A key
/// exists only in the answer that creates it (the hub keeps its SHA-256); rotating or revoking makes
/// the old key fail on the next request (the key cache forgets it at once).
/// </summary>
public static class DevicesApi
{
    public static IEndpointRouteBuilder MapDevicesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapGet(HubRoutes.AdminDevices, ListAsync);
        group.MapPost(HubRoutes.AdminDevices, CreateAsync);
        group.MapPost(HubRoutes.AdminDeviceRotateKey, RotateKeyAsync);
        group.MapPost(HubRoutes.AdminDeviceRevoke, RevokeAsync);
        return app;
    }

    public static async Task<Ok<List<DeviceDto>>> ListAsync(ClaimsPrincipal user, HubDbContext db, CancellationToken ct)
    {
        var siteId = user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        var devices = await db.Devices.Where(d => d.SiteId == siteId).OrderBy(d => d.Kind).ThenBy(d => d.Name).ToListAsync(ct);
        return TypedResults.Ok(devices.Select(ToDto).ToList());
    }

    public static async Task<Created<CreatedDeviceDto>> CreateAsync(CreateDeviceRequest request, ClaimsPrincipal user, HttpContext http,
        HubDbContext db, TimeProvider time, CancellationToken ct)
    {
        var (device, key) = await AddAsync(request, user, db, time, ct);
        return TypedResults.Created($"{HubRoutes.AdminDevices}/{device.Id}", Shown(device, key, http.Request));
    }

    /// <summary>
    /// The one way a device is created (the page, the set-up command, the demo): validated, audited,
    /// saved. Answers the key, which exists only here; <paramref name="key"/> is given only by the demo,
    /// whose keys are fixed in its settings (DemoOptions).
    /// </summary>
    public static async Task<(Device Device, string Key)> AddAsync(CreateDeviceRequest request, ClaimsPrincipal user, HubDbContext db, TimeProvider time,
        CancellationToken ct, string? key = null)
    {
        Validate.Defined(request.Kind, "kind");
        Validate.Required(request.Name, "name", 100);
        var siteId = user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        await CheckCounterAsync(request, siteId, db, ct);
        (var device, key) = NewDevice(siteId, request.Kind, request.Name.Trim(), key);
        device.CounterId = request.CounterId;
        db.Devices.Add(device);
        // The audit keeps what the device is, never its key or the key's hash.
        AdminAudit.Record(db, user, siteId, AdminActions.Create, AdminEntities.Device, device.Id, null, ToDto(device), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return (device, key);
    }

    /// <summary>A rating tablet faces one counter of its site (hardware-docs/rating-tablet.md); no other kind is bound to one.</summary>
    private static async Task CheckCounterAsync(CreateDeviceRequest request, Guid siteId, HubDbContext db, CancellationToken ct)
    {
        if (request.Kind != DeviceKind.RatingTablet)
        {
            if (request.CounterId is not null)
            {
                throw new DomainException(Errors.DeviceCounterNotAllowed, "counterId");
            }

            return;
        }

        if (request.CounterId is not { } counterId || !await db.Counters.AnyAsync(c => c.Id == counterId && c.SiteId == siteId, ct))
        {
            throw new DomainException(Errors.DeviceCounterRequired, "counterId");
        }
    }

    public static async Task<Ok<CreatedDeviceDto>> RotateKeyAsync(Guid deviceId, ClaimsPrincipal user, HttpContext http, HubDbContext db,
        DeviceKeyCache keyCache, TimeProvider time, CancellationToken ct)
    {
        var device = await FindAsync(db, deviceId, user, ct);
        if (!device.Active)
        {
            throw new DomainException(Errors.DeviceRevoked, "id");
        }

        var oldHash = device.KeyHash;
        var key = DeviceKeys.NewKey();
        device.KeyHash = DeviceKeys.Hash(key);
        AdminAudit.Record(db, user, device.SiteId, AdminActions.RotateKey, AdminEntities.Device, device.Id, ToDto(device), ToDto(device), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        keyCache.Forget(oldHash);
        return TypedResults.Ok(Shown(device, key, http.Request));
    }

    public static async Task<Ok<DeviceDto>> RevokeAsync(Guid deviceId, ClaimsPrincipal user, HubDbContext db, DeviceKeyCache keyCache, TimeProvider time,
        CancellationToken ct)
    {
        var device = await FindAsync(db, deviceId, user, ct);
        var before = ToDto(device);
        device.Active = false;
        AdminAudit.Record(db, user, device.SiteId, AdminActions.Revoke, AdminEntities.Device, device.Id, before, ToDto(device), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        keyCache.Forget(device.KeyHash);
        return TypedResults.Ok(ToDto(device));
    }

    private static async Task<Device> FindAsync(HubDbContext db, Guid deviceId, ClaimsPrincipal user, CancellationToken ct)
    {
        var siteId = user.SiteOf();
        return await db.Devices.AsTracking().FirstOrDefaultAsync(d => d.Id == deviceId && d.SiteId == siteId, ct)
            ?? throw new DomainException(Errors.DeviceNotFound, "id");
    }

    private static CreatedDeviceDto Shown(Device device, string key, HttpRequest request)
    {
        var pairing = PairingCode.Settings(device.Kind, $"{request.Scheme}://{request.Host}{request.PathBase}", key);
        return new CreatedDeviceDto(device.Id, device.Kind, device.Name, key, pairing, PairingCode.QrPngDataUrl(pairing));
    }

    public static DeviceDto ToDto(Device d) => new(d.Id, d.Kind, d.Name, d.LastSeenAt, d.Status, d.Active, d.CounterId);

    /// <summary>A device row with a new key (or the given one); not saved. Use <see cref="AddAsync"/> to create one.</summary>
    public static (Device Device, string Key) NewDevice(Guid siteId, DeviceKind kind, string name, string? key = null)
    {
        key ??= DeviceKeys.NewKey();
        return (new Device { Id = Guid.CreateVersion7(), SiteId = siteId, Kind = kind, Name = name, KeyHash = DeviceKeys.Hash(key), Active = true }, key);
    }
}
