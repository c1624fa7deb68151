using Microsoft.Extensions.Options;

namespace QueueKiosk.HubServer.Dossiers.Upstream;

public static class DossierUpstreamExtensions
{
    /// <summary>Registers the province-backed source when Upstream:BaseUrl is set; false when the site answers alone.</summary>
    public static bool AddDossierUpstream(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<UpstreamOptions>().BindConfiguration(UpstreamOptions.Section)
            .Validate(o => o.BaseUrl is null || o.BaseUrl.IsAbsoluteUri, "Upstream:BaseUrl must be an absolute http(s) address")
            .Validate(o => o.TimeoutMilliseconds is >= 100 and <= 60_000, "Upstream:TimeoutMilliseconds must be from 100 to 60000")
            .ValidateOnStart();
        services.AddOptions<ProvinceDossierOptions>().BindConfiguration(ProvinceDossierOptions.Section).ValidateOnStart();
        services.AddSingleton<DossierConfirmations>();
        services.AddScoped<IProvinceDossierStore, HubDbProvinceDossierStore>();
        if (configuration.GetSection(UpstreamOptions.Section).Get<UpstreamOptions>()?.BaseUrl is null)
        {
            return false;
        }

        services.AddHttpClient<IDossierStatusSource, UpstreamDossierStatusSource>(UpstreamDossierStatusSource.HttpClientName);
        return true;
    }

    /// <summary>Whether a key from a header equals the configured one, in time independent of where they differ.</summary>
    public static bool SameKey(string? given, string? configured) =>
        !string.IsNullOrEmpty(given) && !string.IsNullOrEmpty(configured)
        && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(configured));

    internal static ProvinceDossierOptions Province(this IServiceProvider services) =>
        services.GetRequiredService<IOptions<ProvinceDossierOptions>>().Value;
}
