using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Security;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests.Security;

/// <summary>
/// What stands between a foreign web page and the staff cookie (issue 15, item 7), the headers of
/// every answer (item 8), slow and oversized requests (item 9) and the OpenAPI document (item 13),
/// on real Kestrel at 127.0.0.1.
/// </summary>
public sealed class BrowserDefenceTests : IAsyncLifetime
{
    private const string Foreign = "http://evil.example";
    private readonly SqliteTestDatabase _database = new();
    private HubApp _app = null!;

    public Task InitializeAsync()
    {
        _app = new HubApp(_database, kestrel: true);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData(Foreign, null)]
    [InlineData("http://127.0.0.1:1", null)] // another port of the same host is another origin
    [InlineData("null", null)] // a sandboxed frame
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")]
    public async Task ACookieWrite_FromAnotherOrigin_Is403_AndNothingHappens(string? origin, string? fetchSite)
    {
        var counter = await _app.CounterIdAsync(1);
        using var officer = await _app.SignInAsync("canbo1", counter);
        using var request = new HttpRequestMessage(HttpMethod.Post, HubRoutes.CounterAction(counter, CounterActions.Close));
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        using var answer = await officer.SendAsync(request);
        Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("auth.cross_site", problem.GetProperty("code").GetString());
        Assert.Contains("trang khác", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(CounterState.Open, (await _app.SnapshotAsync()).Counters.Single(c => c.Id == counter).State);
    }

    [Fact]
    public async Task ACookieWrite_FromTheHubsOwnPage_AndADeviceCall_FromAnywhere_Pass()
    {
        var counter = await _app.CounterIdAsync(1);
        using var officer = await _app.SignInAsync("canbo1", counter);
        using var own = new HttpRequestMessage(HttpMethod.Post, HubRoutes.CounterAction(counter, CounterActions.Pause))
        {
            Content = JsonContent.Create(new PauseCounterRequest("Họp")),
        };
        own.Headers.Add("Origin", _app.ServerAddress.GetLeftPart(UriPartial.Authority));
        own.Headers.Add("Sec-Fetch-Site", "same-origin");
        using var paused = await officer.SendAsync(own);
        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);

        using var kiosk = _app.Kiosk();
        using var issue = new HttpRequestMessage(HttpMethod.Post, HubRoutes.Tickets) { Content = JsonContent.Create(new { serviceId = await _app.ServiceIdAsync("A") }) };
        issue.Headers.Add("Origin", Foreign);
        using var issued = await kiosk.SendAsync(issue);
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
    }

    [Fact]
    public async Task TheHub_RefusesAForeignOriginWithTheStaffCookie_AndOtherSitesGroups()
    {
        using var supervisor = await _app.SupervisorAsync();
        using var negotiate = new HttpRequestMessage(HttpMethod.Post, $"{HubRoutes.QueueHub}/negotiate?negotiateVersion=1");
        negotiate.Headers.Add("Origin", Foreign);
        using var refused = await supervisor.SendAsync(negotiate);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);

