using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace QueueKiosk.Devices.Processes;

/// <summary>The program of a <see cref="ProcessCommand"/> could not be started (not found, not executable).</summary>
public sealed class ProcessStartException(ProcessCommand command, Exception inner)
    : Exception($"Không chạy được '{command.FileName}' / cannot start '{command.FileName}': {inner.Message}", inner)
{
    public ProcessCommand Command { get; } = command;
}

/// <summary>What a finished run wrote and how it ended.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError);

/// <summary>
/// The one way the drivers start a program (ffmpeg, espeak-ng), in the spirit of dotnet/iot's
/// ProcessRunner: stdout and stderr redirected (stderr as UTF-8), the command printable
/// (<see cref="CommandLine"/>), <see cref="StopAsync"/> asks politely (SIGTERM) before killing the
/// whole tree, and disposing kills what still runs, so no child outlives its owner. Tests point a
/// command at a small script to play the program.
/// </summary>
public sealed class ProcessRunner : IDisposable
{
    private readonly Process _process;

    private ProcessRunner(ProcessCommand command, Process process)
    {
        Command = command;
        _process = process;
    }

    public ProcessCommand Command { get; }

    public string CommandLine => Command.CommandLine;

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>The exit code once <see cref="HasExited"/>.</summary>
    public int ExitCode => _process.ExitCode;

    public Stream StandardOutput => _process.StandardOutput.BaseStream;

    public StreamReader StandardError => _process.StandardError;

    /// <exception cref="ProcessStartException">The program is missing or cannot be run.</exception>
    public static ProcessRunner Start(ProcessCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
            StandardErrorEncoding = Encoding.UTF8,
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in command.Arguments)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (name, value) in command.Environment)
        {
            start.Environment[name] = value;
        }

        try
        {
            return new ProcessRunner(command, Process.Start(start) ?? throw new InvalidOperationException("Process.Start returned null"));
        }
        catch (Exception e) when (e is Win32Exception or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            throw new ProcessStartException(command, e);
        }
    }

    /// <summary>
    /// Runs <paramref name="command"/> to its end and returns what it wrote. Past
    /// <paramref name="timeout"/> the process is killed and <see cref="TimeoutException"/> thrown.
    /// </summary>
    public static async Task<ProcessResult> RunAsync(ProcessCommand command, TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        using var runner = Start(command);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var stdout = runner._process.StandardOutput.ReadToEndAsync(limit.Token);
        var stderr = runner.StandardError.ReadToEndAsync(limit.Token);
        try
        {
            await runner.WaitForExitAsync(limit.Token);
            return new ProcessResult(runner.ExitCode, await stdout, await stderr);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            runner.Kill();
            throw new TimeoutException($"{command.FileName} chạy quá {timeout.TotalSeconds:0.#} giây / took longer than {timeout.TotalSeconds:0.#} s");
        }
    }

    public Task WaitForExitAsync(CancellationToken cancellationToken = default) => _process.WaitForExitAsync(cancellationToken);

    /// <summary>SIGTERM first (ffmpeg then closes the MP4 it writes), after <paramref name="grace"/> a kill of the whole tree.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        try
        {
            if (_process.HasExited)
            {
                return;
            }

            PosixSignal.Terminate(_process.Id);
            using (var wait = new CancellationTokenSource(grace))
            {
                try
                {
                    await _process.WaitForExitAsync(wait.Token);
                    return;
                }
                catch (OperationCanceledException)
                {
                }
            }

            Kill();
            using var killWait = new CancellationTokenSource(grace);
            await _process.WaitForExitAsync(killWait.Token);
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception or OperationCanceledException)
        {
            // Already gone, or the kernel did not report its end in time: nothing more to do here.
        }
    }

    /// <summary>Kills the process and its children at once.</summary>
    public void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or Win32Exception)
        {
            // Already gone.
        }
    }

    /// <summary>Kills what still runs, then releases the handles.</summary>
    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}
