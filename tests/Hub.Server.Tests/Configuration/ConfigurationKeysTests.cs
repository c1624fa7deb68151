using QueueKiosk.Devices.Camera;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Demo;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Supervision;

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
    ];

    [Fact]
    public void DocumentedKeys_BindToOptions()
    {
        var keys = DocumentedConfiguration.FromDocuments();
        Assert.Contains(keys, k => Sections.Any(s => s.Item1 == k.Section));
        var problems = DocumentedConfiguration.Unbound(keys, Sections, allSectionsAreMine: false);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void SampleSettings_BindToOptions()
    {
        var keys = DocumentedConfiguration.FromSampleSettings("Hub.Server");
        Assert.Contains(keys, k => k.Section == DatabaseOptions.Section);
        var problems = DocumentedConfiguration.Unbound(keys, Sections, allSectionsAreMine: true);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }
}
