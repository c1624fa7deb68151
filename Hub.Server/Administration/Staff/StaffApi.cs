using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Security;

namespace QueueKiosk.HubServer.Administration.Staff;

/// <summary>
/// Staff accounts under <see cref="HubRoutes.AdminStaff"/> (admins only; docs/administration.md,
/// "Tài khoản và thiết bị"): list, create, edit, set a password, lock, unlock, retire, restore.
/// Each change is audited in the same SaveChanges, and whatever changes what a session may do
/// (password, role, counters, lock, retire) renews the account's security stamp so its sessions end.
/// </summary>
public static class StaffApi
{
    public static IEndpointRouteBuilder MapStaffApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("").WithTags("Administration").RequireAuthorization(Policies.Admin);
        group.MapGet(HubRoutes.AdminStaff, ListAsync);
        group.MapPost(HubRoutes.AdminStaff, CreateAsync);
        group.MapPut(HubRoutes.AdminStaffItem, UpdateAsync);
        group.MapPost(HubRoutes.AdminStaffPassword, ResetPasswordAsync);
        group.MapPost(HubRoutes.AdminStaffLock, (Guid officerId, ClaimsPrincipal user, StaffContext c, CancellationToken ct) =>
            c.SetLockAsync(officerId, user, true, ct));
        group.MapPost(HubRoutes.AdminStaffUnlock, async (Guid officerId, ClaimsPrincipal user, StaffContext c, SignInThrottle throttle, CancellationToken ct) =>
        {
            var unlocked = await c.SetLockAsync(officerId, user, false, ct);
            // An admin's unlock also ends the waits that failed sign-ins put on the account (issue 15 item 3).
            throttle.Release(unlocked.Value!.UserName);
            return unlocked;
        });
        group.MapPost(HubRoutes.AdminStaffRetire, (Guid officerId, ClaimsPrincipal user, StaffContext c, CancellationToken ct) =>
            c.SetActiveAsync(officerId, user, false, ct));
        group.MapPost(HubRoutes.AdminStaffRestore, (Guid officerId, ClaimsPrincipal user, StaffContext c, CancellationToken ct) =>
            c.SetActiveAsync(officerId, user, true, ct));
        return app;
    }

    /// <summary>Every account of the admin's site, retired ones included (they keep their history).</summary>
    public static async Task<Ok<List<StaffDto>>> ListAsync(ClaimsPrincipal user, HubDbContext db, CancellationToken ct)
    {
        var siteId = user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        var officers = await db.Officers.Include(o => o.Counters).Where(o => o.SiteId == siteId).OrderBy(o => o.UserName).ToListAsync(ct);
        return TypedResults.Ok(officers.Select(ToDto).ToList());
    }

    public static async Task<Created<StaffDto>> CreateAsync(CreateStaffRequest request, ClaimsPrincipal user, HubDbContext db,
        IPasswordHasher<Officer> hasher, TimeProvider time, CancellationToken ct)
    {
        // A password someone else chose: its owner replaces it at the first sign-in.
        var created = await CreateAccountAsync(request, mustChangePassword: true, user, db, hasher, time, ct);
        return TypedResults.Created(HubRoutes.WithId(HubRoutes.AdminStaffItem, created.Id), created);
    }

    /// <summary>
    /// The one way an account is created: by an admin on the page (must change the password), by the
    /// set-up command's "admin create" and by the demo (both with a password their owner chose or
    /// that is printed for the demo, so no change is forced). Validated, audited, saved at once.
    /// </summary>
    public static async Task<StaffDto> CreateAccountAsync(CreateStaffRequest request, bool mustChangePassword, ClaimsPrincipal user, HubDbContext db,
        IPasswordHasher<Officer> hasher, TimeProvider time, CancellationToken ct)
    {
        var siteId = user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        await ValidateAccountAsync(db, siteId, null, request.UserName, request.DisplayName, request.Role, request.CounterIds, ct);
        Validate.Password(request.Password, "password", request.UserName);
        var officer = new Officer
        {
            Id = Guid.CreateVersion7(),
            SiteId = siteId,
            UserName = request.UserName.Trim(),
            DisplayName = request.DisplayName.Trim(),
            Role = request.Role,
            MustChangePassword = mustChangePassword,
            Counters = [.. (request.CounterIds ?? []).Distinct().Select(c => new OfficerCounter { CounterId = c })],
        };
        officer.PasswordHash = hasher.HashPassword(officer, request.Password);
        db.Officers.Add(officer);
        AdminAudit.Record(db, user, siteId, AdminActions.Create, AdminEntities.Staff, officer.Id, null, ToDto(officer), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return ToDto(officer);
    }

    public static async Task<Ok<StaffDto>> UpdateAsync(Guid officerId, UpdateStaffRequest request, ClaimsPrincipal user, StaffContext context,
        CancellationToken ct)
    {
        var (db, officer) = (context.Db, await context.FindAsync(officerId, user, ct));
        await ValidateAccountAsync(db, officer.SiteId, officer.Id, request.UserName, request.DisplayName, request.Role, request.CounterIds, ct);
        if (officer.Role == OfficerRole.Admin && request.Role != OfficerRole.Admin)
        {
            await context.EnsureNotLastAdminAsync(officer, "role", ct);
            if (officer.Id == user.OfficerId())
            {
                throw new DomainException(Errors.OwnAdminRole, "role");
            }
        }

        var before = ToDto(officer);
        var counters = (request.CounterIds ?? []).Distinct().ToHashSet();
        // What a session may do depends on the role and the counters: a change ends the account's sessions.
        var sessionsEnd = officer.Role != request.Role || !counters.SetEquals(officer.Counters.Select(c => c.CounterId));
        officer.UserName = request.UserName.Trim();
        officer.DisplayName = request.DisplayName.Trim();
        officer.Role = request.Role;
        officer.Counters.RemoveAll(c => !counters.Contains(c.CounterId));
        officer.Counters.AddRange(counters.Where(c => officer.Counters.All(k => k.CounterId != c)).Select(c => new OfficerCounter { OfficerId = officer.Id, CounterId = c }));
        if (sessionsEnd)
        {
            officer.RenewSecurityStamp();
        }

        return TypedResults.Ok(await context.SaveAsync(officer, user, AdminActions.Update, before, ct));
    }

    public static async Task<Ok<StaffDto>> ResetPasswordAsync(Guid officerId, ResetPasswordRequest request, ClaimsPrincipal user, StaffContext context,
        IPasswordHasher<Officer> hasher, CancellationToken ct)
    {
        var officer = await context.FindAsync(officerId, user, ct);
        Validate.Password(request.Password, "password", officer.UserName);
        var before = ToDto(officer);
        officer.PasswordHash = hasher.HashPassword(officer, request.Password);
        officer.MustChangePassword = true;
        officer.RenewSecurityStamp();
        // The snapshots are the account without its hash: the audit says a password was set, not which.
        return TypedResults.Ok(await context.SaveAsync(officer, user, AdminActions.SetPassword, before, ct));
    }

    /// <summary>The values every account must have; <paramref name="officerId"/> is null for a new account.</summary>
    private static async Task ValidateAccountAsync(HubDbContext db, Guid siteId, Guid? officerId, string userName, string displayName, OfficerRole role,
        IReadOnlyList<Guid>? counterIds, CancellationToken ct)
    {
        Validate.Required(userName, "userName", 100);
        if (userName.Trim().Any(char.IsWhiteSpace))
        {
            throw new DomainException(Errors.Invalid.With("userName"), "userName");
        }

        Validate.Required(displayName, "displayName", 200);
        Validate.Defined(role, "role");
        var name = userName.Trim();
        // User names are unique across the whole hub (one sign-in page), retired accounts included.
        if (await db.Officers.AnyAsync(o => o.UserName == name && o.Id != officerId, ct))
        {
            throw new DomainException(Errors.Duplicate.With("userName"), "userName");
        }

        var ids = (counterIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            return;
        }

        var counters = await db.Counters.Where(c => ids.Contains(c.Id) && c.SiteId == siteId).Select(c => new { c.Id, c.Number, c.Active }).ToListAsync(ct);
        if (counters.Count != ids.Count)
        {
            throw new DomainException(Errors.StaffCounterNotFound, "counterIds");
        }

        if (counters.FirstOrDefault(c => !c.Active) is { } retired)
        {
            throw new DomainException(Errors.StaffCounterRetired.With(retired.Number), "counterIds");
        }
    }

    public static StaffDto ToDto(Officer o) =>
        new(o.Id, o.UserName, o.DisplayName, o.Role, [.. o.Counters.Select(c => c.CounterId).Order()], o.Active, o.Locked, o.MustChangePassword);
}

