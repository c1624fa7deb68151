using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Voice;

namespace QueueKiosk.CounterDisplay.Voice;

public static class VoiceExtensions
{
    /// <summary>
    /// Kiosk.Devices' voice (section "Voice", bound and validated there: hardware-docs/voice.md)
    /// behind <see cref="HallVoice"/>.
    /// </summary>
    public static IServiceCollection AddHallVoice(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddVoice(configuration);
        services.AddSingleton(sp => new HallVoice(
            sp.GetRequiredService<State.DisplayState>(),
            sp.GetRequiredService<AnnouncementComposer>(),
            sp.GetRequiredService<IOptions<VoiceOptions>>(),
            sp.GetRequiredService<ILogger<HallVoice>>(),
            sp.GetRequiredService<AnnouncementQueue>()));
        return services;
    }
}
