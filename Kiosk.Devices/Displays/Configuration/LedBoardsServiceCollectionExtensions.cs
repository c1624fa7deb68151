using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Serial;

namespace QueueKiosk.Devices.Displays.Configuration;

public static class LedBoardsServiceCollectionExtensions
{
    /// <summary>
    /// Binds section "LedBoards" (validated on start: a bad key stops the host naming it) and
    /// registers a <see cref="LedBoardSet"/> that opens the port through <see cref="ISerialPortFactory"/>
    /// when first resolved. Register a different ISerialPortFactory first to use a simulated line.
    /// </summary>
    public static IServiceCollection AddLedBoards(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LedBoardsOptions>()
            .Bind(configuration.GetSection(LedBoardsOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LedBoardsOptions>, LedBoardsOptionsValidator>());
        services.AddSerialPorts();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LedBoardsOptions>>().Value;
            var ports = sp.GetRequiredService<ISerialPortFactory>();
            return LedBoardSet.Create(
                options,
                () => ports.Open(options.Port.ToSerialPortSettings()),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILoggerFactory>()?.CreateLogger<LedBoardSet>());
        });
        return services;
    }
}
