using System.Net;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;

namespace QueueKiosk.HubServer.Security;

/// <summary>What keeps attackers and slow clients out (issue 15): headers, same-origin writes, sign-in limits, request limits.</summary>
public static class SecurityExtensions
{
    /// <summary>Rate-limit policy of the sign-in: per client address, whoever the caller is signed in as.</summary>
    public const string SignInRateLimit = "sign-in";

    /// <summary>Largest request body the hub reads (a site logo of 256 KB in JSON is the largest we send).</summary>
    public const long MaxRequestBodyBytes = 4 * 1024 * 1024;

    public static IServiceCollection AddHubSecurity(this IServiceCollection services)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section)
            .Validate(o => o.SignInFailuresPerAddress > 0 && o.SignInFailuresPerAccount > 0 && o.SignInWindowMinutes > 0 && o.SignInRequestsPerMinute > 0,
                "Security:SignIn* limits must be positive")
            .Validate(o => o.AllowedOrigins.All(a => Uri.TryCreate(a, UriKind.Absolute, out _)), "Security:AllowedOrigins must be absolute URLs")
            .Validate(o => o.TrustedProxies.All(p => TrustedProxy.TryParse(p, out _)), "Security:TrustedProxies must be IP addresses or networks such as 10.0.0.0/24")
            .ValidateOnStart();
        services.AddSingleton<SignInThrottle>();
        services.AddSingleton<UnknownUserPassword>();
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(SignInRateLimit, ctx =>
        {
            var perMinute = ctx.RequestServices.GetRequiredService<IOptions<SecurityOptions>>().Value.SignInRequestsPerMinute;
            return RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
        }));

        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SecurityOptions>>((forwarded, security) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies, not the framework's default of loopback.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var proxy in security.Value.TrustedProxies)
            {
                if (TrustedProxy.TryParse(proxy, out var network))
                {
                    forwarded.KnownIPNetworks.Add(network);
                }
            }
        });

        // A client that sends its headers or body a few bytes at a time holds a connection for ever
        // unless Kestrel drops it (issue 15, item 9).
        services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.RequestHeadersTimeout = TimeSpan.FromSeconds(10);
            o.Limits.KeepAliveTimeout = TimeSpan.FromSeconds(60);
            o.Limits.MinRequestBodyDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
            o.Limits.MinResponseDataRate = new MinDataRate(bytesPerSecond: 240, gracePeriod: TimeSpan.FromSeconds(5));
            o.Limits.MaxRequestBodySize = MaxRequestBodyBytes;
            o.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
        });

        // Over HTTPS the cookie is marked Secure (SameAsRequest, the default); with Security:UseHttps it always is, a TLS proxy in front included.
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .PostConfigure<IOptions<SecurityOptions>>((cookie, security) =>
            {
                if (security.Value.UseHttps)
                {
                    cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
                }
            });
        return services;
    }

    /// <summary>Runs before authentication: headers on every answer, https, and the same-origin check of writes.</summary>
    public static WebApplication UseHubSecurity(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value;
        if (options.TrustedProxies.Count > 0)
        {
            // First: everything after it (https, rate limits, audit) sees the client's address.
            app.UseForwardedHeaders();
        }

        app.UseSecurityHeaders(options.UseHttps);
        if (options.UseHttps)
        {
            app.UseHttpsRedirection();
        }

        app.UseMiddleware<SameOriginCheck>();
        return app;
    }
}

/// <summary>One entry of Security:TrustedProxies: an address ("10.0.0.5") or a network ("10.0.0.0/24").</summary>
public static class TrustedProxy
{
    public static bool TryParse(string? text, out System.Net.IPNetwork network)
    {
        network = default;
        var value = text?.Trim() ?? "";
        if (System.Net.IPNetwork.TryParse(value, out network))
        {
            return true;
        }

        if (IPAddress.TryParse(value, out var address))
        {
            network = new System.Net.IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
            return true;
        }

        return false;
    }
}
