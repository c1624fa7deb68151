using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace QueueKiosk.CounterDisplay.Tests.Host;

/// <summary>
/// Counter.Display in memory, pointed at a hub that is not there (port 9 on loopback refuses at
/// once), so tests drive its DisplayState directly and watch what pages and boards get.
/// </summary>
public sealed class DisplayHostFactory(IReadOnlyDictionary<string, string?>? overrides = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in Settings(overrides))
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The test configuration with <paramref name="overrides"/> laid over it.</summary>
    public static Dictionary<string, string?> Settings(IReadOnlyDictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Hub:Url"] = "http://127.0.0.1:9",
            ["Hub:DeviceKey"] = "test-display-key",
            ["Hub:SiteId"] = State.Samples.Site.ToString(),
            ["Voice:Enabled"] = "false",
            ["Display:VirtualLedBoards:0"] = "1",
            ["Display:NewsLine"] = "Thông báo thử",
        };
        foreach (var (key, value) in overrides ?? new Dictionary<string, string?>())
        {
            settings[key] = value;
        }

        return settings;
    }
}
