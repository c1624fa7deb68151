using QueueKiosk.TestSupport.Hosts;

namespace QueueKiosk.EndToEnd.Tests;

/// <summary>
/// The browser's own <c>[hidden] { display: none }</c> loses to any author rule that sets display on
/// a class: the officer console's undo bar (<c>.undo-bar { display: flex }</c>) showed at sign-in,
/// empty, with a live "Hoàn tác" button. Every page stylesheet therefore restores the rule with
/// !important; an element that must keep its space while hidden says so with its own !important rule.
/// </summary>
public sealed class PageStylesheetTests
{
    private const string HiddenRule = "[hidden] { display: none !important; }";
    private static readonly string[] Hosts = ["Hub.Server", "Kiosk.Ui", "Counter.Display"];

    [Fact]
    public void EveryPageStylesheet_MakesTheHiddenAttributeHide()
    {
        var sheets = Hosts
            .SelectMany(host => Directory.GetFiles(Path.Combine(RepoPaths.Root, host, "wwwroot"), "*.css", SearchOption.AllDirectories))
            .Where(path => !path.Split(Path.DirectorySeparatorChar).Contains("lib"))
            .ToList();
        Assert.True(sheets.Count >= 7, $"only {sheets.Count} page stylesheets found");
        var missing = sheets.Where(path => !File.ReadAllLines(path).Any(line => line.Trim() == HiddenRule))
            .Select(path => Path.GetRelativePath(RepoPaths.Root, path));
        Assert.Empty(missing);
    }
}
