namespace QueueKiosk.HubServer.Pages.Supervisor;

/// <summary>/supervisor/users: staff accounts (admins only; the API is Administration/Staff/StaffApi).</summary>
public sealed class UsersModel : SupervisorPageModel
{
    protected override bool AdminOnly => true;
}
