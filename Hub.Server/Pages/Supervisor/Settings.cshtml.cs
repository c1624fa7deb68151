namespace QueueKiosk.HubServer.Pages.Supervisor;

/// <summary>The site's settings, weekly hours and the year's calendar (docs/administration-holidays.md); admins only, like the APIs behind it.</summary>
public sealed class SettingsModel : SupervisorPageModel
{
    protected override bool AdminOnly => true;
}
