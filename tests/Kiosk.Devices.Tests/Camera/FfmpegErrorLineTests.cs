using QueueKiosk.Devices.Camera;

namespace QueueKiosk.Devices.Tests.Camera;

public sealed class FfmpegErrorLineTests
{
    [Theory]
    [InlineData("[tcp @ 0x556532ed1840] Connection to tcp://127.0.0.1:1?timeout=5000000 failed: Connection refused",
        "Connection to tcp://127.0.0.1:1?timeout=5000000 failed: Connection refused")]
    [InlineData("rtsp://127.0.0.1:1/x: Connection refused", "rtsp://127.0.0.1:1/x: Connection refused")]
    [InlineData("  /nonexist.mp4: No such file or directory  ", "/nonexist.mp4: No such file or directory")]
    [InlineData("[rtsp @ 0x1] method DESCRIBE failed: 404 Not Found", "method DESCRIBE failed: 404 Not Found")]
    public void Clean_StripsContextPrefix(string line, string expected) => Assert.Equal(expected, FfmpegErrorLine.Clean(line));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Clean_Blank_IsNull(string? line) => Assert.Null(FfmpegErrorLine.Clean(line));

    [Theory]
    [InlineData("Conversion failed!", false)]
    [InlineData("Error opening output files: Connection refused", false)]
    [InlineData("rtsp://127.0.0.1:1/x: Connection refused", true)]
    [InlineData("method DESCRIBE failed: 404 Not Found", true)]
    public void IsMeaningful_GenericTrailersAreNot(string line, bool expected) => Assert.Equal(expected, FfmpegErrorLine.IsMeaningful(line));
}
