using QueueKiosk.CounterDisplay.Hub;
using QueueKiosk.Devices.Displays.Configuration;
using QueueKiosk.Devices.Voice;

namespace QueueKiosk.CounterDisplay.Tests.Configuration;

/// <summary>Every key documented for Counter.Display, or in its appsettings.json, reaches a real option property.</summary>
public class ConfigurationKeysTests
{
    /// <summary>The sections Counter.Display binds (CounterDisplayExtensions, AddVoice, AddLedBoards) and their option classes.</summary>
    private static readonly (string, Type)[] Sections =
    [
        (HubOptions.Section, typeof(HubOptions)),
        (DisplayOptions.Section, typeof(DisplayOptions)),
        (VoiceOptions.SectionName, typeof(VoiceOptions)),
        (LedBoardsOptions.SectionName, typeof(LedBoardsOptions)),
    ];

    [Fact]
    public void DocumentedKeys_BindToOptions() => DocumentedConfiguration.DocumentsBindTo(Sections);

    [Fact]
    public void SampleSettings_BindToOptions() => DocumentedConfiguration.SampleSettingsBindTo("Counter.Display", Sections);

    [Fact]
    public void AKeyNoOptionReads_IsReported()
    {
        var problems = DocumentedConfiguration.Unbound([new("Voice:Rate", "voice.md:1"), new("Voice:EspeakRate", "voice.md:2")], Sections, allSectionsAreMine: true);
        var problem = Assert.Single(problems);
        Assert.Contains("'Voice:Rate'", problem, StringComparison.Ordinal);
    }
}
