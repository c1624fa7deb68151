namespace QueueKiosk.HubServer.Tests.Administration.Import;

/// <summary>Where the documentation and the sample catalogue files are.</summary>
internal static class SampleFiles
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string SampleCsv => Path.Combine(RepositoryRoot, "docs", "samples", "thu-tuc-mau.csv");

    public static string SampleXlsx => Path.Combine(RepositoryRoot, "docs", "samples", "thu-tuc-mau.xlsx");

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QueueKiosk.sln")))
            directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("QueueKiosk.sln not found above " + AppContext.BaseDirectory);
    }
}
