using System.Diagnostics.CodeAnalysis;
using QueueKiosk.Devices.Tests.Printing.ChildProcess;

/// <summary>
/// Lets a test start this test assembly as a separate kiosk process and kill it with SIGKILL.
/// The runtime calls <see cref="Initialize"/> before Main when DOTNET_STARTUP_HOOKS names this
/// assembly; it does nothing unless the child's environment variable is set too.
/// </summary>
[SuppressMessage("Design", "CA1050:Declare types in namespaces", Justification = "The runtime requires a global StartupHook type.")]
internal static class StartupHook
{
    public static void Initialize()
    {
        if (Environment.GetEnvironmentVariable(KioskChildProcess.JournalVariable) is { Length: > 0 })
        {
            Environment.Exit(KioskChildProcess.Run());
        }
    }
}