/// <summary>What the per-account actions share: finding the account in the admin's site, the admin rules, saving with the audit row.</summary>
public sealed class StaffContext(HubDbContext db, StaffSessions sessions, QueueEngine engine, TimeProvider time)
{
    public HubDbContext Db => db;

    public async Task<Officer> FindAsync(Guid officerId, ClaimsPrincipal user, CancellationToken ct)
    {
        var siteId = user.SiteOf();
        return await db.Officers.AsTracking().Include(o => o.Counters).FirstOrDefaultAsync(o => o.Id == officerId && o.SiteId == siteId, ct)
            ?? throw new DomainException(Errors.StaffNotFound, "id");
    }

    public async Task<Ok<StaffDto>> SetLockAsync(Guid officerId, ClaimsPrincipal user, bool locked, CancellationToken ct)
    {
        var officer = await FindAsync(officerId, user, ct);
        if (locked)
        {
            await EnsureMayDisableAsync(officer, user, ct);
        }

        var before = StaffApi.ToDto(officer);
        officer.Locked = locked;
        officer.RenewSecurityStamp();
        var saved = await SaveAsync(officer, user, locked ? AdminActions.Lock : AdminActions.Unlock, before, ct);
        if (locked)
        {
            await LeaveCountersAsync(officer.Id, user, ct);
        }

        return TypedResults.Ok(saved);
    }

