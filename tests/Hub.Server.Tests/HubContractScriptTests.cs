using System.Reflection;
using System.Text.RegularExpressions;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests;

/// <summary>
/// The browser pages take hub event names, hub methods and routes from /hub-contract.js, which
/// Hub.Server builds from Hub.Client's constants; no page script spells them itself.
/// </summary>
public sealed partial class HubContractScriptTests : SqliteHubAppTest
{
    private static readonly Type[] NameClasses = [typeof(HubEvents), typeof(SupervisionEvents), typeof(HubMethods)];

    [Fact]
    public async Task ContractScript_IsServedToAnyone_WithEveryNameAndRoute()
    {
        using var anonymous = App.CreateClient();
        using var response = await anonymous.GetAsync(HubRoutes.ContractScript);

        response.EnsureSuccessStatusCode();
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        var script = await response.Content.ReadAsStringAsync();
        foreach (var (name, value) in Constants([.. NameClasses, typeof(HubRoutes), typeof(CounterActions)]))
        {
            Assert.Contains($"{name}: {System.Text.Json.JsonSerializer.Serialize(value)},", script, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void PageScripts_SpellNoHubEventOrMethodName_NorApiRoute()
    {
        var root = RepoRoot();
        var scripts = new[] { "Hub.Server/wwwroot", "Counter.Display/wwwroot", "Kiosk.Ui/wwwroot", "web" }
            .Select(d => Path.Combine(root, d))
            .SelectMany(d => Directory.EnumerateFiles(d, "*.js", SearchOption.AllDirectories))
            // wwwroot/lib holds copies: npm's libraries and web/live-feed.js, checked at its source.
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}lib{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .ToList();
        Assert.NotEmpty(scripts);

        var names = Constants(NameClasses).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        var offences = new List<string>();
        foreach (var file in scripts)
        {
            foreach (Match literal in StringLiteral().Matches(File.ReadAllText(file)))
            {
                var text = literal.Groups["text"].Value;
                if (names.Contains(text) || text.StartsWith(HubRoutes.Api + "/", StringComparison.Ordinal) || text.StartsWith(HubRoutes.QueueHub, StringComparison.Ordinal))
                {
                    offences.Add($"{Path.GetRelativePath(root, file)}: {literal.Value}");
                }
            }
        }

        Assert.True(offences.Count == 0, "Use QkHub (/hub-contract.js) instead of: " + string.Join("; ", offences));
    }

    [Fact]
    public void Dashboard_NamesEveryAlertKind_InVietnamese()
    {
        // The dashboard shows an alert under its kind's Vietnamese name; a kind added to the
        // contract without one would show its C# name to the supervisor.
        var script = File.ReadAllText(Path.Combine(RepoRoot(), "Hub.Server/wwwroot/supervisor/dashboard.js"));
        var missing = Enum.GetNames<AlertKind>().Where(kind => !script.Contains($"    {kind}: ", StringComparison.Ordinal)).ToList();
        Assert.True(missing.Count == 0, "supervisor/dashboard.js alertNames lacks: " + string.Join(", ", missing));
    }

    private static IEnumerable<(string Name, string Value)> Constants(IEnumerable<Type> types) =>
        types.SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (f.Name, (string)f.GetRawConstantValue()!));

    private static string RepoRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "QueueKiosk.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return directory.FullName;
    }

    [GeneratedRegex("""(["'`])(?<text>[^"'`\r\n]*)\1""")]
    private static partial Regex StringLiteral();
}
