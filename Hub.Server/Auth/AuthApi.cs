using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Security;
using QueueKiosk.HubServer.Supervision;

namespace QueueKiosk.HubServer.Auth;

public static class AuthApi
{
    public static IEndpointRouteBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(HubRoutes.Auth).WithTags("Auth");
        group.MapPost("/login", LoginAsync).AllowAnonymous().RequireRateLimiting(SecurityExtensions.SignInRateLimit);
        group.MapPost("/logout", LogoutAsync).RequireAuthorization(Policies.Staff);
        group.MapGet("/me", MeAsync).RequireAuthorization(Policies.Staff);
        group.MapOwnPassword();
        return app;
    }

    public static async Task<Ok<MeDto>> LoginAsync(LoginRequest request, HttpContext http, HubDbContext db, CatalogueCache catalogueCache,
        IPasswordHasher<Officer> hasher, TimeProvider time, QueueEngine engine, StaffSessions sessions, SignInThrottle throttle, UnknownUserPassword unknownUser,
        AlertService alerts, CancellationToken ct)
    {
        Validate.Required(request.UserName, "userName", 100);
        Validate.Required(request.Password, "password", 200);
        var attempt = throttle.Begin(http.Connection.RemoteIpAddress, request.UserName);
        var now = time.GetUtcNow().UtcDateTime;
        // Retired accounts are found too: whoever knows the password is told the account is retired (StaffSignIn.EnsureMaySignIn).
        var officer = await db.Officers.AsTracking().Include(o => o.Counters).FirstOrDefaultAsync(o => o.UserName == request.UserName, ct);
        if (officer is null)
        {
            // Same work and same answer as a wrong password: the time does not reveal which names exist.
            unknownUser.Verify(request.Password);
            throw new DomainException(Errors.BadCredentials);
        }

        if (officer.IsLockedOut(now))
        {
            var until = officer.LockedUntil!.Value.ToString("HH:mm 'UTC'", CultureInfo.InvariantCulture);
            throw new DomainException(Errors.AccountLocked.With(until));
        }

        var verified = hasher.VerifyHashedPassword(officer, officer.PasswordHash, request.Password);
        if (verified == PasswordVerificationResult.Failed)
        {
            // No lock is stored on the account (that let anyone lock anyone out): SignInThrottle holds
            // the guesser back, and the supervisors hear that the account is being tried.
            if (attempt.UnderAttack)
            {
                var address = http.Connection.RemoteIpAddress?.ToString();
                await alerts.RaiseAsync(officer.SiteId, AlertKind.SignInAttack, new AlertCondition($"signin:{officer.UserName}", officer.DisplayName,
                    $"Nhiều lần đăng nhập sai vào tài khoản {officer.UserName}, gần nhất từ địa chỉ {address ?? "không rõ"}.",
                    $"Repeated wrong passwords for account {officer.UserName}, latest from address {address ?? "unknown"}."), ct);
            }

            throw new DomainException(Errors.BadCredentials);
        }

        attempt.Succeed();
        // Said only to whoever knows the password, so it does not tell a stranger the account exists.
        StaffSignIn.EnsureMaySignIn(officer);
        if (verified == PasswordVerificationResult.SuccessRehashNeeded)
        {
            officer.PasswordHash = hasher.HashPassword(officer, request.Password);
        }

        var catalogue = await catalogueCache.GetAsync(ct);
        CounterInfo? counter = null;
        if (request.CounterId is { } counterId)
        {
            counter = catalogue.Counters.GetValueOrDefault(counterId);
            if (counter is null || counter.SiteId != officer.SiteId)
            {
                throw new DomainException(Errors.CounterNotInSite, "counterId");
            }

            StaffSignIn.EnsureMayWorkAt(officer, counter);
        }
        else if (officer.Role == OfficerRole.Officer)
        {
            throw new DomainException(Errors.CounterRequired, "counterId");
        }

        var displaced = counter is null ? null : await TakeOverCounterAsync(db, officer, counter, request.TakeOver, ct);
        officer.RecordSuccessfulLogin();
        if (officer.Role == OfficerRole.Officer)
        {
            // An officer works at one counter at a time: a new sign-in ends the sessions of the last one (issue 15, item 4).
            officer.RenewSecurityStamp();
        }

        await db.SaveChangesAsync(ct);
        sessions.Forget(officer.Id);
        if (displaced is not null)
        {
            sessions.Forget(displaced.Id);
        }

        await RecordCounterOfficerAsync(engine, db, officer.Id, counter?.Id, ct);
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffSessions.Principal(officer, counter?.Id));
        return TypedResults.Ok(new MeDto(officer.Id, officer.UserName, officer.DisplayName, officer.Role, officer.SiteId, counter?.Id, counter?.Number,
            officer.MustChangePassword));
    }

    public static async Task<NoContent> LogoutAsync(HttpContext http, ClaimsPrincipal user, QueueEngine engine, HubDbContext db, StaffSessions sessions,
        CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        // A copy of this cookie replayed after sign-out must not work either (issue 15, item 4).
        await StaffSignIn.EndSessionsAsync(user, db, sessions, ct);
        if (user.OfficerId() is { } officerId && user.CounterOf() is { } counterId)
        {
            await engine.SignOutOfCounterAsync(counterId, officerId, new Actor(officerId, null), ct);
        }

        await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.NoContent();
    }

    /// <summary>
    /// One officer per counter (issue 10 item 3): a sign-in at a counter where someone else is signed
    /// in is refused, naming them, unless the person confirmed the take-over; then the other's
    /// sessions end (their console sees the counter's new officer and returns to the sign-in page).
    /// Returns the officer displaced, whose security stamp is renewed in the same save.
    /// </summary>
    private static async Task<Officer?> TakeOverCounterAsync(HubDbContext db, Officer officer, CounterInfo counter, bool takeOver, CancellationToken ct)
    {
        var occupantId = await db.Counters.Where(c => c.Id == counter.Id).Select(c => c.OfficerId).FirstOrDefaultAsync(ct);
        if (occupantId is null || occupantId == officer.Id)
        {
            return null;
        }

        var occupant = await db.Officers.AsTracking().FirstOrDefaultAsync(o => o.Id == occupantId, ct);
        if (occupant is null)
        {
            return null;
        }

        if (!takeOver)
        {
            throw new DomainException(Errors.CounterOccupied.With(counter.Number, occupant.DisplayName), "counterId");
        }

        occupant.RenewSecurityStamp();
        return occupant;
    }

    // The officer works at one counter at a time: signing in at a counter takes it over and leaves any other one.
    private static async Task RecordCounterOfficerAsync(QueueEngine engine, HubDbContext db, Guid officerId, Guid? counterId, CancellationToken ct)
    {
        var actor = new Actor(officerId, null);
        var previous = await db.Counters.Where(c => c.OfficerId == officerId && c.Id != counterId).Select(c => c.Id).ToListAsync(ct);
        foreach (var id in previous)
        {
            await engine.ReleaseOfficerAsync(id, officerId, actor, ct);
        }

        if (counterId is { } current)
        {
            await engine.AssignOfficerAsync(current, officerId, actor, ct);
        }
    }

    public static async Task<Results<Ok<MeDto>, UnauthorizedHttpResult>> MeAsync(ClaimsPrincipal user, CatalogueCache catalogueCache, CancellationToken ct)
    {
        if (user.OfficerId() is not { } id || user.SiteOf() is not { } site)
        {
            return TypedResults.Unauthorized();
        }

        var catalogue = await catalogueCache.GetAsync(ct);
        var counter = user.CounterOf() is { } c ? catalogue.Counters.GetValueOrDefault(c) : null;
        var role = Enum.Parse<OfficerRole>(user.FindFirstValue(ClaimTypes.Role)!);
        return TypedResults.Ok(new MeDto(id, user.Identity!.Name!, user.FindFirstValue(ClaimTypes.GivenName) ?? "", role, site, counter?.Id, counter?.Number,
            user.HasClaim(c => c.Type == HubClaims.MustChangePassword)));
    }
}
