using System.Buffers;
using System.Text.Json;

namespace QueueKiosk.HubClient.Realtime.Protocol;

/// <summary>
/// The SignalR JSON hub protocol, version 1 (HubProtocol.md): writes and parses single messages.
/// Pure: no I/O, so every shape on the wire is tested without a server. Written messages already
/// end with the 0x1E record separator; parsed ones are given without it (see <see cref="RecordSeparatorFramer"/>).
/// </summary>
public sealed class JsonHubProtocol
{
    public const string Name = "json";
    public const int Version = 1;

    private readonly JsonSerializerOptions _serializerOptions;

    public JsonHubProtocol(JsonSerializerOptions? serializerOptions = null)
    {
        _serializerOptions = serializerOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
    }

    public JsonSerializerOptions SerializerOptions => _serializerOptions;

    public static byte[] WriteHandshakeRequest() =>
        Finish(writer =>
        {
            writer.WriteString("protocol", Name);
            writer.WriteNumber("version", Version);
        });

    /// <summary>Reads the server's handshake answer: null when accepted, else the server's error text.</summary>
    public static string? ParseHandshakeResponse(ReadOnlySpan<byte> message)
    {
        using var document = ParseDocument(message, "handshake");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("the handshake answer is not a JSON object");
        }

        return root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.String
            ? error.GetString()
            : null;
    }

    public byte[] WriteInvocation(string? invocationId, string target, IReadOnlyList<object?> arguments) =>
        Finish(writer =>
        {
            writer.WriteNumber("type", (int)HubMessageType.Invocation);
            if (invocationId is not null)
            {
                writer.WriteString("invocationId", invocationId);
            }

            writer.WriteString("target", target);
            writer.WriteStartArray("arguments");
            foreach (var argument in arguments)
            {
                JsonSerializer.Serialize(writer, argument, argument?.GetType() ?? typeof(object), _serializerOptions);
            }

            writer.WriteEndArray();
        });

    public static byte[] WritePing() => Finish(writer => writer.WriteNumber("type", (int)HubMessageType.Ping));

    /// <summary>A completion carrying an error: the answer to a server-to-client invocation this client cannot serve.</summary>
    public static byte[] WriteCompletionError(string invocationId, string error) =>
        Finish(writer =>
        {
            writer.WriteNumber("type", (int)HubMessageType.Completion);
            writer.WriteString("invocationId", invocationId);
            writer.WriteString("error", error);
        });

    public static byte[] WriteClose() => Finish(writer => writer.WriteNumber("type", (int)HubMessageType.Close));

    /// <summary>Parses one message (without its separator). Unknown types come back as <see cref="OtherMessage"/>.</summary>
    public static HubMessage Parse(ReadOnlySpan<byte> message)
    {
        using var document = ParseDocument(message, "message");
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw Invalid("a message is not a JSON object");
        }

        if (!root.TryGetProperty("type", out var typeElement) || !typeElement.TryGetInt32(out var type))
        {
            throw Invalid("a message has no numeric 'type'");
        }

        return (HubMessageType)type switch
        {
            HubMessageType.Invocation => ParseInvocation(root),
            HubMessageType.Completion => ParseCompletion(root),
            HubMessageType.Ping => PingMessage.Instance,
            HubMessageType.Close => new CloseMessage(
                OptionalString(root, "error"),
                root.TryGetProperty("allowReconnect", out var allow) && allow.ValueKind == JsonValueKind.True),
            _ => new OtherMessage((HubMessageType)type),
        };
    }

    private static InvocationMessage ParseInvocation(JsonElement root)
    {
        var target = OptionalString(root, "target");
        if (string.IsNullOrEmpty(target))
        {
            throw Invalid("an invocation has no 'target'");
        }

        var arguments = new List<JsonElement>();
        if (root.TryGetProperty("arguments", out var array))
        {
            if (array.ValueKind != JsonValueKind.Array)
            {
                throw Invalid($"the 'arguments' of invocation '{target}' are not an array");
            }

            foreach (var argument in array.EnumerateArray())
            {
                arguments.Add(argument.Clone());
            }
        }

        return new InvocationMessage(OptionalString(root, "invocationId"), target, arguments);
    }

    private static CompletionMessage ParseCompletion(JsonElement root)
    {
        var id = OptionalString(root, "invocationId");
        if (string.IsNullOrEmpty(id))
        {
            throw Invalid("a completion has no 'invocationId'");
        }

        JsonElement? result = root.TryGetProperty("result", out var value) ? value.Clone() : null;
        return new CompletionMessage(id, result, OptionalString(root, "error"));
    }

    private static string? OptionalString(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static JsonDocument ParseDocument(ReadOnlySpan<byte> message, string what)
    {
        try
        {
            var reader = new Utf8JsonReader(message);
            return JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException(
                $"Dữ liệu SignalR không phải JSON hợp lệ ({what}) / SignalR {what} is not valid JSON: {ex.Message}", ex);
        }
    }

    private static InvalidDataException Invalid(string what) =>
        new($"Tin nhắn SignalR không hợp lệ / Invalid SignalR message: {what}.");

    private static byte[] Finish(Action<Utf8JsonWriter> writeProperties)
    {
        var buffer = new ArrayBufferWriter<byte>(128);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writeProperties(writer);
            writer.WriteEndObject();
        }

        buffer.Write([RecordSeparatorFramer.RecordSeparator]);
        return buffer.WrittenSpan.ToArray();
    }
}
