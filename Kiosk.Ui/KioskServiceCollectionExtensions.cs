using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Hub;
using QueueKiosk.KioskUi.Printing;
using QueueKiosk.KioskUi.Status;
using QueueKiosk.KioskUi.Tickets;

namespace QueueKiosk.KioskUi;

public static class KioskServiceCollectionExtensions
{
    /// <summary>Options (validated at start), the hub client, catalogue cache, take-a-number and heartbeat.</summary>
    public static IServiceCollection AddKiosk(this IServiceCollection services)
    {
        services.AddOptions<KioskOptions>()
            .BindConfiguration(KioskOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<KioskOptions>, KioskOptionsValidator>();

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<HubLink>();
        services.AddHttpClient<IKioskHub, HttpKioskHub>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<KioskOptions>>().Value;
            http.BaseAddress = new Uri(options.HubUrl.TrimEnd('/') + "/");
            http.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, options.DeviceKey);
            // Short: a citizen is waiting in front of the screen, and a dead hub must show quickly.
            http.Timeout = TimeSpan.FromSeconds(5);
        });

        services.AddSingleton<CatalogueStore>();
        services.AddSingleton<CatalogueRefreshService>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogueRefreshService>());
        services.AddSingleton<KioskState>();
        services.AddSingleton<HeartbeatService>();
        services.AddHostedService(sp => sp.GetRequiredService<HeartbeatService>());
        services.AddScoped<TakeNumberService>();

        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    /// <summary>The ticket printer: the print queue when Printer:Enabled (default), otherwise none.</summary>
    public static IServiceCollection AddKioskPrinter(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<ITicketPrinter, UnconfiguredPrinter>();
        return services;
    }
}
