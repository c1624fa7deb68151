using System.Text.Json;

namespace QueueKiosk.HubServer.Supervision;

/// <summary>
/// An alert's message in Vietnamese and English, kept together in the alert's one Message column
/// as a small JSON object ({"vi":…,"en":…}) so no schema change is needed. Rows written before
/// (one "vi / en" sentence) read back as that text in both languages.
/// </summary>
public static class AlertText
{
    /// <summary>Each language's share of the 1,000-character column, leaving room for the JSON around them.</summary>
    public const int MaxEach = 450;

    // Vietnamese letters kept as they are (not \uXXXX): six times shorter, and readable in the database.
    private static readonly JsonSerializerOptions Json = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Encode(string vi, string en) => JsonSerializer.Serialize(new Stored(vi, en), Json);

    public static (string Vi, string En) Decode(string stored)
    {
        if (stored.StartsWith('{'))
        {
            try
            {
                if (JsonSerializer.Deserialize<Stored>(stored, Json) is { Vi: not null, En: not null } both)
                {
                    return (both.Vi, both.En);
                }
            }
            catch (JsonException)
            {
                // Not ours after all: shown as it is below.
            }
        }

        return (stored, stored);
    }

    private sealed record Stored(
        [property: System.Text.Json.Serialization.JsonPropertyName("vi")] string? Vi,
        [property: System.Text.Json.Serialization.JsonPropertyName("en")] string? En);
}
