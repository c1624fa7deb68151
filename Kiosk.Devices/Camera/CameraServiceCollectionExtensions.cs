using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace QueueKiosk.Devices.Camera;

public static class CameraServiceCollectionExtensions
{
    /// <summary>
    /// Registers the cameras of configuration section <c>Cameras</c> (a list; see
    /// hardware-docs/cameras.md), validated on start, and a hosted <see cref="CameraRegistry"/>
    /// that runs one ffmpeg per camera. Pair with <c>MapCameraEndpoints</c>.
    /// </summary>
    /// <param name="configuration">The root configuration (the section is looked up by name).</param>
    public static IServiceCollection AddCameras(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CamerasOptions>()
            .Configure(o => configuration.GetSection(CamerasOptions.SectionName).Bind(o.Cameras))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<CamerasOptions>, CameraOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<CameraRegistry>();
        services.AddHostedService(sp => sp.GetRequiredService<CameraRegistry>());
        return services;
    }
}
