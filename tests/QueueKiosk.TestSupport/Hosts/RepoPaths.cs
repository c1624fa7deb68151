namespace QueueKiosk.TestSupport.Hosts;

/// <summary>
/// Where the repository and the built hosts are, found from the running assembly's folder
/// (the tests' Debug build, or the bench's Release build: both sit under the repository).
/// </summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    /// <summary>The built DLL of a host project, in the same configuration as the running assembly.</summary>
    public static string HostDll(string project)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var path = Path.Combine(Root, project, "bin", configuration, "net10.0", project + ".dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{project} is not built in {configuration}: {path}");
        }

        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "QueueKiosk.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("QueueKiosk.sln not found above " + AppContext.BaseDirectory);
    }
}
