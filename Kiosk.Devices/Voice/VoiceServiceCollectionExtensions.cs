using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace QueueKiosk.Devices.Voice;

public static class VoiceServiceCollectionExtensions
{
    /// <summary>
    /// Binds section "Voice" (validated on start) and registers the speech engine (cached),
    /// <see cref="AnnouncementComposer"/>, <see cref="AnnouncementStore"/> and the hosted
    /// <see cref="AnnouncementQueue"/>. Register your own <see cref="ISpeechSynthesizer"/> first to
    /// replace the engine. The host maps an endpoint to <see cref="AnnouncementStore.TryGetWav"/>.
    /// </summary>
    public static IServiceCollection AddVoice(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<VoiceOptions>()
            .Bind(configuration.GetSection(VoiceOptions.SectionName))
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<VoiceOptions>, VoiceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ISpeechSynthesizer>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<VoiceOptions>>().Value;
            ISpeechSynthesizer engine = string.Equals(options.Engine, "Clips", StringComparison.OrdinalIgnoreCase)
                ? new RecordedClipSynthesizer(options.ClipsFolder!)
                : new EspeakNgSynthesizer(new EspeakNgOptions { Executable = options.EspeakExecutable, Voice = options.EspeakVoice, Rate = options.EspeakRate });
            return new CachingSpeechSynthesizer(engine, options.CacheSize);
        });
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<VoiceOptions>>().Value;
            return new AnnouncementComposer(sp.GetRequiredService<ISpeechSynthesizer>(), options.ToTextOptions(), options.ToSoundOptions());
        });
        services.TryAddSingleton(sp => new AnnouncementStore(sp.GetRequiredService<IOptions<VoiceOptions>>().Value.KeepLast));
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<VoiceOptions>>().Value;
            return new AnnouncementQueue(
                sp.GetRequiredService<AnnouncementComposer>(),
                sp.GetRequiredService<AnnouncementStore>(),
                options.WaitForPlayback,
                TimeSpan.FromMilliseconds(options.GapAfterPlaybackMs),
                sp.GetRequiredService<TimeProvider>(),
                sp.GetService<ILogger<AnnouncementQueue>>());
        });
        services.AddHostedService(sp => sp.GetRequiredService<AnnouncementQueue>());
        return services;
    }
}
