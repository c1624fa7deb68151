using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.CounterDisplay.Hub;

/// <summary>The REST calls the display host makes, authenticated with its device key.</summary>
public sealed class HubApiClient(HttpClient http)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<QueueSnapshotDto> GetSnapshotAsync(Guid siteId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri($"api/sites/{siteId}/snapshot", UriKind.Relative), cancellationToken);
        await EnsureOkAsync(response, "ảnh chụp hàng đợi / queue snapshot", cancellationToken);
        return await response.Content.ReadFromJsonAsync<QueueSnapshotDto>(Json, cancellationToken)
            ?? throw new InvalidDataException("Hub trả về ảnh chụp rỗng / the hub returned an empty snapshot");
    }

    /// <summary>The snapshot of the site this device key belongs to (GET /api/snapshot).</summary>
    public async Task<QueueSnapshotDto> GetOwnSnapshotAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri("api/snapshot", UriKind.Relative), cancellationToken);
        await EnsureOkAsync(response, "ảnh chụp hàng đợi / queue snapshot", cancellationToken);
        return await response.Content.ReadFromJsonAsync<QueueSnapshotDto>(Json, cancellationToken)
            ?? throw new InvalidDataException("Hub trả về ảnh chụp rỗng / the hub returned an empty snapshot");
    }

    /// <summary>This host's heartbeat (POST /api/devices/me/status).</summary>
    public async Task ReportStatusAsync(DeviceStatusReport report, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(new Uri(DeviceStatusRoutes.Me.TrimStart('/'), UriKind.Relative), report, Json, cancellationToken);
        await EnsureOkAsync(response, "trạng thái thiết bị / device status", cancellationToken);
    }

    private static async Task EnsureOkAsync(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var hint = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
            ? " (khoá thiết bị Hub:DeviceKey sai? / wrong Hub:DeviceKey?)"
            : "";
        throw new HttpRequestException(
            $"Hub trả lời {(int)response.StatusCode} khi lấy {what}{hint}: {body}", null, response.StatusCode);
    }
}
