using System.Text.Json.Serialization;
using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Printing;
using QueueKiosk.Devices.Printing.Layout;
using QueueKiosk.Devices.Printing.Queue;
using QueueKiosk.Devices.Printing.Transports;
using QueueKiosk.HubClient.Rest;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.CitizenCard;
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
        services.AddHttpClient<DeviceApiClient>((sp, http) =>
        {
            var options = sp.GetRequiredService<IOptions<KioskOptions>>().Value;
            DeviceApiClient.Configure(http, new Uri(options.HubUrl), options.DeviceKey);
            // Short: a citizen is waiting in front of the screen, and a dead hub must show quickly.
            http.Timeout = TimeSpan.FromSeconds(5);
        });
        services.AddTransient<IKioskBackend, KioskBackend>();

        services.AddSingleton<CatalogueStore>();
        services.AddSingleton<CatalogueRefreshService>();
        services.AddHostedService(sp => sp.GetRequiredService<CatalogueRefreshService>());
        services.AddSingleton<KioskState>();
        services.AddSingleton<HeartbeatService>();
        services.AddHostedService(sp => sp.GetRequiredService<HeartbeatService>());
        services.AddHostedService<HubProbeService>();
        services.AddScoped<TakeNumberService>();
        services.AddSingleton<CitizenPresence>();
        services.AddScoped<Appointments.CheckInService>();

        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return services;
    }

    /// <summary>
    /// The ticket printer from the "Printer" section (profile and transport, validated at start):
    /// the Kiosk.Devices print queue, and in demo mode (Transport=Virtual) the virtual printer
    /// saving PNGs. Kiosk:PrinterEnabled=false runs without a printer (numbers on screen only).
    /// </summary>
    public static IServiceCollection AddKioskPrinter(this IServiceCollection services, IConfiguration configuration)
    {
        if (!configuration.GetValue($"{KioskOptions.SectionName}:PrinterEnabled", true))
        {
            services.AddSingleton<ITicketPrinter, UnconfiguredPrinter>();
            return services;
        }

        services.AddPrinterProfile();
        services.AddTicketPrinting(configuration);
        services.AddSingleton(_ => new TicketRenderer());
        services.AddSingleton<ITicketPrinter>(sp => new QueueTicketPrinter(
            sp.GetRequiredService<ITicketPrintQueue>(),
            sp.GetRequiredService<TicketRenderer>(),
            sp.GetRequiredService<IOptions<PrinterProfile>>().Value,
            sp.GetRequiredService<IOptions<KioskOptions>>().Value.TicketLookupUrl));

        var transport = configuration.GetValue($"{PrinterOptions.SectionName}:{nameof(PrinterOptions.Transport)}", PrinterTransportKind.Virtual);
        if (transport == PrinterTransportKind.Virtual)
        {
            services.AddSingleton(sp => new VirtualPrinterHost(
                sp.GetRequiredService<InMemoryPrinterTransport>(),
                sp.GetRequiredService<TicketRenderer>(),
                sp.GetRequiredService<IOptions<PrinterProfile>>().Value,
                Path.GetFullPath(sp.GetRequiredService<IOptions<PrinterOptions>>().Value.VirtualOutputPath, sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
            services.AddHostedService(sp => sp.GetRequiredService<VirtualPrinterHost>());
        }

        return services;
    }
}
