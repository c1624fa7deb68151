using System.Collections;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace QueueKiosk.TestSupport;

/// <summary>
/// Every configuration key written down for installers (hardware-docs/*.md, the READMEs) and in
/// the hosts' sample appsettings*.json, and a check that a key reaches a real option property.
/// A host's test gives the sections it binds and their option types; a documented key of one of
/// them that names no property is reported, so a documented key can never be silently ignored.
/// </summary>
public static partial class DocumentedConfiguration
{
    /// <summary>Sections the framework reads, not our options.</summary>
    public static readonly IReadOnlySet<string> FrameworkSections = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Logging", "AllowedHosts", "Urls", "Kestrel", "ConnectionStrings",
    };

    /// <summary>A key and where it is written (file and line), for the failure message.</summary>
    public sealed record DocumentedKey(string Key, string Source)
    {
        public string Section => Key.Split(':')[0];
    }

    /// <summary>The markdown files that document settings: hardware-docs/*.md and the READMEs.</summary>
    public static IEnumerable<string> Documents() =>
        Directory.GetFiles(Path.Combine(RepoRoot, "hardware-docs"), "*.md")
            .Concat(Directory.GetFiles(RepoRoot, "README.md", SearchOption.AllDirectories)
                .Where(p => !p.Contains("node_modules", StringComparison.Ordinal) && !p.Contains("/bin/", StringComparison.Ordinal) && !p.Contains("/obj/", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

    /// <summary>The sample configuration of a host: its appsettings*.json.</summary>
    public static IEnumerable<string> SampleSettings(string hostProject) =>
        Directory.GetFiles(Path.Combine(RepoRoot, hostProject), "appsettings*.json").Order(StringComparer.Ordinal);

    /// <summary>
    /// Keys in the documents: every key of each ```json block (fragments such as
    /// <c>"Voice": { ... }</c> are read as an object), and every <c>`Section:Key`</c> in backticks
    /// (also <c>--Section:Key=value</c> on a command line). Keys with a placeholder (<c>*</c>) are
    /// families, not keys, and left out.
    /// </summary>
    public static IReadOnlyList<DocumentedKey> FromDocuments()
    {
        var keys = new List<DocumentedKey>();
        foreach (var file in Documents())
        {
            var lines = File.ReadAllLines(file);
            var name = Path.GetRelativePath(RepoRoot, file);
            for (var i = 0; i < lines.Length; i++)
            {
                if (lines[i].Trim() == "```json")
                {
                    var start = i + 1;
                    var end = start;
                    while (end < lines.Length && lines[end].Trim() != "```")
                    {
                        end++;
                    }

                    keys.AddRange(FromJson(string.Join('\n', lines[start..end]), $"{name}:{start}"));
                    i = end;
                    continue;
                }

                foreach (Match m in InlineKey().Matches(lines[i]))
                {
                    var key = m.Groups["key"].Value;
                    if (!key.Contains('*', StringComparison.Ordinal))
                    {
                        keys.Add(new DocumentedKey(key, $"{name}:{i + 1}"));
                    }
                }
            }
        }

        return keys;
    }

    /// <summary>Every leaf key of the host's appsettings*.json.</summary>
    public static IReadOnlyList<DocumentedKey> FromSampleSettings(string hostProject) =>
        [.. SampleSettings(hostProject).SelectMany(f => FromJson(File.ReadAllText(f), Path.GetRelativePath(RepoRoot, f)))];

    /// <summary>
    /// Fails, listing each key, unless every documented key of the host's <paramref name="sections"/>
    /// reaches a property (and at least one is documented, so the scan itself is checked).
    /// </summary>
    public static void DocumentsBindTo(IReadOnlyList<(string Section, Type Options)> sections) =>
        Check(FromDocuments(), sections, allSectionsAreMine: false, "the documents");

    /// <summary>
    /// Fails, listing each key, unless every key of <paramref name="hostProject"/>'s appsettings*.json
    /// is the framework's or reaches a property of <paramref name="sections"/>.
    /// </summary>
    public static void SampleSettingsBindTo(string hostProject, IReadOnlyList<(string Section, Type Options)> sections) =>
        Check(FromSampleSettings(hostProject), sections, allSectionsAreMine: true, $"{hostProject}'s appsettings*.json");

    private static void Check(IReadOnlyList<DocumentedKey> keys, IReadOnlyList<(string Section, Type Options)> sections, bool allSectionsAreMine, string where)
    {
        ArgumentNullException.ThrowIfNull(sections);
        if (!keys.Any(k => sections.Any(s => string.Equals(s.Section, k.Section, StringComparison.OrdinalIgnoreCase))))
        {
            throw new InvalidDataException($"No key of {string.Join(", ", sections.Select(s => s.Section))} found in {where}: is the scan broken?");
        }

        var problems = Unbound(keys, sections, allSectionsAreMine);
        if (problems.Count > 0)
        {
            throw new InvalidDataException($"Keys in {where} that no option reads:\n" + string.Join('\n', problems));
        }
    }

    /// <summary>
    /// The keys among <paramref name="keys"/> whose section a host binds (<paramref name="sections"/>:
    /// a section may be bound to more than one option class) but which reach no property of any of
    /// them, with the reason; and, when <paramref name="allSectionsAreMine"/>, the keys of sections
    /// that neither the host nor the framework reads.
    /// </summary>
    public static IReadOnlyList<string> Unbound(IEnumerable<DocumentedKey> keys, IReadOnlyList<(string Section, Type Options)> sections, bool allSectionsAreMine)
    {
        ArgumentNullException.ThrowIfNull(keys);
        ArgumentNullException.ThrowIfNull(sections);
        var problems = new List<string>();
        foreach (var key in keys)
        {
            var types = sections.Where(s => string.Equals(s.Section, key.Section, StringComparison.OrdinalIgnoreCase)).Select(s => s.Options).ToList();
            if (types.Count == 0)
            {
                if (allSectionsAreMine && !FrameworkSections.Contains(key.Section))
                {
                    problems.Add($"{key.Source}: '{key.Key}': no option class binds section '{key.Section}'");
                }

                continue;
            }

            var path = key.Key.Split(':')[1..];
            var reasons = types.Select(t => WhyUnbound(t, path)).ToList();
            if (reasons.All(r => r is not null))
            {
                problems.Add($"{key.Source}: '{key.Key}': {string.Join("; ", reasons)}");
            }
        }

        return problems;
    }

    /// <summary>Follows the path through properties, list indexes and dictionary keys as the binder does; null when it reaches a property.</summary>
    public static string? WhyUnbound(Type type, IReadOnlyList<string> path)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(path);
        var current = type;
        foreach (var segment in path)
        {
            if (ElementOfDictionary(current) is { } value)
            {
                current = value;
            }
            else if (ElementOfList(current) is { } element)
            {
                if (!int.TryParse(segment, out _) && segment != "N")
                {
                    return $"'{segment}' is not an index of the list {current.Name}";
                }

                current = element;
            }
            else if (current.GetProperty(segment, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property
                     && (property.CanWrite || !IsLeaf(property.PropertyType)))
            {
                current = property.PropertyType;
            }
            else
            {
                return $"{current.Name} has no settable property '{segment}'";
            }
        }

        return null;
    }

    private static string RepoRoot => Hosts.RepoPaths.Root;

    private static bool IsLeaf(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(TimeSpan) || t == typeof(Uri) || t == typeof(Guid) || t == typeof(DateTimeOffset);
    }

    private static Type? ElementOfList(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        return type.IsGenericType && type != typeof(string) && typeof(IEnumerable).IsAssignableFrom(type) ? type.GetGenericArguments()[0] : null;
    }

    private static Type? ElementOfDictionary(Type type) =>
        type.IsGenericType && type.GetInterfaces().Append(type).Any(i => i.IsGenericType && i.GetGenericTypeDefinition() is var d && (d == typeof(IDictionary<,>) || d == typeof(IReadOnlyDictionary<,>)))
            ? type.GetGenericArguments()[1]
            : null;

    private static IEnumerable<DocumentedKey> FromJson(string text, string source)
    {
        var trimmed = text.Trim();
        var json = trimmed.StartsWith('{') ? trimmed : "{" + trimmed.TrimEnd(',') + "}";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: a ```json block that is not JSON (write it as JSON, or mark the block as text): {e.Message}", e);
        }

        using (document)
        {
            var keys = new List<DocumentedKey>();
            Flatten(document.RootElement, "", source, keys);
            return keys;
        }
    }

    private static void Flatten(JsonElement element, string prefix, string source, List<DocumentedKey> keys)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var p in element.EnumerateObject())
                {
                    Flatten(p.Value, prefix.Length == 0 ? p.Name : $"{prefix}:{p.Name}", source, keys);
                }

                break;
            case JsonValueKind.Array:
                var i = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Flatten(item, $"{prefix}:{i++}", source, keys);
                }

                if (i == 0)
                {
                    keys.Add(new DocumentedKey(prefix, source));
                }

                break;
            default:
                keys.Add(new DocumentedKey(prefix, source));
                break;
        }
    }

    /// <summary>`Section:Key...` in backticks, optionally as --Section:Key=value; the section starts upper case.</summary>
    [GeneratedRegex(@"`(?:--)?(?<key>[A-Z][A-Za-z0-9]*(?::[A-Za-z0-9*]+)+)")]
    private static partial Regex InlineKey();
}
