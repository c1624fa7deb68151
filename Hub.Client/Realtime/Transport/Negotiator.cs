using System.Net.Http.Headers;
using System.Text.Json;

namespace QueueKiosk.HubClient.Realtime.Transport;

/// <summary>The server's answer to POST {hub}/negotiate?negotiateVersion=1 (TransportProtocols.md).</summary>
public sealed record NegotiateResult(string ConnectionId, string ConnectionToken, IReadOnlyList<string> Transports);

/// <summary>Asks the hub for a connection token before the WebSocket is opened.</summary>
public static class Negotiator
{
    public const string WebSocketsTransport = "WebSockets";

    public static async Task<NegotiateResult> NegotiateAsync(
        HttpClient http, Uri hubUrl, string? accessToken, IReadOnlyDictionary<string, string> headers, CancellationToken cancellationToken)
    {
        var url = AppendQuery(hubUrl, "negotiate", "negotiateVersion=1");
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent([]) };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"Máy chủ từ chối kết nối SignalR (negotiate {(int)response.StatusCode}) / " +
                $"The hub refused to negotiate: {(int)response.StatusCode} {response.ReasonPhrase} at {url}",
                inner: null,
                response.StatusCode);
        }

        return Parse(body, url);
    }

    /// <summary>Parses a negotiate answer; pure so odd answers are tested without a server.</summary>
    public static NegotiateResult Parse(ReadOnlySpan<byte> body, Uri from)
    {
        JsonDocument document;
        try
        {
            var reader = new System.Text.Json.Utf8JsonReader(body);
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Negotiate answer from {from} is not JSON: {ex.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new InvalidDataException($"Negotiate answer from {from} is not a JSON object.");
            }

            if (String(root, "error") is { } error)
            {
                throw new InvalidOperationException($"Máy chủ SignalR báo lỗi / The hub's negotiate returned an error: {error}");
            }

            if (String(root, "url") is not null)
            {
                // Redirects are how Azure SignalR Service hands clients on; a site's own hub never does it.
                throw new NotSupportedException($"Negotiate answer from {from} redirects to another service; this client does not follow redirects.");
            }

            var connectionId = String(root, "connectionId")
                ?? throw new InvalidDataException($"Negotiate answer from {from} has no 'connectionId'.");

            // negotiateVersion 0 servers have no token: the connection id is used instead.
            var token = String(root, "connectionToken") ?? connectionId;
            var transports = new List<string>();
            if (root.TryGetProperty("availableTransports", out var available) && available.ValueKind == JsonValueKind.Array)
            {
                foreach (var transport in available.EnumerateArray())
                {
                    if (String(transport, "transport") is { } name)
                    {
                        transports.Add(name);
                    }
                }
            }

            if (!transports.Contains(WebSocketsTransport, StringComparer.OrdinalIgnoreCase))
            {
                throw new NotSupportedException(
                    $"Máy chủ không hỗ trợ WebSocket / The hub at {from} does not offer WebSockets (offers: {string.Join(", ", transports)}).");
            }

            return new NegotiateResult(connectionId, token, transports);
        }
    }

    /// <summary>Adds a path segment and/or a query pair to a hub URL, keeping what is already there.</summary>
    public static Uri AppendQuery(Uri hubUrl, string? pathSegment, string query)
    {
        var builder = new UriBuilder(hubUrl);
        if (pathSegment is not null)
        {
            builder.Path = builder.Path.TrimEnd('/') + "/" + pathSegment;
        }

        var existing = builder.Query.TrimStart('?');
        builder.Query = existing.Length == 0 ? query : existing + "&" + query;
        return builder.Uri;
    }

    /// <summary>http(s)://host/hub -> ws(s)://host/hub?id=token[&amp;access_token=...].</summary>
    public static Uri WebSocketUrl(Uri hubUrl, string connectionToken, string? accessTokenForQuery)
    {
        var url = AppendQuery(hubUrl, null, "id=" + Uri.EscapeDataString(connectionToken));
        if (accessTokenForQuery is not null)
        {
            url = AppendQuery(url, null, "access_token=" + Uri.EscapeDataString(accessTokenForQuery));
        }

        var builder = new UriBuilder(url)
        {
            Scheme = url.Scheme switch
            {
                "https" or "wss" => "wss",
                _ => "ws",
            },
        };
        return builder.Uri;
    }

    private static string? String(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
