using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;

namespace QueueKiosk.HubServer.Pages.Supervisor;

/// <summary>
/// Supervisor pages: a visitor who is not signed in goes to the sign-in page; a signed-in officer
/// gets 403 (the APIs behind the pages check the same policy).
/// </summary>
public abstract class SupervisorPageModel : PageModel
{
    protected virtual bool AdminOnly => false;

    public IActionResult OnGet()
    {
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

public sealed class LoginModel : PageModel
{
    public void OnGet()
    {
    }
}
