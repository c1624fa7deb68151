using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.KioskUi.Api;

namespace QueueKiosk.KioskUi.Tests.Api;

/// <summary>
/// The kiosk's local API answers only its own machine unless configured, and is rate limited per
/// client address (issue 15, item 10: bound to 0.0.0.0 it issued tickets to anyone on the network).
/// The test host sets the caller's address from a test header, as a caller elsewhere on the LAN would have it.
/// </summary>
public sealed class KioskApiAccessTests
{
    private const string RemoteHeader = "X-Test-Remote-Address";

    [Theory]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("::1", false, true)]
    [InlineData("::ffff:127.0.0.1", false, true)]
    [InlineData("192.168.1.50", false, false)]
    [InlineData("10.0.0.7", true, true)]
    public void MayCall_LoopbackOnly_UnlessRemoteIsAllowed(string address, bool allowRemote, bool expected) =>
        Assert.Equal(expected, KioskApi.MayCall(IPAddress.Parse(address), allowRemote));

    [Fact]
    public async Task ACallerFromTheNetwork_Is403_OnEveryKioskApiRoute_AndTheKiosksOwnBrowserIsServed()
    {
        await using var kiosk = Host(allowRemote: false, perMinute: 1000);
        using var client = kiosk.CreateClient();
        foreach (var (method, path) in new[] { ("GET", "/kiosk-api/state"), ("GET", "/kiosk-api/search?q=a"), ("POST", "/kiosk-api/tickets"), ("GET", "/kiosk-api/dossiers/ABC"),
            ("POST", "/kiosk-api/citizen/scan"), ("GET", "/kiosk-api/citizen"), ("POST", "/kiosk-api/citizen/dossiers"), ("POST", "/kiosk-api/citizen/check-in") })
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path);
            request.Headers.Add(RemoteHeader, "192.168.1.50");
            if (method == "POST")
            {
                request.Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
            }

            using var answer = await client.SendAsync(request);
            Assert.Equal(HttpStatusCode.Forbidden, answer.StatusCode);
            Assert.Contains("Chỉ máy kiosk này", await answer.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var own = new HttpRequestMessage(HttpMethod.Get, "/kiosk-api/state");
        own.Headers.Add(RemoteHeader, "127.0.0.1");
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(own)).StatusCode);
    }

    [Fact]
    public async Task OneAddress_IsLimited_AnotherIsNot()
    {
        await using var kiosk = Host(allowRemote: true, perMinute: 3);
        using var client = kiosk.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++)
        {
            statuses.Add(await GetAsync(client, "/kiosk-api/search?q=a", "10.0.0.7"));
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/kiosk-api/search?q=a", "10.0.0.8"));
        // The screen asks the kiosk's state twice a second to grey out "Lấy số" while the hub is down: never limited.
        Assert.Equal(HttpStatusCode.OK, await GetAsync(client, "/kiosk-api/state", "10.0.0.7"));
    }

    private static async Task<HttpStatusCode> GetAsync(HttpClient client, string path, string address)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(RemoteHeader, address);
        using var answer = await client.SendAsync(request);
        return answer.StatusCode;
    }

    private static WebApplicationFactory<Program> Host(bool allowRemote, int perMinute)
    {
        var folder = Directory.CreateTempSubdirectory("qk-kiosk-api-").FullName;
        return new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Kiosk:HubUrl", "http://127.0.0.1:9");
            b.UseSetting("Kiosk:DeviceKey", "test-key");
            b.UseSetting("Kiosk:PrinterEnabled", "false");
            b.UseSetting("Kiosk:CataloguePath", Path.Combine(folder, "catalogue.json"));
            b.UseSetting("Kiosk:AllowRemoteApi", allowRemote ? "true" : "false");
            b.UseSetting("Kiosk:ApiRequestsPerMinute", perMinute.ToString(System.Globalization.CultureInfo.InvariantCulture));
            b.ConfigureTestServices(s => s.AddTransient<IStartupFilter, RemoteAddressFromHeader>());
        });
    }

    /// <summary>Test host only: the caller's address comes from a header, as TestServer has no sockets.</summary>
    private sealed class RemoteAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((HttpContext context, RequestDelegate nextMiddleware) =>
            {
                if (IPAddress.TryParse(context.Request.Headers[RemoteHeader].ToString(), out var address))
                {
                    context.Connection.RemoteIpAddress = address;
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
