using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueueKiosk.HubServer.Common;

/// <summary>
/// Every string in a request body is stored as NFC (one form for "ế" however the keyboard typed
/// it), so search, uniqueness checks and printing see the same letters. Applied once, where the
/// API reads JSON, rather than field by field (<see cref="SafeText.ToNfc"/>).
/// Passwords go through it too, on every path that sets or checks one, so they stay comparable.
/// </summary>
public sealed class NfcStringConverter : JsonConverter<string>
{
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var text = reader.GetString();
        return text is null ? null : SafeText.ToNfc(text);
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);
}
