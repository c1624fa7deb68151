using Microsoft.Extensions.Options;
using QueueKiosk.HubServer.ProvinceLink;

namespace QueueKiosk.HubServer.Dossiers.Upstream;

public static class DossierUpstreamExtensions
{
    /// <summary>
    /// Registers the province-backed source when the province link is on (Province:Url and
    /// Province:SiteKey, bound and validated by AddProvinceLink); false when the site answers alone.
    /// </summary>
    public static bool AddDossierUpstream(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ProvinceDossierOptions>().BindConfiguration(ProvinceDossierOptions.Section).ValidateOnStart();
        services.AddSingleton<DossierConfirmations>();
        services.AddScoped<IProvinceDossierStore, HubDbProvinceDossierStore>();
        if (configuration.GetSection(ProvinceLinkOptions.Section).Get<ProvinceLinkOptions>() is not { Enabled: true })
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
