using System.Diagnostics;
using System.Text;

namespace QueueKiosk.TestSupport.Hosts;

/// <summary>
/// One of our hosts (Hub.Server, Kiosk.Ui, Counter.Display) started as a real process on a
/// loopback port, the way ./run.sh starts it, from the build in the caller's configuration.
/// Killed with its children on dispose. Its output is kept so a failure can show why the host
/// did not come up. Used by the end-to-end tests and the bench.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private HostProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="project"/> on <paramref name="port"/> (0 = pick one) with the given
    /// configuration (key=value, passed as --key=value) and waits until /health/live answers.
    /// </summary>
    public static Task<HostProcess> StartAsync(
        string project,
        IReadOnlyDictionary<string, string?> settings,
        int port = 0,
        TimeSpan? startTimeout = null)
    {
        var launch = new HostLaunch(project, settings) { Port = port };
        return StartAsync(startTimeout is { } timeout ? launch with { StartTimeout = timeout } : launch);
    }

    /// <summary>Starts the host <paramref name="launch"/> describes and waits until it is ready.</summary>
    public static async Task<HostProcess> StartAsync(HostLaunch launch, CancellationToken cancellationToken = default)
    {
        var port = launch.Port == 0 ? FreePort.Next() : launch.Port;
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var dll = RepoPaths.HostDll(launch.Project);
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(dll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        info.ArgumentList.Add($"--urls={baseAddress}");
        foreach (var (key, value) in launch.Settings)
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in launch.Environment)
        {
            info.Environment[name] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new HostProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await host.WaitUntilReadyAsync(launch, cancellationToken);
        }
        catch
        {
            // A host that never became ready is nobody else's to stop.
            await host.DisposeAsync();
            throw;
        }

        return host;
    }

    /// <summary>Kills the process at once (as a power cut or `kill -9` would).</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync(HostLaunch launch, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + launch.StartTimeout;
        while (DateTime.UtcNow < deadline)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{launch.Project} exited with code {_process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri(launch.ReadyPath, UriKind.Relative), cancellationToken);
                if (response.IsSuccessStatusCode
                    && (launch.ReadyBody is null || launch.ReadyBody(await response.Content.ReadAsStringAsync(cancellationToken))))
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // The 2 s request timeout: the host is still starting.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException(
            $"{launch.Project} at {BaseAddress} was not ready at {launch.ReadyPath} within {launch.StartTimeout}:\n{Output}");
    }
}
