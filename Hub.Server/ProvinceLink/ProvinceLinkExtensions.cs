namespace QueueKiosk.HubServer.ProvinceLink;

public static class ProvinceLinkExtensions
{
    public static IServiceCollection AddProvinceLink(this IServiceCollection services)
    {
        services.AddOptions<ProvinceLinkOptions>().BindConfiguration(ProvinceLinkOptions.Section)
            .Validate(o => string.IsNullOrWhiteSpace(o.Url) || (Uri.TryCreate(o.Url, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"),
                "Province:Url must be an absolute http(s) URL")
            .Validate(o => o.BatchSize is >= 1 and <= 5000, "Province:BatchSize must be 1 to 5000")
            .Validate(o => o.BatchIntervalMilliseconds is >= 0 and <= 60_000, "Province:BatchIntervalMilliseconds must be 0 to 60000")
            .Validate(o => o.MaxBackoffSeconds is >= 1 and <= 3600, "Province:MaxBackoffSeconds must be 1 to 3600")
            .Validate(o => o.DossierTimeoutMilliseconds is >= 100 and <= 60_000, "Province:DossierTimeoutMilliseconds must be from 100 to 60000")
            .ValidateOnStart();
        services.AddSingleton<ProvinceOutbox>();
        services.AddSingleton<OutboxFacts>();
        // Always registered: it reads its settings when the host starts and stays idle with the link off.
        services.AddHttpClient(ProvinceShipper.HttpClientName);
        services.AddHostedService<ProvinceShipper>();
        return services;
    }
}
