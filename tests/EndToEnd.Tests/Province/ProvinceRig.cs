using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Npgsql;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.EndToEnd.Tests.Province;

/// <summary>
/// Three sites (Hub.Server in demo mode, each on its own SQLite file and with its own site id) linked
/// upward to a province tier (Hub.Server with Hub:Role=Province on a PostgreSQL database of its own),
/// all real processes. The province listens on a fixed port so it can be stopped, killed and started
/// again while the sites keep their configuration (docs/province.md).
/// </summary>
public sealed class ProvinceRig : IAsyncLifetime
{
    public const string Password = "Demo@123";
    public const string KioskKey = "demo-kiosk-key-0001";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _dataDirectory = Directory.CreateTempSubdirectory("qk-province-").FullName;
    private PostgresTestDatabase? _database;

    public int ProvincePort { get; } = FreePort.Next();

    public HostProcess? Province { get; private set; }

    public Uri ProvinceAddress => new($"http://127.0.0.1:{ProvincePort}");

    public List<LinkedSite> Sites { get; } = [];

    /// <summary>Null when PostgreSQL is not reachable (and not required): the tests say so and stop.</summary>
    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        var (database, skip) = await PostgresTestDatabase.TryCreateAsync();
        if (database is null)
        {
            SkipReason = skip;
            return;
        }

        _database = database;
        await StartProvinceAsync();
        using var admin = await SignInAsync(ProvinceAddress, "quantri");
        for (var i = 1; i <= 3; i++)
        {
            var siteId = Guid.NewGuid();
            var sitePort = FreePort.Next();
            var response = await admin.PostAsJsonAsync(HubRoutes.ProvinceSites,
                new { id = siteId, name = $"Xã mẫu {i}", dashboardUrl = $"http://127.0.0.1:{sitePort}/supervisor" }, Json);
            response.EnsureSuccessStatusCode();
            var key = (await response.Content.ReadFromJsonAsync<JsonElement>(Json)).GetProperty("key").GetString()!;
            var dbPath = Path.Combine(_dataDirectory, $"site{i}.db");
            var host = await HostProcess.StartAsync("Hub.Server", new Dictionary<string, string?>
            {
                ["Demo:Enabled"] = "true",
                ["Demo:SiteId"] = siteId.ToString(),
                ["Queue:IgnoreOpeningHours"] = "true",
                ["Database:Provider"] = "Sqlite",
                ["Database:ConnectionString"] = $"Data Source={dbPath}",
                ["Province:Url"] = ProvinceAddress.ToString(),
                ["Province:SiteKey"] = key,
                // Small batches: a backlog takes many requests, so a kill lands in the middle of one.
                ["Province:BatchSize"] = "20",
                ["Province:MaxBackoffSeconds"] = "2",
                ["Logging:LogLevel:Default"] = "Warning",
                ["Logging:LogLevel:QueueKiosk.HubServer.ProvinceLink"] = "Information",
            }, sitePort);
            Sites.Add(new LinkedSite(siteId, $"Xã mẫu {i}", host, dbPath));
        }
    }

    public async Task StartProvinceAsync()
    {
        Province = await HostProcess.StartAsync("Hub.Server", new Dictionary<string, string?>
        {
            ["Hub:Role"] = "Province",
            ["Demo:Enabled"] = "true",
            ["Database:Provider"] = "Postgres",
            ["Database:ConnectionString"] = _database!.ConnectionString,
            ["Logging:LogLevel:Default"] = "Warning",
        }, ProvincePort);
    }

    /// <summary>Kills the province process (kill -9: HostProcess kills, it never asks).</summary>
    public async Task StopProvinceAsync()
    {
        if (Province is { } province)
        {
            await province.DisposeAsync();
            Province = null;
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var site in Sites)
        {
            await site.Host.DisposeAsync();
        }

        await StopProvinceAsync();
        SqliteConnection.ClearAllPools();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }

        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A host still closing its file: the temp cleaner takes it later.
        }
    }

    public static async Task<HttpClient> SignInAsync(Uri baseAddress, string user)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        (await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest(user, Password), Json)).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>What the province holds of one site: rows, highest sequence, distinct sequences, ticket events.</summary>
    public async Task<(long Rows, long Max, long Distinct, long TicketEvents)> ProvinceHoldsAsync(Guid siteId)
    {
        await using var connection = new NpgsqlConnection(_database!.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT count(*), coalesce(max(\"Sequence\"), 0), count(DISTINCT \"Sequence\"), count(*) FILTER (WHERE \"Kind\" = 'ticket') " +
            "FROM province.\"Events\" WHERE \"SiteId\" = @site", connection);
        command.Parameters.AddWithValue("site", siteId);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3));
    }
}

/// <summary>One site: its id, its process, its SQLite file (read directly to know what it has written).</summary>
public sealed record LinkedSite(Guid SiteId, string Name, HostProcess Host, string DatabasePath)
{
    public HttpClient Client(string? deviceKey = null)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = Host.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        if (deviceKey is not null)
        {
            client.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, deviceKey);
        }

        return client;
    }

    /// <summary>The last outbox number the site used (every number up to it was committed) and its ticket events.</summary>
    public async Task<(long LastOutbox, long TicketEvents)> WrittenAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT (SELECT coalesce(max(Sequence), 0) FROM ProvinceOutbox), (SELECT count(*) FROM TicketEvents)";
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task<TicketDto> IssueAsync(string serviceCode = "A")
    {
        using var kiosk = Client(ProvinceRig.KioskKey);
        var snapshot = (await kiosk.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot, ProvinceRig.Json))!;
        var service = snapshot.Services.Single(s => s.Code == serviceCode).Id;
        var response = await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(service), ProvinceRig.Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TicketDto>(ProvinceRig.Json))!;
    }

    /// <summary>An officer signed in at counter <paramref name="number"/> (cookie kept by the client).</summary>
    public async Task<(HttpClient Client, Guid CounterId)> OfficerAsync(int number)
    {
        using var kiosk = Client(ProvinceRig.KioskKey);
        var snapshot = (await kiosk.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot, ProvinceRig.Json))!;
        var counter = snapshot.Counters.Single(c => c.Number == number).Id;
        var client = Client();
        (await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest($"canbo{number}", ProvinceRig.Password, counter), ProvinceRig.Json)).EnsureSuccessStatusCode();
        return (client, counter);
    }
}