    public async Task<Ok<StaffDto>> SetActiveAsync(Guid officerId, ClaimsPrincipal user, bool active, CancellationToken ct)
    {
        var officer = await FindAsync(officerId, user, ct);
        if (!active)
        {
            await EnsureMayDisableAsync(officer, user, ct);
        }

        var before = StaffApi.ToDto(officer);
        officer.Active = active;
        officer.RenewSecurityStamp();
        var saved = await SaveAsync(officer, user, active ? AdminActions.Restore : AdminActions.Retire, before, ct);
        if (!active)
        {
            await LeaveCountersAsync(officer.Id, user, ct);
        }

        return TypedResults.Ok(saved);
    }

    /// <summary>The site keeps at least one admin who can sign in (issue 9: "the last admin cannot be retired").</summary>
    public async Task EnsureNotLastAdminAsync(Officer officer, string field, CancellationToken ct)
    {
        if (officer.Role != OfficerRole.Admin || !officer.Active || officer.Locked)
        {
            return;
        }

        var others = await db.Officers.CountAsync(o => o.SiteId == officer.SiteId && o.Id != officer.Id && o.Role == OfficerRole.Admin && o.Active && !o.Locked, ct);
        if (others == 0)
        {
            throw new DomainException(Errors.LastAdmin.With(field), field);
        }
    }

    /// <summary>Saves the change with its audit row (one SaveChanges), then ends the account's sessions on this server at once.</summary>
    public async Task<StaffDto> SaveAsync(Officer officer, ClaimsPrincipal user, string action, StaffDto before, CancellationToken ct)
    {
        var after = StaffApi.ToDto(officer);
        AdminAudit.Record(db, user, officer.SiteId, action, AdminEntities.Staff, officer.Id, before, after, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);

        sessions.Forget(officer.Id);
        return after;
    }

    private async Task EnsureMayDisableAsync(Officer officer, ClaimsPrincipal user, CancellationToken ct)
    {
        await EnsureNotLastAdminAsync(officer, "id", ct);
        if (officer.Id == user.OfficerId())
        {
            throw new DomainException(Errors.SelfLockout, "id");
        }
    }

    // A locked or retired officer no longer shows as working at a counter.
    private async Task LeaveCountersAsync(Guid officerId, ClaimsPrincipal user, CancellationToken ct)
    {
        var counters = await db.Counters.Where(c => c.OfficerId == officerId).Select(c => c.Id).ToListAsync(ct);
        foreach (var counterId in counters)
        {
            await engine.ReleaseOfficerAsync(counterId, officerId, new Actor(user.OfficerId(), null), ct);
        }
    }
}
