using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace QueueKiosk.HubClient.Rest;

/// <summary>
/// Hub.Server refused a device's request (4xx) or failed on it (5xx). <see cref="Code"/>,
/// <see cref="Title"/> and <see cref="Detail"/> come from the ProblemDetails body when there was one;
/// <see cref="OpensAtLocal"/> is the hub's wording of the next opening when it refused a ticket
/// because the site is closed.
/// </summary>
public sealed class DeviceApiException(HttpStatusCode status, string message, string? code, string? title, string? detail, string? opensAtLocal)
    : HttpRequestException(message, null, status)
{
    public string? Code { get; } = code;

    public string? Title { get; } = title;

    public string? Detail { get; } = detail;

    public string? OpensAtLocal { get; } = opensAtLocal;

    /// <summary>4xx: the hub answered and said no (a wrong device key, a bad request, closed).</summary>
    public bool IsRefusal => (int)(StatusCode ?? 0) is >= 400 and < 500;

    internal static async Task<DeviceApiException> FromAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        string? code = null, title = response.ReasonPhrase, detail = null, opensAt = null;
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
            code = Text(problem, "code");
            title = Text(problem, "title") ?? title;
            detail = Text(problem, "detail");
            opensAt = Text(problem, "opensAtLocal") ?? Text(problem, "opensAt");
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not ProblemDetails (a proxy's HTML page, an empty body): the status line says enough.
        }

        var status = response.StatusCode;
        var hint = status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? " (khoá thiết bị sai? / wrong device key?)"
            : "";
        var message = $"Hub trả lời {(int)status} khi {what}{hint} / the hub answered {(int)status} {status} for {response.RequestMessage?.RequestUri}: {title} {detail}".Trim();
        return new DeviceApiException(status, message, code, title, detail, opensAt);
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
