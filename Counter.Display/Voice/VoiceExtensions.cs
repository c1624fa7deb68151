using Microsoft.Extensions.Options;
using QueueKiosk.Devices.Voice;

namespace QueueKiosk.CounterDisplay.Voice;

public static class VoiceExtensions
{
    /// <summary>Kiosk.Devices' voice (espeak-ng or recorded clips, chime, repeats) behind <see cref="HallVoice"/>.</summary>
    public static IServiceCollection AddHallVoice(this IServiceCollection services)
    {
        services.AddSingleton(sp =>
        {
            var o = sp.GetRequiredService<IOptions<VoiceOptions>>().Value;
            ISpeechSynthesizer speech = string.IsNullOrWhiteSpace(o.ClipFolder)
                ? new EspeakNgSynthesizer(new EspeakNgOptions { Voice = o.EspeakVoice, Rate = o.Rate })
                : new RecordedClipSynthesizer(o.ClipFolder);
            return new AnnouncementComposer(
                new CachingSpeechSynthesizer(speech),
                new AnnouncementTextOptions { Template = o.Template, NumberReading = o.NumberReading },
                new AnnouncementSoundOptions { Chime = o.Chime, Repeat = o.Repeat });
        });
        services.AddSingleton(sp => new AnnouncementStore());
        services.AddSingleton(sp => new AnnouncementQueue(
            sp.GetRequiredService<AnnouncementComposer>(),
            sp.GetRequiredService<AnnouncementStore>(),
            waitForPlayback: true,
            logger: sp.GetRequiredService<ILogger<AnnouncementQueue>>()));
        services.AddHostedService(sp => sp.GetRequiredService<AnnouncementQueue>());
        services.AddSingleton(sp => new HallVoice(
            sp.GetRequiredService<State.DisplayState>(),
            sp.GetRequiredService<AnnouncementComposer>(),
            sp.GetRequiredService<IOptions<VoiceOptions>>(),
            sp.GetRequiredService<ILogger<HallVoice>>(),
            sp.GetRequiredService<AnnouncementQueue>()));
        return services;
    }
}
