using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace QueueKiosk.Devices.Serial;

public static class SerialServiceCollectionExtensions
{
    /// <summary>Registers the System.IO.Ports <see cref="ISerialPortFactory"/> unless another one is registered.</summary>
    public static IServiceCollection AddSerialPorts(this IServiceCollection services)
    {
        services.TryAddSingleton<ISerialPortFactory, SerialPortFactory>();
        return services;
    }
}
