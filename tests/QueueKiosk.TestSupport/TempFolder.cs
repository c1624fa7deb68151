namespace QueueKiosk.TestSupport;

/// <summary>A fresh folder under the temp directory, deleted with what it holds on dispose.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder(string prefix = "qk-test-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still being written (an ffmpeg segment) may hold it a moment; the temp dir is harmless.
        }
    }
}
