using System.ComponentModel.DataAnnotations;
using QueueKiosk.HubClient.Realtime;

namespace QueueKiosk.CounterDisplay.Hub;

/// <summary>Where the hub is and who this display host is (configuration section "Hub").</summary>
public sealed class HubOptions
{
    public const string Section = "Hub";

    /// <summary>Hub.Server's base address, e.g. http://127.0.0.1:5080.</summary>
    [Required(ErrorMessage = "Hub:Url là bắt buộc / Hub:Url is required")]
    public Uri? Url { get; set; }

    /// <summary>This display host's device key (created by Hub.Server's device command, or the demo data).</summary>
    [Required(ErrorMessage = "Hub:DeviceKey là bắt buộc / Hub:DeviceKey is required")]
    public string DeviceKey { get; set; } = "";

    /// <summary>The site shown; when empty it is taken from the hub's answer for this device key.</summary>
    public Guid? SiteId { get; set; }

    /// <summary>
    /// How hub messages are encoded: Json (default, like the browser pages) or MessagePack (smaller
    /// and cheaper to decode; the hub accepts both).
    /// </summary>
    public HubProtocolKind Protocol { get; set; } = HubProtocolKind.Json;

    /// <summary>Longest wait between reconnect attempts: a LAN hub is back in seconds, so keep it short.</summary>
    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How often the host reports its health to the hub (also at once when an LED board fails or recovers).</summary>
    [Range(1, 3600, ErrorMessage = "Hub:HeartbeatSeconds phải từ 1 đến 3600 / Hub:HeartbeatSeconds must be 1..3600")]
    public int HeartbeatSeconds { get; set; } = 30;
}
