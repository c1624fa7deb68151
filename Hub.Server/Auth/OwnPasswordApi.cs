using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Auth;

/// <summary>POST <see cref="HubRoutes.OwnPassword"/>: any signed-in staff member changes their own password (and so ends a must-change session's restriction).</summary>
public static class OwnPasswordApi
{
    public static RouteGroupBuilder MapOwnPassword(this RouteGroupBuilder authGroup)
    {
        authGroup.MapPost(HubRoutes.OwnPassword[HubRoutes.Auth.Length..], ChangeAsync).RequireAuthorization(Policies.Staff);
        return authGroup;
    }

    public static async Task<Ok<MeDto>> ChangeAsync(ChangeOwnPasswordRequest request, ClaimsPrincipal user, HttpContext http, HubDbContext db,
        IPasswordHasher<Officer> hasher, StaffSessions sessions, CatalogueCache catalogue, TimeProvider time, CancellationToken ct)
    {
        Validate.Required(request.CurrentPassword, "currentPassword", 200);
        var officerId = user.OfficerId() ?? throw new DomainException(Errors.StaffNotFound);
        var officer = await db.Officers.AsTracking().FirstOrDefaultAsync(o => o.Id == officerId && o.Active, ct)
            ?? throw new DomainException(Errors.StaffNotFound);
        if (hasher.VerifyHashedPassword(officer, officer.PasswordHash, request.CurrentPassword) == PasswordVerificationResult.Failed)
        {
            throw new DomainException(Errors.WrongCurrentPassword, "currentPassword");
        }

        Validate.Password(request.NewPassword, "newPassword", officer.UserName);
        if (request.NewPassword == request.CurrentPassword)
        {
            throw new DomainException(Errors.SamePassword.With("newPassword"), "newPassword");
        }

        officer.PasswordHash = hasher.HashPassword(officer, request.NewPassword);
        officer.MustChangePassword = false;
        officer.RenewSecurityStamp();
        // The audit row says that the password changed, never what it is (no hash in the snapshot).
        AdminAudit.Record(db, user, officer.SiteId, AdminActions.SetPassword, AdminEntities.Staff, officer.Id,
            null, new { officer.UserName, SetBy = "self" }, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        sessions.Forget(officer.Id);

        // This session carries on under the new stamp; every other one (another PC, a stolen copy) ends.
        var counterId = user.CounterOf();
        await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, StaffSessions.Principal(officer, counterId));
        var counter = counterId is { } c ? (await catalogue.GetAsync(ct)).Counters.GetValueOrDefault(c) : null;
        return TypedResults.Ok(new MeDto(officer.Id, officer.UserName, officer.DisplayName, officer.Role, officer.SiteId, counter?.Id, counter?.Number, false));
    }
}
