using QueueKiosk.Devices.Camera;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Demo;
using QueueKiosk.HubServer.ProvinceLink;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Security;
using QueueKiosk.HubServer.Supervision;
using QueueKiosk.HubServer.Supervision.Analytics;
using QueueKiosk.HubServer.Tracking;

namespace QueueKiosk.HubServer.Tests.Configuration;

/// <summary>Every key documented for Hub.Server, or in its appsettings*.json, reaches a real option property.</summary>
public class ConfigurationKeysTests
{
    /// <summary>The sections Hub.Server binds and their option classes; "Cameras" is a list (AddCameras).</summary>
    private static readonly (string, Type)[] Sections =
    [
        (DatabaseOptions.Section, typeof(DatabaseOptions)),
        (QueueOptions.Section, typeof(QueueOptions)),
        (DemoOptions.Section, typeof(DemoOptions)),
        (SupervisionOptions.Section, typeof(SupervisionOptions)),
        (CamerasOptions.SectionName, typeof(List<CameraOptions>)),
        (CameraAnalyticsOptions.Section, typeof(CameraAnalyticsOptions)),
        (SecurityOptions.Section, typeof(SecurityOptions)),
        (TrackingOptions.Section, typeof(TrackingOptions)),
        (ProvinceLinkOptions.Section, typeof(ProvinceLinkOptions)),
    ];

    [Fact]
    public void DocumentedKeys_BindToOptions() => DocumentedConfiguration.DocumentsBindTo(Sections);

    [Fact]
    public void SampleSettings_BindToOptions() => DocumentedConfiguration.SampleSettingsBindTo("Hub.Server", Sections);
}
