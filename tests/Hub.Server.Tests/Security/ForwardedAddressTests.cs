using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Security;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests.Security;

/// <summary>
/// Behind haproxy or nginx every request comes from the proxy's address: without
/// Security:TrustedProxies one client's sign-in attempts would spend every client's per-address
/// limit. With it, X-Forwarded-For names the client, but only on requests from those proxies
/// (hardware-docs/https.md, "Behind a reverse proxy"). Real Kestrel at 127.0.0.1.
/// </summary>
public sealed class ForwardedAddressTests : IAsyncLifetime
{
    private const int PerMinute = 3;
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Fact]
    public async Task FromATrustedProxy_EachForwardedClientHasItsOwnSignInLimit()
    {
        await using var app = Start(trusted: "127.0.0.1");
        for (var i = 0; i < PerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(app, "10.0.0.1"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(app, "10.0.0.1"));
        // Another client behind the same proxy is not held up by the first one.
        Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(app, "10.0.0.2"));
    }

    [Fact]
    public async Task WithoutTrustedProxies_TheHeaderIsIgnored_SoNoClientChoosesItsAddress()
    {
        await using var app = Start(trusted: null);
        for (var i = 0; i < PerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(app, $"10.0.0.{i + 1}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(app, "10.0.0.99"));
    }

    [Fact]
    public async Task FromAnAddressThatIsNotAProxy_TheHeaderIsIgnored()
    {
        await using var app = Start(trusted: "10.9.9.0/24");
        for (var i = 0; i < PerMinute; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, await SignInFromAsync(app, $"10.0.0.{i + 1}"));
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, await SignInFromAsync(app, "10.0.0.99"));
    }

    [Theory]
    [InlineData("hub.office.lan")]
    [InlineData("10.0.0.0/99")]
    public async Task ANameOrABadNetwork_IsRefusedAtStart_NamingTheSetting(string entry)
    {
        await using var app = Start(trusted: entry);
        var error = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value);
        Assert.Contains("Security:TrustedProxies", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("10.0.0.5", "10.0.0.5", true)]
    [InlineData("10.0.0.0/24", "10.0.0.200", true)]
    [InlineData("10.0.0.0/24", "10.0.1.1", false)]
    [InlineData("::1", "::1", true)]
    public void AnAddressIsOneHostAndANetworkHoldsItsRange(string entry, string address, bool contains)
    {
        Assert.True(TrustedProxy.TryParse(entry, out var network));
        Assert.Equal(contains, network.Contains(IPAddress.Parse(address)));
    }

    private HubApp Start(string? trusted)
    {
        var settings = new Dictionary<string, string?> { ["Security:SignInRequestsPerMinute"] = PerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        if (trusted is not null)
        {
            settings["Security:TrustedProxies:0"] = trusted;
        }

        return new HubApp(_database, kestrel: true, settings: settings);
    }

    private static async Task<HttpStatusCode> SignInFromAsync(HubApp app, string client)
    {
        using var http = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, HubRoutes.Login) { Content = JsonContent.Create(new LoginRequest($"khach-{client}", "sai-mat-khau")) };
        request.Headers.Add("X-Forwarded-For", client);
        using var answer = await http.SendAsync(request);
        return answer.StatusCode;
    }
}
