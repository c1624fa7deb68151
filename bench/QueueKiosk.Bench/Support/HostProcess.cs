using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace QueueKiosk.Bench.Support;

/// <summary>
/// One of our hosts (Hub.Server, Kiosk.Ui, Counter.Display) started as a real process on a loopback port (Release build next to the bench),
/// killed with its children on dispose. Benchmarks measure the system as it runs, not in-process.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => process.Id;

    /// <summary>Hub.Server, ready when /health/ready answers 200.</summary>
    public static Task<HostProcess> StartAsync(IReadOnlyDictionary<string, string> settings, CancellationToken cancellationToken) =>
        StartAsync("Hub.Server", settings, "/health/ready", null, cancellationToken);

    /// <summary>
    /// Any of our hosts, ready when <paramref name="readyPath"/> answers 200 and, if given, its body
    /// satisfies <paramref name="readyBody"/> (e.g. Counter.Display already in sync with the hub).
    /// </summary>
    public static async Task<HostProcess> StartAsync(
        string project,
        IReadOnlyDictionary<string, string> settings,
        string readyPath,
        Func<string, bool>? readyBody,
        CancellationToken cancellationToken)
    {
        var port = FreeLoopbackPort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var dll = HostDll(project);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add($"--urls={baseAddress}");
        foreach (var (key, value) in settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Request logging at Information would measure the console, not the queue.
        info.Environment["Logging__LogLevel__Default"] = "Warning";

        var process = new Process { StartInfo = info };
        var host = new HostProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitUntilReadyAsync(project, readyPath, readyBody, TimeSpan.FromSeconds(90), cancellationToken);
        return host;
    }

    /// <summary>The built DLL of a host project in the same configuration as the bench.</summary>
    public static string HostDll(string project)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "QueueKiosk.sln")))
        {
            dir = dir.Parent;
        }

        if (dir is null)
        {
            throw new InvalidOperationException("QueueKiosk.sln not found above " + AppContext.BaseDirectory);
        }

        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(dir.FullName, project, "bin", configuration, "net10.0", project + ".dll");
        return File.Exists(path) ? path : throw new FileNotFoundException($"{project} is not built in {configuration}: {path}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }

    private static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(string project, string readyPath, Func<string, bool>? readyBody, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{project} exited with code {process.ExitCode}:\n{Output()}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(readyPath, UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK
                    && (readyBody is null || readyBody(await response.Content.ReadAsStringAsync(cancellationToken))))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException($"{project} did not become ready within {timeout}:\n{Output()}");
    }

    public string Output()
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
