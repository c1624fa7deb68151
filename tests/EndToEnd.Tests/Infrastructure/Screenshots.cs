namespace QueueKiosk.EndToEnd.Tests.Infrastructure;

/// <summary>
/// Where end-to-end tests save screenshots. The committed ones in docs/screenshots are refreshed
/// only on purpose (QK_UPDATE_SCREENSHOTS=1), so a plain test run never dirties the checkout;
/// otherwise they go next to the test output for a look after a failure.
/// </summary>
public static class Screenshots
{
    public static string PathFor(string fileName)
    {
        var folder = Environment.GetEnvironmentVariable("QK_UPDATE_SCREENSHOTS") == "1"
            ? Path.Combine(RepoPaths.Root, "docs", "screenshots")
            : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        return Path.Combine(folder, fileName);
    }
}
