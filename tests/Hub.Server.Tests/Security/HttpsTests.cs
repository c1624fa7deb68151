using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Security;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests.Security;

/// <summary>
/// Issue 15, item 8, over real TLS: Kestrel on 127.0.0.1 with a certificate from configuration
/// (Kestrel:Endpoints:Https:Certificate:*, as hardware-docs/https.md sets it up) and
/// Security:UseHttps. Over https every page carries HSTS and the security headers and the staff
/// cookie is Secure; the plain http endpoint redirects to https and never sends HSTS.
/// </summary>
public sealed class HttpsTests : IAsyncLifetime
{
    private const string CertificatePassword = "chung-chi-thu";
    private readonly SqliteTestDatabase _database = new();
    private readonly string _certificatePath = Path.Combine(Path.GetTempPath(), $"qk-hub-{Guid.NewGuid():N}.pfx");
    private X509Certificate2 _certificate = null!;
    private HubApp _app = null!;

    public Task InitializeAsync()
    {
        _certificate = SelfSignedForLoopback();
        File.WriteAllBytes(_certificatePath, _certificate.Export(X509ContentType.Pfx, CertificatePassword));
        _app = new HubApp(_database, kestrel: true, settings: new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:Https:Url"] = "https://127.0.0.1:0",
            ["Kestrel:Endpoints:Https:Certificate:Path"] = _certificatePath,
            ["Kestrel:Endpoints:Https:Certificate:Password"] = CertificatePassword,
            ["Security:UseHttps"] = "true",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        await _database.DisposeAsync();
        _certificate.Dispose();
        File.Delete(_certificatePath);
    }

    [Theory]
    [InlineData("/supervisor/login")]
    [InlineData("/officer/login")]
    public async Task OverHttps_TheSignInPages_CarryHstsAndTheSecurityHeaders(string path)
    {
        using var client = Client(Address("https"));
        using var answer = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        AssertSecurityHeaders(answer, https: true);
    }

    [Fact]
    public async Task OverHttps_TheStaffCookieIsSecure_AndTheSupervisorPageCarriesTheHeaders()
    {
        var https = Address("https");
        using var client = Client(https);
        using var signIn = await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("giamsat", HubApp.Password));
        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        AssertSecurityHeaders(signIn, https: true);

        var cookie = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => !c.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase));
        var attributes = cookie.Split(';', StringSplitOptions.TrimEntries).Skip(1).Select(a => a.ToLowerInvariant()).ToList();
        Assert.Contains("secure", attributes);
        Assert.Contains("httponly", attributes);
        Assert.Contains("samesite=strict", attributes);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/supervisor");
        page.Headers.Add("Cookie", cookie.Split(';')[0]);
        using var supervisor = await client.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, supervisor.StatusCode);
        Assert.Contains("text/html", supervisor.Content.Headers.ContentType!.MediaType, StringComparison.Ordinal);
        AssertSecurityHeaders(supervisor, https: true);
    }

    [Fact]
    public async Task OverPlainHttp_TheHubRedirectsToHttps_AndSendsNoHsts()
    {
        var https = Address("https");
        using var client = Client(Address("http"));
        using var answer = await client.GetAsync("/supervisor/login");

        Assert.True(answer.StatusCode is HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect or HttpStatusCode.Redirect,
            $"{(int)answer.StatusCode}");
        Assert.Equal(new Uri(https, "/supervisor/login"), answer.Headers.Location);
        Assert.False(answer.Headers.Contains("Strict-Transport-Security"), "HSTS over http");
    }

    private static void AssertSecurityHeaders(HttpResponseMessage answer, bool https)
    {
        Assert.Equal(SecurityHeaders.ContentSecurityPolicy, answer.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Contains("frame-ancestors 'none'", answer.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", answer.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", answer.Headers.GetValues("X-Frame-Options").Single());
        if (https)
        {
            Assert.Equal("max-age=31536000", answer.Headers.GetValues("Strict-Transport-Security").Single());
        }
    }

    /// <summary>The endpoint of the given scheme Kestrel bound (the http one is HubApp's own loopback listener).</summary>
    private Uri Address(string scheme)
    {
        _ = _app.ServerAddress;
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        return new Uri(addresses.Single(a => a.StartsWith(scheme + "://", StringComparison.Ordinal)));
    }

    /// <summary>A client that trusts exactly the test's certificate (pinned, as a kiosk trusts the office CA), never redirects and keeps no cookies.</summary>
    private HttpClient Client(Uri baseAddress)
    {
        var handler = new HttpClientHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented is not null && presented.Thumbprint == _certificate.Thumbprint,
        };
        return new HttpClient(handler) { BaseAddress = baseAddress };
    }

    private static X509Certificate2 SelfSignedForLoopback()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=hub.office.lan", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, critical: true));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }
}
