using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.EndToEnd.Tests.Calling;

/// <summary>
/// A hall as ./run.sh starts it, on loopback: Hub.Server in demo mode on a temp SQLite file,
/// Counter.Display with its device key, a framed-protocol LED board for counter 1 on a socat
/// pty (checked by the board emulator) and a virtual board for counter 2.
/// </summary>
public sealed class CallingRig : IAsyncDisposable
{
    public const string DisplayKey = "demo-display-key-0001";
    public const string KioskKey = "demo-kiosk-key-0001";
    public const string Password = "Demo@123";
    public const byte LedAddress = 1;

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly string _dataDirectory;
    private readonly Dictionary<string, string?> _hubSettings;

    private CallingRig(string dataDirectory, Dictionary<string, string?> hubSettings, HostProcess hub, PtyBoardEmulator led)
    {
        _dataDirectory = dataDirectory;
        _hubSettings = hubSettings;
        Hub = hub;
        Led = led;
    }

    public HostProcess Hub { get; private set; }

    public HostProcess Display { get; private set; } = null!;

    public PtyBoardEmulator Led { get; }

    public int HubPort => Hub.BaseAddress.Port;

    /// <param name="voice">Whether the display says the calls.</param>
    /// <param name="hubProtocol">The display's Hub:Protocol: "Json" (its default) or "MessagePack".</param>
    public static async Task<CallingRig> StartAsync(bool voice = true, string hubProtocol = "Json")
    {
        var dir = Directory.CreateTempSubdirectory("qk-calling-").FullName;
        var hubSettings = new Dictionary<string, string?>
        {
            ["Demo:Enabled"] = "true",
            // The demo's two synthetic cameras are for the supervisor's tests; here they would only cost CPU.
            ["Supervision:DemoCameras"] = "false",
            ["Queue:IgnoreOpeningHours"] = "true",
            ["Database:Provider"] = "Sqlite",
            ["Database:ConnectionString"] = $"Data Source={Path.Combine(dir, "hub.db")}",
        };
        var led = await PtyBoardEmulator.StartAsync(new LedBoardEmulator(EmulatedProtocol.Framed, LedAddress));
        var hub = await HostProcess.StartAsync("Hub.Server", hubSettings);
        var rig = new CallingRig(dir, hubSettings, hub, led);
        try
        {
            rig.Display = await HostProcess.StartAsync("Counter.Display", new Dictionary<string, string?>
            {
                ["Hub:Url"] = hub.BaseAddress.ToString(),
                ["Hub:DeviceKey"] = DisplayKey,
                ["Hub:Protocol"] = hubProtocol,
                ["LedBoards:Port:PortName"] = led.HostPath,
                ["LedBoards:Boards:0:CounterNumber"] = "1",
                ["LedBoards:Boards:0:Protocol"] = "Framed",
                ["LedBoards:Boards:0:Address"] = LedAddress.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["LedBoards:Boards:0:Digits"] = "4",
                ["Display:VirtualLedBoards:0"] = "2",
                ["Voice:Enabled"] = voice ? "true" : "false",
                ["Voice:Repeat"] = "1",
            });
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }

        return rig;
    }

    /// <summary>Kills Hub.Server (as a power cut would).</summary>
    public Task KillHubAsync() => Hub.KillAsync();

    /// <summary>Starts Hub.Server again on the same port and database.</summary>
    public async Task RestartHubAsync()
    {
        var port = HubPort;
        await Hub.DisposeAsync();
        Hub = await HostProcess.StartAsync("Hub.Server", _hubSettings, port);
    }

    public HttpClient HubClient(string? deviceKey = null)
    {
        var http = new HttpClient { BaseAddress = Hub.BaseAddress, Timeout = TimeSpan.FromSeconds(20) };
        if (deviceKey is not null)
        {
            http.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, deviceKey);
        }

        return http;
    }

    public async Task<QueueSnapshotDto> SnapshotAsync()
    {
        using var http = HubClient(DisplayKey);
        return (await http.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot, Json))!;
    }

    public async Task<TicketDto> TicketAsync(Guid id)
    {
        using var http = HubClient(DisplayKey);
        return (await http.GetFromJsonAsync<TicketDto>(HubRoutes.Ticket(id), Json))!;
    }

    /// <summary>Takes a ticket at the kiosk for the first service counter <paramref name="counterNumber"/> serves.</summary>
    public async Task<TicketDto> IssueTicketForCounterAsync(int counterNumber)
    {
        var snapshot = await SnapshotAsync();
        var counter = snapshot.Counters.Single(c => c.Number == counterNumber);
        using var http = HubClient(KioskKey);
        using var response = await http.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(ServiceId: counter.Services[0].ServiceId), Json);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TicketDto>(Json))!;
    }

    /// <summary>What the display host's /leds/state (the JSON behind the /leds picture) reports for a virtual board.</summary>
    public async Task<string?> VirtualLedAsync(int counterNumber)
    {
        using var http = new HttpClient { BaseAddress = Display.BaseAddress, Timeout = TimeSpan.FromSeconds(10) };
        using var doc = JsonDocument.Parse(await http.GetStringAsync("leds/state"));
        return doc.RootElement.EnumerateArray()
            .Where(e => e.GetProperty("counter").GetInt32() == counterNumber)
            .Select(e => e.GetProperty("shown").GetString())
            .FirstOrDefault();
    }

    /// <summary>Output of both hosts, for failure messages.</summary>
    public string Logs => $"--- Hub.Server ---\n{Hub.Output}\n--- Counter.Display ---\n{Display?.Output}";

    public async ValueTask DisposeAsync()
    {
        if (Display is not null)
        {
            await Display.DisposeAsync();
        }

        await Hub.DisposeAsync();
        await Led.DisposeAsync();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
