namespace QueueKiosk.HubServer.Pages.Supervisor;

/// <summary>The procedure catalogue (fields, procedures, import): admins only, like its API.</summary>
public sealed class CatalogueModel : SupervisorPageModel
{
    protected override bool AdminOnly => true;
}
