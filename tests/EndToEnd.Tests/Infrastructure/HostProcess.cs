using System.Diagnostics;
using System.Text;

namespace QueueKiosk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// One of our hosts (Hub.Server, Kiosk.Ui, Counter.Display) started as a real process on a
/// loopback port, the way ./run.sh starts it. Killed with its children on dispose.
/// Its output is kept so a failing test can show why the host did not come up.
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

    public bool HasExited => process.HasExited;

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>
    /// Starts <paramref name="project"/> on <paramref name="port"/> (0 = pick one) with the given
    /// configuration (key=value, passed as --key=value) and waits until /health/live answers.
    /// </summary>
    public static async Task<HostProcess> StartAsync(
        string project,
        IReadOnlyDictionary<string, string?> settings,
        int port = 0,
        TimeSpan? startTimeout = null)
    {
        port = port == 0 ? FreePort.Next() : port;
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var dll = RepoPaths.HostDll(project);
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
        info.Environment["DOTNET_NOLOGO"] = "1";

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var host = new HostProcess(process, baseAddress);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        await host.WaitUntilLiveAsync(startTimeout ?? TimeSpan.FromSeconds(60));
        return host;
    }

    /// <summary>Kills the process at once (as a power cut or `kill -9` would).</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
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

    private async Task WaitUntilLiveAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"host exited with code {process.ExitCode}:\n{Output}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/health/live", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"host at {BaseAddress} did not answer /health/live within {timeout}:\n{Output}");
    }
}
