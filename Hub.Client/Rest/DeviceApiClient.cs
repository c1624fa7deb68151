using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Realtime.Resync;

namespace QueueKiosk.HubClient.Rest;

/// <summary>
/// The REST calls a device (kiosk, display host, bench client) makes to Hub.Server, with the
/// routes of <see cref="HubRoutes"/>. The HttpClient brings the base address, the timeout and the
/// device key (<see cref="Configure"/>); the caller owns it. A refusal (4xx/5xx) throws
/// <see cref="DeviceApiException"/> with the server's ProblemDetails; a network failure or time-out
/// throws HttpRequestException or TaskCanceledException as HttpClient does.
/// </summary>
public sealed class DeviceApiClient(HttpClient http) : ISnapshotSource
{
    private static readonly JsonSerializerOptions DefaultJson = new(JsonSerializerDefaults.Web);

    /// <summary>Points an HttpClient at the hub with this device's key; a path in the hub's URL is kept.</summary>
    public static void Configure(HttpClient http, Uri hubUrl, string deviceKey)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(hubUrl);
        http.BaseAddress = hubUrl.AbsoluteUri.EndsWith('/') ? hubUrl : new Uri(hubUrl.AbsoluteUri + "/");
        http.DefaultRequestHeaders.Remove(HubRoutes.DeviceKeyHeader);
        http.DefaultRequestHeaders.Add(HubRoutes.DeviceKeyHeader, deviceKey);
    }

    /// <summary>
    /// Whether the hub and its database answer (its readiness route: what issuing a number needs);
    /// throws HttpRequestException when not, as a network failure does.
    /// </summary>
    public async Task PingAsync(CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(HubRoutes.Relative(HubRoutes.HealthReady), cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"hub readiness answered {(int)response.StatusCode}", null, response.StatusCode);
        }
    }

    public Task<List<SiteDto>> GetSitesAsync(CancellationToken cancellationToken) =>
        GetAsync<List<SiteDto>>(HubRoutes.Sites, "danh sách điểm / sites", cancellationToken);

    /// <summary>The site's logo (<see cref="SiteDto.LogoUrl"/>) with its content type, or null when the site has none.</summary>
    public async Task<SiteLogo?> GetLogoAsync(string logoRoute, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(HubRoutes.Relative(logoRoute), cancellationToken).ConfigureAwait(false);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            throw await DeviceApiException.FromAsync(response, "logo", cancellationToken).ConfigureAwait(false);
        }

        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new SiteLogo(bytes, response.Content.Headers.ContentType?.MediaType ?? "application/octet-stream");
    }

    public Task<List<FieldDto>> GetFieldsAsync(Guid siteId, CancellationToken cancellationToken) =>
        GetAsync<List<FieldDto>>(HubRoutes.FieldsOf(siteId), "lĩnh vực / fields", cancellationToken);

    public Task<List<ProcedureDto>> GetProceduresAsync(Guid siteId, CancellationToken cancellationToken) =>
        GetAsync<List<ProcedureDto>>(HubRoutes.ProceduresOf(siteId), "thủ tục / procedures", cancellationToken);

    /// <summary>One site's whole queue state (a <see cref="QueueFeed"/> resyncs from it).</summary>
    public Task<QueueSnapshotDto> GetSnapshotAsync(Guid siteId, CancellationToken cancellationToken) =>
        GetAsync<QueueSnapshotDto>(HubRoutes.SiteSnapshot(siteId), "trạng thái hàng đợi / queue snapshot", cancellationToken);

    /// <summary>The snapshot of the site this device key belongs to.</summary>
    public Task<QueueSnapshotDto> GetOwnSnapshotAsync(CancellationToken cancellationToken) =>
        GetAsync<QueueSnapshotDto>(HubRoutes.OwnSnapshot, "trạng thái hàng đợi / queue snapshot", cancellationToken);

    public async Task<TicketDto> IssueTicketAsync(IssueTicketRequest request, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(HubRoutes.Relative(HubRoutes.Tickets), request, DefaultJson, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<TicketDto>(response, "lấy số / issue a ticket", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Checks in for a booking at the kiosk (docs/appointments.md); a refusal (unknown code, other day...) throws with the hub's sentence in <paramref name="language"/>.</summary>
    public async Task<AppointmentCheckInResult> CheckInAppointmentAsync(AppointmentCheckInRequest checkIn, string language, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, HubRoutes.Relative(HubRoutes.AppointmentCheckIn))
        {
            Content = JsonContent.Create(checkIn, options: DefaultJson),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<AppointmentCheckInResult>(response, "xác nhận lịch hẹn / appointment check-in", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The dossier's status worded in <paramref name="language"/>, or null when the hub does not know the code.</summary>
    public async Task<DossierStatusDto?> FindDossierAsync(string code, string language, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, HubRoutes.Relative(HubRoutes.Dossier(code)));
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.StatusCode is HttpStatusCode.NotFound)
        {
            return null;
        }

        return await ReadAsync<DossierStatusDto>(response, "hồ sơ / dossier", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// The dossiers of the citizen whose chip ID card number is in the body, worded in
    /// <paramref name="language"/> (POST: the number never goes in a URL or a log).
    /// </summary>
    public async Task<List<DossierStatusDto>> FindDossiersByCitizenAsync(CitizenDossiersRequest citizen, string language, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, HubRoutes.Relative(HubRoutes.DossiersByCitizen))
        {
            Content = JsonContent.Create(citizen, options: DefaultJson),
        };
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<List<DossierStatusDto>>(response, "hồ sơ theo CCCD / dossiers by ID card", cancellationToken).ConfigureAwait(false);
    }

    /// <summary>This device's heartbeat; the answer says when the hub expects the next one.</summary>
    public async Task<DeviceStatusAck> ReportStatusAsync(DeviceStatusReport report, CancellationToken cancellationToken)
    {
        using var response = await http.PostAsJsonAsync(HubRoutes.Relative(HubRoutes.DeviceStatus), report, DefaultJson, cancellationToken).ConfigureAwait(false);
        return await ReadAsync<DeviceStatusAck>(response, "trạng thái thiết bị / device status", cancellationToken).ConfigureAwait(false);
    }

    private async Task<T> GetAsync<T>(string route, string what, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync(HubRoutes.Relative(route), cancellationToken).ConfigureAwait(false);
        return await ReadAsync<T>(response, what, cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> ReadAsync<T>(HttpResponseMessage response, string what, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            throw await DeviceApiException.FromAsync(response, what, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await response.Content.ReadFromJsonAsync<T>(DefaultJson, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidDataException($"Hub trả về {what} rỗng / the hub answered an empty {what} (JSON null).");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Hub trả về {what} không đọc được / the hub's {what} answer is not valid JSON: {e.Message}", e);
        }
    }
}

/// <summary>A site's logo as the hub serves it (PNG or JPEG, at most 256 KB).</summary>
public sealed record SiteLogo(byte[] Bytes, string ContentType)
{
    /// <summary>A short digest of the picture, computed once: pages add it to the logo's address so a new logo is not taken from the browser's cache.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string Version { get; } = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(Bytes), 0, 6);
}
