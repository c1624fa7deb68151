using QueueKiosk.HubClient.Realtime;

namespace QueueKiosk.HubClient.Tests.Infrastructure;

public static class Clients
{
    /// <summary>Short reconnect delays so restart tests take well under a second of waiting.</summary>
    public static BackoffRetryPolicy FastRetry() =>
        new([TimeSpan.Zero, TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500)]);

    public static SignalRHubConnection Create(Uri hubUrl, Action<HubConnectionOptions>? configure = null)
    {
        var options = new HubConnectionOptions
        {
            HubUrl = hubUrl,
            RetryPolicy = FastRetry(),
        };
        configure?.Invoke(options);
        return new SignalRHubConnection(options);
    }

    /// <summary>A port free right now: bind 0, read it, release it (for starting a server "later" on a known port).</summary>
    public static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