        // The WebSocket itself (SignalR allows skipping the negotiation): a browser always sends Origin on it.
        var cookie = await SignInCookieAsync("giamsat");
        using var socket = new ClientWebSocket();
        socket.Options.SetRequestHeader("Cookie", cookie);
        socket.Options.SetRequestHeader("Origin", Foreign);
        var ws = new UriBuilder(_app.ServerAddress) { Scheme = "ws", Path = HubRoutes.QueueHub };
        var failure = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(ws.Uri, CancellationToken.None));
        Assert.Contains("403", failure.Message, StringComparison.Ordinal);

        using var own = new ClientWebSocket();
        own.Options.SetRequestHeader("Cookie", cookie);
        own.Options.SetRequestHeader("Origin", _app.ServerAddress.GetLeftPart(UriPartial.Authority));
        await own.ConnectAsync(ws.Uri, CancellationToken.None);
        await SendAsync(own, """{"protocol":"json","version":1}""");
        await ReceiveAsync(own);
        await SendAsync(own, JsonSerializer.Serialize(new { type = 1, invocationId = "1", target = HubMethods.JoinSupervisors, arguments = new object[] { Guid.NewGuid() } }));
        Assert.Contains("your own site only", await ReceiveAsync(own), StringComparison.Ordinal);
        await SendAsync(own, JsonSerializer.Serialize(new { type = 1, invocationId = "2", target = HubMethods.JoinSite, arguments = new object[] { _app.SiteId } }));
        Assert.DoesNotContain("error", await ReceiveAsync(own), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/supervisor/login")]
    [InlineData("/officer/login")]
    [InlineData(HubRoutes.Services)]
    [InlineData("/no-such-page")]
    public async Task EveryAnswer_CarriesTheSecurityHeaders(string path)
    {
        using var client = _app.CreateClient();
        using var answer = await client.GetAsync(path);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, answer.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", SecurityHeaders.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", answer.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-referrer", answer.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task ThePages_LoadOnlyTheirOwnScriptsAndStyles_NothingInline()
    {
        using var supervisor = await _app.SupervisorAsync();
        foreach (var page in new[] { "/supervisor", "/supervisor/login", "/officer/login" })
        {
            var html = await supervisor.GetStringAsync(page);
            Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
            Assert.DoesNotMatch("\\son[a-z]+=\"", html);
            Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotMatch("(src|href)=\"(https?:)?//", html);
        }
    }

    [Fact]
    public async Task ABodyLargerThanTheLimit_Is413_AndAClientThatNeverFinishesItsHeaders_IsDropped()
    {
        // Announced, not sent: Kestrel refuses by the Content-Length alone and may close before an
        // uploading client has finished writing (an HttpClient upload then fails with a broken pipe).
        using (var upload = new TcpClient())
        {
            await upload.ConnectAsync(IPAddress.Loopback, _app.ServerAddress.Port);
            var uploadStream = upload.GetStream();
            await uploadStream.WriteAsync(Encoding.ASCII.GetBytes(
                $"POST {HubRoutes.Tickets} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n{HubRoutes.DeviceKeyHeader}: {HubApp.KioskKey}\r\nContent-Length: {SecurityExtensions.MaxRequestBodyBytes + 1}\r\n\r\n{{"));
            using var answerLimit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            var head = new byte[4096];
            var got = await uploadStream.ReadAsync(head, answerLimit.Token);
            Assert.StartsWith("HTTP/1.1 413", Encoding.ASCII.GetString(head, 0, got), StringComparison.Ordinal);
        }

        using var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, _app.ServerAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes("GET /health/live HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer, limit.Token);
        // Kestrel answers 408 and closes once the header time is over; the test only waits for it.
        var answer = Encoding.ASCII.GetString(buffer, 0, read);
        Assert.True(read == 0 || answer.StartsWith("HTTP/1.1 408", StringComparison.Ordinal), answer);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesBothCredentials_AndTheRefusals()
    {
        using var client = _app.CreateClient();
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var schemes = document.GetProperty("components").GetProperty("securitySchemes");
        Assert.Equal(HubRoutes.DeviceKeyHeader, schemes.GetProperty(HubOpenApi.DeviceKeyScheme).GetProperty("name").GetString());
        Assert.Equal("cookie", schemes.GetProperty(HubOpenApi.CookieScheme).GetProperty("in").GetString());

        var callNext = document.GetProperty("paths").GetProperty(HubRoutes.CounterAction(Guid.Empty, CounterActions.CallNext).Replace(Guid.Empty.ToString(), "{counterId}", StringComparison.Ordinal)).GetProperty("post");
        Assert.False(string.IsNullOrEmpty(callNext.GetProperty("summary").GetString()));
        foreach (var status in new[] { "400", "401", "403" })
        {
            Assert.True(callNext.GetProperty("responses").TryGetProperty(status, out _), status);
        }

        Assert.NotEmpty(callNext.GetProperty("security").EnumerateArray());
        var login = document.GetProperty("paths").GetProperty(HubRoutes.Login).GetProperty("post");
        Assert.True(login.GetProperty("responses").TryGetProperty("429", out _));
    }

    [Fact]
    public async Task InProduction_TheOpenApiDocument_IsServedOnlyWhenConfigured()
    {
        // In-memory hosts of their own (the class's host is on Kestrel, which derived hosts cannot share).
        await using var database = new SqliteTestDatabase();
        await using var inMemory = new HubApp(database);
        await using var hidden = inMemory.WithWebHostBuilder(b => b.UseEnvironment("Production"));
        using (var client = hidden.CreateClient())
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        }

        await using var published = inMemory.WithWebHostBuilder(b => b.UseEnvironment("Production").UseSetting("Security:PublishOpenApi", "true"));
        using (var client = published.CreateClient())
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/openapi/v1.json")).StatusCode);
        }
    }

    private async Task<string> SignInCookieAsync(string user)
    {
        using var client = new HttpClient { BaseAddress = _app.ServerAddress };
        using var answer = await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest(user, HubApp.Password));
        answer.EnsureSuccessStatusCode();
        return answer.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
    }

    private static Task SendAsync(ClientWebSocket socket, string json) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(json + '\u001e'), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message that is not a ping.</summary>
    private static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var buffer = new byte[8192];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, limit.Token);
            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            if (!text.StartsWith("{\"type\":6", StringComparison.Ordinal))
            {
                return text;
            }
        }
    }
}
