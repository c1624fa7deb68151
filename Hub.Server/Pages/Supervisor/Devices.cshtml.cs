namespace QueueKiosk.HubServer.Pages.Supervisor;

/// <summary>/supervisor/devices: kiosk and display keys (admins only; the API is Administration/Devices/DevicesApi).</summary>
public sealed class DevicesModel : SupervisorPageModel
{
    protected override bool AdminOnly => true;
}
