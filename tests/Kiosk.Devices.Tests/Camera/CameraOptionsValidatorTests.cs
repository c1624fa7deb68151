using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Camera;

namespace QueueKiosk.Devices.Tests.Camera;

public sealed class CameraOptionsValidatorTests
{
    private static IReadOnlyList<string> ValidateConfig(Dictionary<string, string?> values)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var services = new ServiceCollection().AddLogging().AddCameras(configuration).BuildServiceProvider();
        try
        {
            _ = services.GetRequiredService<IOptions<CamerasOptions>>().Value;
            return [];
        }
        catch (OptionsValidationException ex)
        {
            return ex.Failures.ToList();
        }
    }

    [Fact]
    public void Validate_RtspWithoutUrl_NamesTheKeyInVietnamese()
    {
        var failures = ValidateConfig(new()
        {
            ["Cameras:0:Id"] = "quay1",
            ["Cameras:0:Source"] = "Rtsp",
        });

        Assert.Equal(["Cameras:0:Url: thiếu địa chỉ RTSP / missing RTSP URL"], failures);
    }

    [Fact]
    public void Validate_SeveralProblems_EachNamesItsKey()
    {
        var failures = ValidateConfig(new()
        {
            ["Cameras:0:Id"] = "ok",
            ["Cameras:0:Source"] = "Synthetic",
            ["Cameras:1:Id"] = "ok",
            ["Cameras:1:Source"] = "Webcam",
            ["Cameras:2:Id"] = "bad id",
            ["Cameras:2:Source"] = "Rtsp",
            ["Cameras:2:Url"] = "http://10.0.0.5/stream",
            ["Cameras:2:SegmentSeconds"] = "0",
        });

        Assert.Contains(failures, f => f.StartsWith("Cameras:1:Id: ", StringComparison.Ordinal) && f.Contains("trùng", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Cameras:1:Source: nguồn 'Webcam' không hợp lệ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Cameras:2:Id: ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Cameras:2:Url: địa chỉ RTSP không hợp lệ", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Cameras:2:SegmentSeconds: ", StringComparison.Ordinal));
        Assert.DoesNotContain(failures, f => f.StartsWith("Cameras:0:", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_GoodConfiguration_BindsEveryKey()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Cameras:0:Id"] = "quay1",
            ["Cameras:0:Name"] = "Quầy 1",
            ["Cameras:0:Source"] = "rtsp",
            ["Cameras:0:Url"] = "rtsp://u:p@10.0.0.5:554/Streaming/Channels/102",
            ["Cameras:0:RecordingFolder"] = "/data/rec",
            ["Cameras:0:SegmentSeconds"] = "120",
            ["Cameras:0:RetentionDays"] = "45",
            ["Cameras:0:DiskBudgetMb"] = "20000",
            ["Cameras:1:Id"] = "usb",
            ["Cameras:1:Source"] = "V4l2",
            ["Cameras:1:Device"] = "/dev/video0",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddCameras(configuration).BuildServiceProvider();

        var cameras = services.GetRequiredService<IOptions<CamerasOptions>>().Value.Cameras;

        Assert.Equal(2, cameras.Count);
        Assert.Equal(CameraSourceKind.Rtsp, cameras[0].SourceKind);
        Assert.Equal("Quầy 1", cameras[0].Name);
        Assert.Equal(120, cameras[0].SegmentSeconds);
        Assert.Equal(45, cameras[0].RetentionDays);
        Assert.Equal(20000, cameras[0].DiskBudgetMb);
        Assert.Equal(CameraSourceKind.V4l2, cameras[1].SourceKind);
        Assert.False(cameras[1].RecordingEnabled);
    }
}
