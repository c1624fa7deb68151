using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Schedule;
using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Administration.Services;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Administration.SiteSettings;

/// <summary>A new office. <paramref name="Id"/> is given only by the demo (its tests and run.sh know the demo site's id).</summary>
/// <param name="OpeningHours">The stored text form (OpeningHours), e.g. "Mon-Fri 07:30-11:30,13:00-17:00".</param>
public sealed record NewSiteRequest(string Code, string Name, string? Address, string TimeZone, string OpeningHours, Guid? Id = null);

/// <summary>
/// The one way a site comes to exist (the set-up command and the demo; there is one office per hub,
/// so the pages only edit it, SiteSettingsApi). A site starts with the four priority groups of today
/// (PriorityGroupDefaults), saved with it and its audit row in one SaveChanges.
/// </summary>
public static class SiteCreation
{
    public const int CodeMax = 32;

    public static async Task<Site> CreateAsync(NewSiteRequest request, ClaimsPrincipal actor, HubDbContext db, TimeProvider time, CancellationToken ct)
    {
        Validate.Required(request.Code, "code", CodeMax);
        SiteSettingsApi.ValidateNameAddressZone(request.Name, request.Address, request.TimeZone);
        try
        {
            _ = OpeningHours.Parse(request.OpeningHours, request.TimeZone.Trim());
        }
        catch (FormatException)
        {
            throw new DomainException(Errors.Invalid.With("openingHours"), "openingHours");
        }

        var code = request.Code.Trim();
        var id = request.Id ?? Guid.CreateVersion7();
        if (await db.Sites.AnyAsync(s => s.Code == code || s.Id == id, ct))
        {
            throw new DomainException(Errors.Duplicate.With("code"), "code");
        }

        var site = new Site
        {
            Id = id,
            Code = code,
            Name = request.Name.Trim().Normalize(),
            Address = (request.Address ?? "").Trim().Normalize(),
            TimeZone = request.TimeZone.Trim(),
            OpeningHours = request.OpeningHours.Trim(),
            CitizenIdSalt = Citizens.CitizenIdHash.NewSalt(),
        };
        db.Sites.Add(site);
        db.PriorityGroups.AddRange(PriorityGroupDefaults.For(site.Id));
        AdminAudit.Record(db, actor, site.Id, AdminActions.Create, AdminEntities.Site, site.Id, null, SiteSettingsApi.ToDto(site), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return site;
    }
}
