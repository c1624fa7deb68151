using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Printing.Queue;
using QueueKiosk.Devices.Printing.Status;
using QueueKiosk.Devices.Printing.Transports;
using QueueKiosk.Devices.Serial;

namespace QueueKiosk.Devices.Printing;

public static class PrintingServiceCollectionExtensions
{
    /// <summary>
    /// Adds the ticket printer from the "Printer" configuration section: the transport it names,
    /// status polling and the print queue as a hosted service. The section is validated when the
    /// host starts; a bad value stops start-up with a message naming the key. Resolve
    /// <see cref="ITicketPrintQueue"/> to print; with Transport=Virtual the bytes go to the
    /// singleton <see cref="InMemoryPrinterTransport"/>.
    /// </summary>
    public static IServiceCollection AddTicketPrinting(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<PrinterOptions>()
            .Bind(configuration.GetSection(PrinterOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PrinterOptions>, PrinterOptionsValidator>());
        services.AddSerialPorts();
        services.TryAddSingleton<InMemoryPrinterTransport>();
        services.TryAddSingleton(CreateTransport);
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<PrinterOptions>>().Value;
            return new PrinterConnection(
                provider.GetRequiredService<IPrinterTransport>(),
                new PrinterStatusOptions { PollInterval = options.StatusPollInterval, ReplyTimeout = options.StatusReplyTimeout },
                provider.GetService<ILogger<PrinterConnection>>());
        });
        services.TryAddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<PrinterOptions>>().Value;
            return new TicketPrintQueue(
                provider.GetRequiredService<PrinterConnection>(),
                new PrintQueueOptions(options.QueuePath) { RetryInitialDelay = options.RetryInitialDelay, RetryMaxDelay = options.RetryMaxDelay },
                provider.GetService<ILogger<TicketPrintQueue>>());
        });
        services.TryAddSingleton<ITicketPrintQueue>(provider => provider.GetRequiredService<TicketPrintQueue>());
        services.AddHostedService(provider => provider.GetRequiredService<TicketPrintQueue>());
        return services;
    }

    private static IPrinterTransport CreateTransport(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<IOptions<PrinterOptions>>().Value;
        return options.Transport switch
        {
            PrinterTransportKind.Tcp => new TcpPrinterTransport(new TcpPrinterTransportOptions(options.Host!, options.Port)
            {
                ConnectTimeout = options.ConnectTimeout,
                WriteTimeout = options.WriteTimeout,
            }),
            PrinterTransportKind.Serial => new SerialPrinterTransport(options.Serial.ToSettings(), provider.GetRequiredService<ISerialPortFactory>()),
            PrinterTransportKind.Usb => new UsbPrinterTransport(options.UsbPath, options.WriteTimeout),
            _ => provider.GetRequiredService<InMemoryPrinterTransport>(),
        };
    }
}
