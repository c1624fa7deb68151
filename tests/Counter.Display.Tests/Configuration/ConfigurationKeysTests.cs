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
    public void DocumentedKeys_BindToOptions()
    {
        var keys = DocumentedConfiguration.FromDocuments();
        Assert.Contains(keys, k => Sections.Any(s => s.Item1 == k.Section));
        var problems = DocumentedConfiguration.Unbound(keys, Sections, allSectionsAreMine: false);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void SampleSettings_BindToOptions()
    {
        var keys = DocumentedConfiguration.FromSampleSettings("Counter.Display");
        Assert.Contains(keys, k => k.Section == VoiceOptions.SectionName);
        var problems = DocumentedConfiguration.Unbound(keys, Sections, allSectionsAreMine: true);
        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void AKeyNoOptionReads_IsReported()
    {
        var problems = DocumentedConfiguration.Unbound([new("Voice:Rate", "voice.md:1"), new("Voice:EspeakRate", "voice.md:2")], Sections, allSectionsAreMine: true);
        var problem = Assert.Single(problems);
        Assert.Contains("'Voice:Rate'", problem, StringComparison.Ordinal);
    }
}
