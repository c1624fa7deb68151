using System.Diagnostics;
using QueueKiosk.EndToEnd.Tests.Infrastructure;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.EndToEnd.Tests.Administration;

/// <summary>
/// An office on its first day: Hub.Server in production mode (no demo flag) on an empty database
/// of the given provider, the set-up command line an installer runs, then Kiosk.Ui and
/// Counter.Display started with the device keys the administrator made in the pages.
/// </summary>
public sealed class OfficeRig : IAsyncDisposable
{
    private readonly List<HostProcess> _devices = [];

    private OfficeRig(TestDatabase database, string root)
    {
        Database = database;
        Root = root;
    }

    public TestDatabase Database { get; }

    public string Root { get; }

    public HostProcess Hub { get; private set; } = null!;

    public Uri BaseAddress => Hub.BaseAddress;

    /// <summary>Null when the provider is PostgreSQL and it is not reachable (and not required).</summary>
    public static async Task<OfficeRig?> StartAsync(string provider)
    {
        TestDatabase? database = provider == "Postgres"
            ? (await PostgresTestDatabase.TryCreateAsync()).Database
            : new SqliteTestDatabase();
        if (database is null)
        {
            return null;
        }

        var rig = new OfficeRig(database, Directory.CreateTempSubdirectory("qk-office-").FullName);
        try
        {
            rig.Hub = await HostProcess.StartAsync("Hub.Server", rig.HubSettings());
        }
        catch
        {
            await rig.DisposeAsync();
            throw;
        }

        return rig;
    }

    private Dictionary<string, string?> HubSettings() => new()
    {
        ["Database:Provider"] = Database.Provider,
        ["Database:ConnectionString"] = Database.ConnectionString,
        ["Supervision:DemoCameras"] = "false",
        // Tests run at any hour on any day; the hours the administrator sets are checked by their own tests.
        ["Queue:IgnoreOpeningHours"] = "true",
    };

    /// <summary>Runs Hub.Server's set-up command (e.g. "admin create ...") on the rig's database, as an installer would.</summary>
    public async Task<string> RunCommandAsync(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(RepoPaths.HostDll("Hub.Server"))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(RepoPaths.HostDll("Hub.Server"));
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var (key, value) in HubSettings())
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{string.Join(' ', args)}' exited {process.ExitCode}: {await output}{await error}");
        }

        return await output;
    }

    public async Task<HostProcess> StartKioskAsync(string deviceKey, string siteCode)
    {
        var port = FreePort.Next();
        var kiosk = await HostProcess.StartAsync("Kiosk.Ui", new Dictionary<string, string?>
        {
            ["Kiosk:HubUrl"] = Hub.BaseAddress.ToString(),
            ["Kiosk:DeviceKey"] = deviceKey,
            ["Kiosk:SiteCode"] = siteCode,
            ["Kiosk:Name"] = "Kiosk sảnh",
            ["Kiosk:IgnoreOpeningHours"] = "true",
            ["Kiosk:HeartbeatSeconds"] = "2",
            // The shortest refresh KioskOptions accepts, so a retired service leaves the kiosk soon.
            ["Kiosk:CatalogueRefreshSeconds"] = "5",
            ["Kiosk:CataloguePath"] = Path.Combine(Root, "kiosk", "catalogue.json"),
            ["Printer:Transport"] = "Virtual",
            ["Printer:VirtualOutputPath"] = Path.Combine(Root, "printed"),
            ["Printer:QueuePath"] = Path.Combine(Root, "kiosk", "print-queue.journal"),
        }, port);
        _devices.Add(kiosk);
        return kiosk;
    }

    public async Task<HostProcess> StartDisplayAsync(string deviceKey)
    {
        var display = await HostProcess.StartAsync("Counter.Display", new Dictionary<string, string?>
        {
            ["Hub:Url"] = Hub.BaseAddress.ToString(),
            ["Hub:DeviceKey"] = deviceKey,
            ["Voice:Enabled"] = "false",
        });
        _devices.Add(display);
        return display;
    }

    public string Logs => string.Join("\n", [$"--- Hub.Server ---\n{Hub?.Output}", .. _devices.Select(d => $"--- {d.BaseAddress} ---\n{d.Output}")]);

    public async ValueTask DisposeAsync()
    {
        foreach (var device in _devices)
        {
            await device.DisposeAsync();
        }

        if (Hub is not null)
        {
            await Hub.DisposeAsync();
        }

        await Database.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A process may still hold a file for a moment; the OS temp cleaner gets it.
        }
    }
}
