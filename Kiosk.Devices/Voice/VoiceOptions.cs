namespace QueueKiosk.Devices.Voice;

/// <summary>Configuration section "Voice" (hardware-docs/voice.md).</summary>
public sealed class VoiceOptions
{
    public const string SectionName = "Voice";

    /// <summary>Speak calls at all; when off a host only shows them.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>EspeakNg or Clips.</summary>
    public string Engine { get; set; } = "EspeakNg";

    public string EspeakExecutable { get; set; } = "espeak-ng";

    /// <summary>vi, vi-vn-x-central or vi-vn-x-south.</summary>
    public string EspeakVoice { get; set; } = "vi";

    /// <summary>Words per minute, 80..450.</summary>
    public int EspeakRate { get; set; } = 130;

    /// <summary>Folder of recorded clips when Engine is Clips.</summary>
    public string? ClipsFolder { get; set; }

    public string Template { get; set; } = AnnouncementTextOptions.DefaultTemplate;

    /// <summary>Each further call when a backlog is said in one sentence.</summary>
    public string FollowingTemplate { get; set; } = AnnouncementTextOptions.DefaultFollowingTemplate;

    /// <summary>Digits or Words.</summary>
    public string NumberReading { get; set; } = nameof(Voice.NumberReading.Digits);

    /// <summary>"tư" or "bốn" for 4 after mươi.</summary>
    public string FourAfterTens { get; set; } = "tư";

    /// <summary>"linh" or "lẻ" for an empty tens place.</summary>
    public string ZeroTens { get; set; } = "linh";

    public bool Chime { get; set; } = true;

    public int Repeat { get; set; } = 2;

    public int PauseBetweenRepeatsMs { get; set; } = 800;

    /// <summary>Hold the next call until this one has had time to play.</summary>
    public bool WaitForPlayback { get; set; } = true;

    public int GapAfterPlaybackMs { get; set; } = 500;

    /// <summary>How many announcements (and their WAVs) the store keeps.</summary>
    public int KeepLast { get; set; } = 50;

    /// <summary>How many synthesized sentences are cached.</summary>
    public int CacheSize { get; set; } = 200;

    public AnnouncementTextOptions ToTextOptions() => new()
    {
        Template = Template,
        FollowingTemplate = FollowingTemplate,
        NumberReading = Enum.Parse<NumberReading>(NumberReading, ignoreCase: true),
        Reading = new VietnameseReadingOptions { FourAfterTens = FourAfterTens, ZeroTens = ZeroTens },
    };

    public AnnouncementSoundOptions ToSoundOptions() => new()
    {
        Chime = Chime,
        Repeat = Repeat,
        BetweenRepeats = TimeSpan.FromMilliseconds(PauseBetweenRepeatsMs),
    };
}
