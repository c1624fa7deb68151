using System.Net;
using System.Net.Sockets;
using System.Text;
using QueueKiosk.Devices.Camera;

namespace QueueKiosk.Devices.Tests.Camera;

/// <summary>
/// A tiny RTSP server on 127.0.0.1 that answers OPTIONS and refuses DESCRIBE with a chosen status,
/// as a camera does for a wrong path (404) or a wrong password (401).
/// </summary>
[Collection(FfmpegCollection.Name)]
public sealed class RtspErrorTests
{
    [Theory]
    [InlineData("404 Not Found")]
    [InlineData("401 Unauthorized")]
    public async Task CameraRefusesTheStream_StatusNamesTheRtspError(string status)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var server = ServeAsync(listener, status, stop.Token);
        var options = CameraTestSupport.Synthetic("rtsp-" + status[..3]);
        options.Source = "Rtsp";
        options.Url = $"rtsp://viewer:secret@127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/Streaming/Channels/102";

        await using (var feed = new CameraFeed(options))
        {
            feed.Start();

            Assert.True(await Eventually.TrueAsync(() => feed.GetHealth().LastError?.Contains(status, StringComparison.Ordinal) == true, TimeSpan.FromSeconds(30)),
                $"last error: {feed.GetHealth().LastError}");
            Assert.NotEqual(CameraState.Running, feed.GetHealth().State);
            Assert.DoesNotContain("secret", feed.GetHealth().CommandLine, StringComparison.Ordinal);
        }
        await stop.CancelAsync();
        await server;
    }

    private static async Task ServeAsync(TcpListener listener, string describeStatus, CancellationToken stop)
    {
        try
        {
            for (var connections = 0; connections < 20; connections++)
            {
                using var client = await listener.AcceptTcpClientAsync(stop);
                await using var stream = client.GetStream();
                for (var requests = 0; requests < 10; requests++)
                {
                    var request = await ReadRequestAsync(stream, stop);
                    if (request is null)
                        break;
                    var cseq = request.Split("\r\n").FirstOrDefault(l => l.StartsWith("CSeq:", StringComparison.OrdinalIgnoreCase))?[5..].Trim() ?? "0";
                    var reply = request.StartsWith("OPTIONS", StringComparison.Ordinal)
                        ? $"RTSP/1.0 200 OK\r\nCSeq: {cseq}\r\nPublic: OPTIONS, DESCRIBE, SETUP, PLAY, TEARDOWN\r\n\r\n"
                        : $"RTSP/1.0 {describeStatus}\r\nCSeq: {cseq}\r\n\r\n";
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(reply), stop);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
        {
        }
    }

    private static async Task<string?> ReadRequestAsync(NetworkStream stream, CancellationToken stop)
    {
        var sb = new StringBuilder();
        var one = new byte[1];
        while (sb.Length < 8192)
        {
            if (await stream.ReadAsync(one, stop) == 0)
                return null;
            sb.Append((char)one[0]);
            if (sb.Length >= 4 && sb.ToString(sb.Length - 4, 4) == "\r\n\r\n")
                return sb.ToString();
        }
        return null;
    }
}
