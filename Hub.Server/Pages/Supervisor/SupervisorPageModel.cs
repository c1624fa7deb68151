using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Staff;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Province;

namespace QueueKiosk.HubServer.Pages.Supervisor;

/// <summary>
/// Supervisor pages: a visitor who is not signed in goes to the sign-in page; a signed-in officer
/// gets 403 (the APIs behind the pages check the same policy).
/// </summary>
public abstract class SupervisorPageModel : PageModel
{
    protected virtual bool AdminOnly => false;

    /// <summary>A page of the province tier (docs/province.md): not there on a site's server.</summary>
    protected virtual bool ProvinceOnly => false;

    public IActionResult OnGet()
    {
        if (ProvinceOnly && !HttpContext.RequestServices.IsProvince())
        {
            return NotFound();
        }

        if (User.Identity?.IsAuthenticated != true)
        {
            return Redirect("/supervisor/login?returnUrl=" + Uri.EscapeDataString(Request.Path + Request.QueryString));
        }

        var allowed = AdminOnly ? User.IsInRole(nameof(OfficerRole.Admin)) : User.IsSupervisorOrAdmin();
        if (!allowed)
        {
            // A person gets a page that says why (the layout shows it instead of the page), still with status 403.
            ViewData[ForbiddenKey] = AdminOnly ? ForbiddenReason.AdminOnly : ForbiddenReason.SupervisorOnly;
            Response.StatusCode = StatusCodes.Status403Forbidden;
        }

        return Page();
    }

    /// <summary>The ViewData key the layout reads to show the "no permission" page.</summary>
    public const string ForbiddenKey = "Forbidden";
}

public enum ForbiddenReason
{
    SupervisorOnly,
    AdminOnly,
}

public sealed class IndexModel : SupervisorPageModel;

/// <summary>/province: every visible site's live state (Province/ProvinceApi, ProvinceHub).</summary>
public sealed class ProvinceModel : SupervisorPageModel
{
    protected override bool ProvinceOnly => true;
}

/// <summary>/province/sites: the sites' keys (province admins only).</summary>
public sealed class ProvinceSitesModel : SupervisorPageModel
{
    protected override bool ProvinceOnly => true;

    protected override bool AdminOnly => true;
}

public sealed class HistoryModel : SupervisorPageModel;

public sealed class ReportsModel : SupervisorPageModel;

/// <summary>Services and priority groups (HubRoutes.AdminServices, AdminPriorityGroups).</summary>
public sealed class ServicesModel : SupervisorPageModel;

/// <summary>Counters (HubRoutes.AdminCounters).</summary>
public sealed class CountersModel : SupervisorPageModel;

public sealed class AuditModel : SupervisorPageModel
{
    protected override bool AdminOnly => true;
}

public sealed class LoginModel(FirstAdmin firstAdmin, HubDbContext db) : PageModel
{
    /// <summary>No admin account exists yet: the page shows how to create the first one.</summary>
    public bool NoAdminYet { get; private set; }

    public string FirstAdminCommand => FirstAdmin.Command;

    public async Task OnGetAsync(CancellationToken cancellationToken) => NoAdminYet = !await firstAdmin.ExistsAsync(db, cancellationToken);
}
