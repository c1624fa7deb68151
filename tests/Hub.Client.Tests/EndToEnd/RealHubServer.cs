using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using QueueKiosk.HubServer;

namespace QueueKiosk.HubClient.Tests.EndToEnd;

/// <summary>
/// The real Hub.Server (its own registration and endpoints, demo data) on Kestrel at 127.0.0.1,
/// on a SQLite file that outlives a restart, so a test can stop it and start it again on the same
/// port as a site's server restarting looks to a display.
/// </summary>
public sealed class RealHubServer : IAsyncDisposable
{
    public const string DisplayKey = "demo-display-key-0001";
    public const string KioskKey = "demo-kiosk-key-0001";
    public const string Password = "Demo@123";

    private readonly WebApplication _app;

    private RealHubServer(WebApplication app)
    {
        _app = app;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    public Uri BaseUrl { get; }

    public int Port => BaseUrl.Port;

    public static async Task<RealHubServer> StartAsync(string databaseFile, int port = 0)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            ApplicationName = typeof(HubServerExtensions).Assembly.GetName().Name,
            EnvironmentName = "Testing",
        });
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={databaseFile}",
            ["Demo:Enabled"] = "true",
            // The demo's two synthetic cameras are for the supervisor's tests; here they would only cost CPU.
            ["Supervision:DemoCameras"] = "false",
            ["Queue:IgnoreOpeningHours"] = "true",
            ["Queue:ClosingCheckSeconds"] = "3600",
        });
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.AddHubServer();
        var app = builder.Build();
        await app.Services.PrepareDatabaseAsync();
        app.MapHubServer();
        await app.StartAsync();
        return new RealHubServer(app);
    }

    public HttpClient Device(string key)
    {
        var client = new HttpClient { BaseAddress = BaseUrl };
        client.DefaultRequestHeaders.Add(Contracts.HubRoutes.DeviceKeyHeader, key);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
