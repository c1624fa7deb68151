using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;

namespace QueueKiosk.HubClient.Realtime.Resync;

/// <summary>Where a <see cref="QueueFeed"/> gets the whole queue state when it cannot trust its events.</summary>
public interface ISnapshotSource
{
    Task<QueueSnapshotDto> GetSnapshotAsync(Guid siteId, CancellationToken cancellationToken);
}

/// <summary>A snapshot source from a delegate, for callers that already have the REST call.</summary>
public sealed class DelegateSnapshotSource(Func<Guid, CancellationToken, Task<QueueSnapshotDto>> fetch) : ISnapshotSource
{
    public Task<QueueSnapshotDto> GetSnapshotAsync(Guid siteId, CancellationToken cancellationToken) => fetch(siteId, cancellationToken);
}

/// <summary>
/// GET {base}/api/sites/{siteId}/snapshot. The HttpClient brings the base address and the
/// credentials (e.g. a default X-Device-Key header); the caller owns and disposes it.
/// </summary>
public sealed class HttpSnapshotSource(HttpClient http, JsonSerializerOptions? serializerOptions = null) : ISnapshotSource
{
    public static string PathFor(Guid siteId) => $"api/sites/{siteId}/snapshot";

    public async Task<QueueSnapshotDto> GetSnapshotAsync(Guid siteId, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(new Uri(PathFor(siteId), UriKind.Relative), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException(
                $"Không lấy được trạng thái hàng đợi / Snapshot request failed: {(int)response.StatusCode} {response.ReasonPhrase} for {PathFor(siteId)}",
                inner: null,
                response.StatusCode);
        }

        var options = serializerOptions ?? new JsonSerializerOptions(JsonSerializerDefaults.Web);
        return await response.Content.ReadFromJsonAsync<QueueSnapshotDto>(options, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidDataException($"Snapshot answer for site {siteId} was empty (JSON null).");
    }
}
