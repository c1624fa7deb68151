using System.Runtime.InteropServices;

namespace QueueKiosk.Devices.Processes;

/// <summary>
/// SIGTERM lets ffmpeg close the MP4 it is writing (a killed ffmpeg leaves a segment without its
/// index, unplayable). .NET's Process only offers SIGKILL, hence this one call.
/// </summary>
internal static partial class PosixSignal
{
    private const int SigTerm = 15;

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>Asks a process to stop; false when it is already gone.</summary>
    public static bool Terminate(int pid) => OperatingSystem.IsLinux() || OperatingSystem.IsMacOS() ? Kill(pid, SigTerm) == 0 : false;
}
