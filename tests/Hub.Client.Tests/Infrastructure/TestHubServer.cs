using System.Collections.Concurrent;
using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubClient.Tests.Infrastructure;

/// <summary>What the test hubs record, shared by every hub instance of one server.</summary>
public sealed class HubRecorder
{
    public ConcurrentQueue<Guid> SiteJoins { get; } = new();

    public ConcurrentQueue<string> Received { get; } = new();

    /// <summary>Where each authenticated request carried its token: (path, header, query).</summary>
    public ConcurrentQueue<(string Path, bool Header, bool Query)> TokenSources { get; } = new();

    public int SnapshotRequests;

    /// <summary>The site's sequence number as the test's "queue engine" has it.</summary>
    public long Sequence;
}

/// <summary>A plain hub like the real one: group joins, plus methods to exercise results and errors.</summary>
public sealed class TestHub(HubRecorder recorder) : Hub
{
    public async Task JoinSite(Guid siteId)
    {
        await Groups.AddToGroupAsync(Context.ConnectionId, HubGroups.Site(siteId));
        recorder.SiteJoins.Enqueue(siteId);
    }

    public int Add(int a, int b) => a + b;

    public string Echo(string text) => text;

    public TicketDto EchoTicket(TicketDto ticket) => ticket;

    public void Fail(string reason) => throw new HubException($"refused: {reason}");

    public void Crash() => throw new InvalidOperationException("secret detail");

    public void Note(string text) => recorder.Received.Enqueue(text);

    /// <summary>The transport this connection uses (WebSockets, ServerSentEvents or LongPolling).</summary>
    public string Transport() => Context.Features.Get<IHttpTransportFeature>()?.TransportType.ToString() ?? "(unknown)";
    /// <summary>Pushes back to the caller, so a test sees server-to-client calls with several arguments.</summary>
    public Task Greet(string name, int count) => Clients.Caller.SendAsync("Greeted", $"Xin chào {name}", count);
}

/// <summary>A hub that speaks JSON only, to show which protocol a client asks for.</summary>
public sealed class JsonOnlyHub : Hub
{
    public string Ping() => "pong";
}

/// <summary>Needs an authenticated user; says who it is.</summary>
[Authorize]
public sealed class SecureHub : Hub
{
    public string WhoAmI() => Context.User?.Identity?.Name ?? "(nobody)";
}

/// <summary>
/// A test authentication scheme: "Bearer good-token" (header) or access_token=good-token (query)
/// signs in as "officer-1"; anything else is refused.
/// </summary>
public sealed class TestTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, HubRecorder recorder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestToken";
    public const string GoodToken = "good-token";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        var fromHeader = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header["Bearer ".Length..] : null;
        var fromQuery = Request.Query["access_token"].ToString();
        var token = fromHeader ?? (fromQuery.Length > 0 ? fromQuery : null);
        if (token is null)
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        if (token != GoodToken)
        {
            return Task.FromResult(AuthenticateResult.Fail("bad token"));
        }

        recorder.TokenSources.Enqueue((Request.Path.Value ?? "", fromHeader is not null, fromQuery.Length > 0));
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, "officer-1")], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}

/// <summary>
/// A real Kestrel on 127.0.0.1 hosting SignalR hubs and a snapshot endpoint. Can be stopped and a
/// new one started on the same port, as a server restart looks to a client.
/// </summary>
public sealed class TestHubServer : IAsyncDisposable
{
    public const string HubPath = HubRoutes.QueueHub;
    public const string SecureHubPath = "/hubs/secure";

    /// <summary>The same hub where the server refuses WebSockets, as behind a proxy that blocks them.</summary>
    public const string NoWebSocketsHubPath = "/hubs/no-websockets";

    public const string JsonOnlyHubPath = "/hubs/json-only";

    private readonly WebApplication _app;

    private TestHubServer(WebApplication app, HubRecorder recorder)
    {
        _app = app;
        Recorder = recorder;
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        BaseUrl = new Uri(address.TrimEnd('/') + "/");
    }

    public HubRecorder Recorder { get; }

    public Uri BaseUrl { get; }

    public int Port => BaseUrl.Port;

    public Uri HubUrl => new(BaseUrl, HubPath.TrimStart('/'));

    public Uri SecureHubUrl => new(BaseUrl, SecureHubPath.TrimStart('/'));

    public Uri NoWebSocketsHubUrl => new(BaseUrl, NoWebSocketsHubPath.TrimStart('/'));

    public Uri JsonOnlyHubUrl => new(BaseUrl, JsonOnlyHubPath.TrimStart('/'));

    public IHubContext<TestHub> Hub => _app.Services.GetRequiredService<IHubContext<TestHub>>();

    /// <summary>Starts a server; port 0 picks a free one.</summary>
    /// <param name="serverKeepAlive">How often the server pings; a long one makes a silent server.</param>
    public static async Task<TestHubServer> StartAsync(int port = 0, HubRecorder? recorder = null, TimeSpan? serverKeepAlive = null)
    {
        recorder ??= new HubRecorder();
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(2));
        builder.Services.AddSingleton(recorder);
        var signalR = builder.Services.AddSignalR(o =>
        {
            o.EnableDetailedErrors = false;
            if (serverKeepAlive is { } keepAlive)
            {
                o.KeepAliveInterval = keepAlive;
                o.ClientTimeoutInterval = keepAlive * 2;
            }
        });
        signalR.AddMessagePackProtocol();
        signalR.AddHubOptions<JsonOnlyHub>(o => o.SupportedProtocols = ["json"]);
        builder.Services.AddAuthentication(TestTokenHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, TestTokenHandler>(TestTokenHandler.SchemeName, null);
        builder.Services.AddAuthorization();

        var app = builder.Build();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHub<TestHub>(HubPath);
        app.MapHub<SecureHub>(SecureHubPath);
        app.MapHub<JsonOnlyHub>(JsonOnlyHubPath);
        app.MapHub<TestHub>(NoWebSocketsHubPath, o => o.Transports = HttpTransportType.ServerSentEvents | HttpTransportType.LongPolling);
        app.MapGet(HubRoutes.Api + HubRoutes.SiteSnapshotPattern, (Guid siteId, HubRecorder r) =>
        {
            Interlocked.Increment(ref r.SnapshotRequests);
            return TestData.Snapshot(siteId, Interlocked.Read(ref r.Sequence));
        });
        await app.StartAsync();
        return new TestHubServer(app, recorder);
    }

    /// <summary>The "queue engine": takes the next site sequence number.</summary>
    public long NextSequence() => Interlocked.Increment(ref Recorder.Sequence);

    public Task SendToSiteAsync(Guid siteId, string target, object payload) =>
        Hub.Clients.Group(HubGroups.Site(siteId)).SendAsync(target, payload);

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
