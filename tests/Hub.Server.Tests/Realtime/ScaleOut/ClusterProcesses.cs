using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;
using QueueKiosk.TestSupport.Hosts;

namespace QueueKiosk.HubServer.Tests.Realtime.ScaleOut;

/// <summary>
/// A real redis-server (Debian's package, scripts/setup.sh) on a free loopback port, without
/// persistence, as scripts/province/run-cluster.sh starts it. Stop() is a clean shutdown; Start()
/// again brings it back on the same port.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private Process? _process;

    public int Port { get; } = FreePort.Next();

    public string Configuration => $"127.0.0.1:{Port}";

    public async Task StartAsync()
    {
        var info = new ProcessStartInfo("redis-server") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no" })
        {
            info.ArgumentList.Add(arg);
        }

        _process = Process.Start(info)!;
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Assert.True(await Eventually.TrueAsync(async () => await AnswersAsync()), "redis-server did not answer on port " + Port);
    }

    public async Task StopAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
    }

    private async Task<bool> AnswersAsync()
    {
        try
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync("127.0.0.1", Port);
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}

/// <summary>Hub.Server nodes on one PostgreSQL database, each a real process (docs/province.md, "Scale-out").</summary>
public static class HubNodes
{
    public static Task<HostProcess> StartAsync(PostgresTestDatabase database, string? redis, int port = 0) =>
        HostProcess.StartAsync(new HostLaunch("Hub.Server", new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            ["Queue:IgnoreOpeningHours"] = "true",
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = database.ConnectionString,
            ["Supervision:DemoCameras"] = "false",
            ["Realtime:Redis"] = redis,
            ["Logging:LogLevel:Default"] = "Warning",
        })
        {
            Port = port,
            ReadyPath = HubRoutes.HealthReady,
            // A start (migrating a new database) can take longer on a loaded 2-core machine.
            StartTimeout = TimeSpan.FromMinutes(2),
        });

    public static HttpClient Kiosk(Uri node)
    {
        var client = new HttpClient { BaseAddress = node };
        client.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, HubApp.KioskKey);
        return client;
    }

    public static async Task<Guid> SiteIdAsync(Uri node)
    {
        using var kiosk = Kiosk(node);
        var snapshot = await kiosk.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot);
        return snapshot!.SiteId;
    }

    public static async Task<TicketDto> IssueAsync(Uri node)
    {
        using var kiosk = Kiosk(node);
        var answer = await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(ServiceId: await ServiceIdAsync(kiosk)));
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        return (await answer.Content.ReadFromJsonAsync<TicketDto>())!;
    }

    public static async Task<string> SupervisorCookieAsync(Uri node)
    {
        using var client = new HttpClient { BaseAddress = node };
        using var answer = await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("giamsat", HubApp.Password));
        answer.EnsureSuccessStatusCode();
        return answer.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private static async Task<Guid> ServiceIdAsync(HttpClient kiosk)
    {
        var snapshot = await kiosk.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot);
        return snapshot!.Services.First(s => s.Code == "A").Id;
    }
}

/// <summary>The official SignalR .NET client (the one Hub.Client uses), recording every event it receives.</summary>
public sealed class RecordingHubClient : IAsyncDisposable
{
    private readonly ConcurrentQueue<(string Name, JsonElement Body)> _events = new();

    private RecordingHubClient(HubConnection connection)
    {
        Connection = connection;
    }

    public HubConnection Connection { get; }

    public IReadOnlyList<(string Name, JsonElement Body)> Events => [.. _events];

    /// <summary>Connects with the kiosk key (or a staff cookie) and joins the site's group (and the supervisors' with a cookie).</summary>
    public static async Task<RecordingHubClient> ConnectAsync(Uri node, Guid siteId, string? cookie = null, bool reconnect = false, System.Net.CookieContainer? cookies = null)
    {
        var builder = new HubConnectionBuilder().WithUrl(new Uri(node, HubRoutes.QueueHub), o =>
        {
            if (cookies is not null)
            {
                o.Cookies = cookies;
            }

            if (cookie is null)
            {
                o.Headers[HubRoutes.DeviceKeyHeader] = HubApp.KioskKey;
            }
            else
            {
                o.Headers["Cookie"] = cookie;
            }
        });
        if (reconnect)
        {
            builder.WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)]);
        }

        var connection = builder.Build();
        var client = new RecordingHubClient(connection);
        string[] names = [HubEvents.TicketIssued, HubEvents.TicketCalled, HubEvents.TicketChanged, HubEvents.CounterChanged, SupervisionEvents.RealtimeStatus];
        foreach (var name in names)
        {
            connection.On<JsonElement>(name, body => client._events.Enqueue((name, body)));
        }

        async Task JoinAsync()
        {
            await connection.InvokeAsync(HubMethods.JoinSite, siteId);
            if (cookie is not null)
            {
                await connection.InvokeAsync(HubMethods.JoinSupervisors, siteId);
            }
        }

        connection.Reconnected += _ => JoinAsync();
        await connection.StartAsync();
        await JoinAsync();
        return client;
    }

    public Task<bool> ReceivedTicketAsync(string number, TimeSpan? timeout = null) =>
        Eventually.TrueAsync(() => _events.Any(e => e.Name == HubEvents.TicketIssued && e.Body.GetProperty("ticket").GetProperty("number").GetString() == number), timeout);

    public bool HasTicket(string number) =>
        _events.Any(e => e.Name == HubEvents.TicketIssued && e.Body.GetProperty("ticket").GetProperty("number").GetString() == number);

    public async ValueTask DisposeAsync() => await Connection.DisposeAsync();
}
