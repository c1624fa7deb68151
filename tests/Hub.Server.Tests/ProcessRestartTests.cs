using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests;

/// <summary>
/// Hub.Server as a real child process (dotnet Hub.Server.dll) on a SQLite file: issue, kill -9,
/// start again, issue again. The number after the crash continues; none is handed out twice.
/// </summary>
public sealed class ProcessRestartTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly SqliteTestDatabase _database = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Number_IsNeverReused_AfterTheProcessIsKilledAndRestarted()
    {
        var before = new List<TicketDto>();
        using (var first = await HubProcess.StartAsync(_database, output))
        {
            for (var i = 0; i < 3; i++)
            {
                before.Add(await first.IssueAsync("A"));
            }

            first.Kill();
        }

        using var second = await HubProcess.StartAsync(_database, output);
        var after = await second.IssueAsync("A");

        Assert.Equal([1, 2, 3], before.Select(t => t.NumberValue));
        // A real clock: should the test cross local midnight, the new day rightly starts at 1 again.
        if (after.LocalDay == before[^1].LocalDay)
        {
            Assert.Equal(4, after.NumberValue);
            Assert.Equal("A004", after.Number);
        }

        var snapshot = await second.Client.GetFromJsonAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot);
        Assert.Equal(4, snapshot!.Waiting.Count);
        Assert.Equal(4, snapshot.LastSequence);
    }

    private sealed class HubProcess : IDisposable
    {
        private readonly Process _process;

        private HubProcess(Process process, HttpClient client)
        {
            _process = process;
            Client = client;
        }

        public HttpClient Client { get; }

        public static async Task<HubProcess> StartAsync(SqliteTestDatabase database, ITestOutputHelper output)
        {
            var port = FreePort();
            var info = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = database.Directory_,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var arg in new[]
            {
                ServerDll(), "--urls", $"http://127.0.0.1:{port}", "--Database:Provider=Sqlite",
                $"--Database:ConnectionString={database.ConnectionString}", "--Demo:Enabled=true", "--Supervision:DemoCameras=false", "--Queue:IgnoreOpeningHours=true",
                "--Logging:LogLevel:Default=Warning",
            })
            {
                info.ArgumentList.Add(arg);
            }

            info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
            var process = Process.Start(info)!;
            process.OutputDataReceived += (_, e) => Log(output, e.Data);
            process.ErrorDataReceived += (_, e) => Log(output, e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();

            var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
            client.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, "demo-kiosk-key-0001");
            var started = Stopwatch.StartNew();
            while (true)
            {
                Assert.False(process.HasExited, $"Hub.Server exited with code {(process.HasExited ? process.ExitCode : 0)}");
                try
                {
                    if ((await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                    {
                        break;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not listening yet.
                }

                if (started.Elapsed > TimeSpan.FromSeconds(60))
                {
                    process.Kill(entireProcessTree: true);
                    throw new TimeoutException("Hub.Server did not become ready within 60 s");
                }

                await Task.Delay(200);
            }

            return new HubProcess(process, client);
        }

        public async Task<TicketDto> IssueAsync(string serviceCode)
        {
            var services = await Client.GetFromJsonAsync<List<ServiceDto>>(HubRoutes.Services);
            var response = await Client.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(services!.Single(s => s.Code == serviceCode).Id));
            response.EnsureSuccessStatusCode();
            return (await response.Content.ReadFromJsonAsync<TicketDto>())!;
        }

        /// <summary>SIGKILL: no shutdown hooks, no flush; what a power cut or OOM kill does to the process.</summary>
        public void Kill()
        {
            _process.Kill(entireProcessTree: true);
            Assert.True(_process.WaitForExit(20_000));
        }

        public void Dispose()
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(20_000);
            }

            _process.Dispose();
            Client.Dispose();
        }

        private static void Log(ITestOutputHelper output, string? line)
        {
            if (line is null)
            {
                return;
            }

            try
            {
                output.WriteLine(line);
            }
            catch (InvalidOperationException)
            {
                // The test already finished; its output is closed.
            }
        }

        private static int FreePort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        /// <summary>Hub.Server.dll built beside this test run (same configuration), found from the repository root.</summary>
        private static string ServerDll()
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QueueKiosk.sln")))
            {
                directory = directory.Parent;
            }

            Assert.NotNull(directory);
            var dll = Path.Combine(directory.FullName, "Hub.Server", "bin", configuration, "net10.0", "Hub.Server.dll");
            Assert.True(File.Exists(dll), $"Build Hub.Server first: {dll} not found");
            return dll;
        }
    }
}
