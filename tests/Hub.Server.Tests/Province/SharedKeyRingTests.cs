using System.Net;
using System.Net.Http.Json;
using Npgsql;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;
using QueueKiosk.HubServer.Tests.Realtime.ScaleOut;
using QueueKiosk.TestSupport.Hosts;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Province;

/// <summary>
/// Two province nodes (Hub:Role=Province) as real Hub.Server processes on one PostgreSQL database,
/// as behind haproxy (docs/province.md, "Scale-out"): a staff cookie that node A issued is accepted
/// by node B, because both read the data-protection key ring from the database
/// (Security/SharedKeyRing). Each node gets its own HOME, so the key folder ASP.NET would use
/// without the shared ring ($HOME/.aspnet/DataProtection-Keys) is private to it and cannot be
/// what makes the cookie hold.
/// </summary>
public sealed class SharedKeyRingTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly List<string> _homes = [];
    private PostgresTestDatabase? _database;
    private HostProcess? _nodeA;
    private HostProcess? _nodeB;

    public async Task InitializeAsync()
    {
        var (database, skip) = await PostgresTestDatabase.TryCreateAsync();
        Assert.True(database is not null, skip);
        _database = database;
        // One after the other: the first migrates and seeds the empty database.
        _nodeA = await StartNodeAsync();
        _nodeB = await StartNodeAsync();
    }

    public async Task DisposeAsync()
    {
        foreach (var node in new[] { _nodeA, _nodeB })
        {
            if (node is not null)
            {
                output.WriteLine(node.Output);
                await node.DisposeAsync();
            }
        }

        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        foreach (var home in _homes)
        {
            Directory.Delete(home, recursive: true);
        }
    }

    [Fact]
    public async Task ACookieIssuedByNodeA_IsAcceptedByNodeB()
    {
        var cookie = await HubNodes.SupervisorCookieAsync(_nodeA!.BaseAddress);

        using var withCookieOnB = Client(_nodeB!.BaseAddress, cookie);
        using var answer = await withCookieOnB.GetAsync(HubRoutes.ProvinceSites);
        Assert.True(answer.StatusCode == HttpStatusCode.OK, $"node B refused node A's cookie: {(int)answer.StatusCode} {await answer.Content.ReadAsStringAsync()}");
        var me = await withCookieOnB.GetFromJsonAsync<MeDto>(HubRoutes.Me);
        Assert.Equal("giamsat", me!.UserName);

        // The same request without the cookie is refused: node B checked the cookie, it did not skip sign-in.
        using var withoutCookie = Client(_nodeB.BaseAddress, null);
        Assert.Equal(HttpStatusCode.Unauthorized, (await withoutCookie.GetAsync(HubRoutes.ProvinceSites)).StatusCode);

        // Both nodes read one key ring, kept in the database they share.
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("""SELECT count(*) FROM "DataProtectionKeys" """, connection);
        Assert.True((long)(await count.ExecuteScalarAsync())! >= 1, "no data-protection key in the database");
    }

    private async Task<HostProcess> StartNodeAsync()
    {
        var home = Path.Combine(Path.GetTempPath(), "qk-keyring-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        _homes.Add(home);
        return await HostProcess.StartAsync(new HostLaunch("Hub.Server", new Dictionary<string, string?>
        {
            ["Hub:Role"] = "Province",
            ["Demo:Enabled"] = "true",
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = _database!.ConnectionString,
            ["Supervision:DemoCameras"] = "false",
            ["Logging:LogLevel:Default"] = "Warning",
        })
        {
            ReadyPath = HubRoutes.HealthReady,
            // A start (migrating a new database) can take longer on a loaded 2-core machine.
            StartTimeout = TimeSpan.FromMinutes(2),
            Environment = new Dictionary<string, string> { ["HOME"] = home },
        });
    }

    private static HttpClient Client(Uri node, string? cookie)
    {
        var client = new HttpClient { BaseAddress = node };
        if (cookie is not null)
        {
            client.DefaultRequestHeaders.Add("Cookie", cookie);
        }

        return client;
    }
}
