using Microsoft.Extensions.DependencyInjection;

namespace QueueKiosk.Devices.Printing.Layout;

public static class TicketPrintingServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates the <see cref="PrinterProfile"/> (a missing font or a bad code table
    /// stops start-up naming the key) and registers one shared <see cref="TicketRenderer"/>.
    /// </summary>
    public static IServiceCollection AddTicketRendering(this IServiceCollection services, string sectionName = PrinterProfile.DefaultSectionName)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddPrinterProfile(sectionName);
        services.AddSingleton<TicketRenderer>();
        return services;
    }
}
