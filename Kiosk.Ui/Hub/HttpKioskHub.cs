using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Configuration;

namespace QueueKiosk.KioskUi.Hub;

/// <summary>
/// Hub.Server's REST API over HTTP. The HttpClient is configured with the hub's address and the
/// X-Device-Key header (see HubServiceCollectionExtensions); network failures and 5xx answers
/// become <see cref="HubUnavailableException"/> and mark the <see cref="HubLink"/> down.
/// </summary>
public sealed class HttpKioskHub(HttpClient http, HubLink link, IOptions<KioskOptions> options, TimeProvider time) : IKioskHub
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private Guid? siteId = options.Value.SiteId is { } id && id != Guid.Empty ? id : null;

    public async Task<KioskCatalogue> FetchCatalogueAsync(CancellationToken cancellationToken)
    {
        var site = await ResolveSiteAsync(cancellationToken);
        var fields = await GetAsync<List<FieldDto>>(KioskHubRoutes.Fields(site.Id), cancellationToken) ?? [];
        var procedures = await GetAsync<List<ProcedureDto>>(KioskHubRoutes.Procedures(site.Id), cancellationToken) ?? [];
        var snapshot = await GetAsync<QueueSnapshotDto>(KioskHubRoutes.Snapshot(site.Id), cancellationToken)
            ?? throw new HubUnavailableException("hub returned no snapshot");
        return new KioskCatalogue(site, fields, procedures, snapshot.Services, snapshot.Counters, time.GetUtcNow(), snapshot.IsOpen);
    }

    public async Task<IssueOutcome> IssueTicketAsync(IssueTicketRequest request, CancellationToken cancellationToken)
    {
        var site = siteId ?? (await ResolveSiteAsync(cancellationToken)).Id;
        using var response = await SendAsync(() => http.PostAsJsonAsync(KioskHubRoutes.Tickets, request with { SiteId = site, Channel = TicketChannel.Kiosk }, Json, cancellationToken));
        if (response.IsSuccessStatusCode)
        {
            var ticket = await response.Content.ReadFromJsonAsync<TicketDto>(Json, cancellationToken)
                ?? throw new HubUnavailableException("hub answered without a ticket");
            return new IssueOutcome.Issued(ticket);
        }

        var problem = await ReadProblemAsync(response, cancellationToken);
        if (problem.Code == "site.closed" || problem.OpensAtLocal is not null)
        {
            return new IssueOutcome.Closed(problem.OpensAtLocal);
        }

        return new IssueOutcome.Rejected((int)response.StatusCode, problem.Detail ?? problem.Title ?? response.ReasonPhrase ?? "");
    }

    public async Task<DossierStatusDto?> FindDossierAsync(string code, string language, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(KioskHubRoutes.Dossier(code), UriKind.Relative));
        // The hub words the dossier's state in the language the citizen chose.
        request.Headers.AcceptLanguage.ParseAdd(language);
        using var response = await SendAsync(() => http.SendAsync(request, cancellationToken));
        if (response.StatusCode is HttpStatusCode.NotFound)
        {
            return null;
        }

        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<DossierStatusDto>(Json, cancellationToken);
    }

    public async Task ReportStatusAsync(DeviceStatusReport report, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => http.PostAsJsonAsync(KioskHubRoutes.DeviceStatus, report, Json, cancellationToken));
        await EnsureSuccessAsync(response, cancellationToken);
    }

    private async Task<SiteDto> ResolveSiteAsync(CancellationToken cancellationToken)
    {
        var sites = await GetAsync<List<SiteDto>>(KioskHubRoutes.Sites, cancellationToken) ?? [];
        if (siteId is { } id)
        {
            return sites.FirstOrDefault(s => s.Id == id)
                ?? throw new HubUnavailableException($"hub has no site {id} (Kiosk:SiteId)");
        }

        var code = options.Value.SiteCode;
        SiteDto site;
        if (string.IsNullOrWhiteSpace(code))
        {
            // One hub usually serves one office: then the kiosk needs no site setting at all.
            site = sites.Count == 1 ? sites[0]
                : throw new HubUnavailableException($"hub serves {sites.Count} sites: set Kiosk:SiteCode (one of {string.Join(", ", sites.Select(s => s.Code))})");
        }
        else
        {
            site = sites.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.OrdinalIgnoreCase))
                ?? throw new HubUnavailableException($"hub has no site with code '{code}' (Kiosk:SiteCode)");
        }

        siteId = site.Id;
        return site;
    }

    private async Task<T?> GetAsync<T>(string route, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(() => http.GetAsync(new Uri(route, UriKind.Relative), cancellationToken));
        await EnsureSuccessAsync(response, cancellationToken);
        return await response.Content.ReadFromJsonAsync<T>(Json, cancellationToken);
    }

    private async Task<HttpResponseMessage> SendAsync(Func<Task<HttpResponseMessage>> send)
    {
        HttpResponseMessage response;
        try
        {
            response = await send();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            link.Failed(e.Message);
            throw new HubUnavailableException($"hub unreachable: {e.Message}", e);
        }

        if ((int)response.StatusCode >= 500)
        {
            var status = response.StatusCode;
            response.Dispose();
            link.Failed($"hub answered {(int)status}");
            throw new HubUnavailableException($"hub answered {(int)status} {status}");
        }

        link.Succeeded();
        return response;
    }

    private static async Task EnsureSuccessAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        if (!response.IsSuccessStatusCode)
        {
            var problem = await ReadProblemAsync(response, cancellationToken);
            // 401/403 mean a wrong device key: an installer must fix the configuration.
            throw new HubUnavailableException($"hub refused {response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {problem.Title} {problem.Detail}".Trim());
        }
    }

    private static async Task<Problem> ReadProblemAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Json, cancellationToken);
            return new Problem(
                Text(problem, "code"),
                Text(problem, "title"),
                Text(problem, "detail"),
                Text(problem, "opensAtLocal") ?? Text(problem, "opensAt"));
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            return new Problem(null, response.ReasonPhrase, null, null);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private sealed record Problem(string? Code, string? Title, string? Detail, string? OpensAtLocal);
}

/// <summary>Hub.Server routes the kiosk uses, in one place.</summary>
public static class KioskHubRoutes
{
    public const string Sites = "api/sites";
    public const string Tickets = "api/tickets";

    public static readonly string DeviceStatus = DeviceStatusRoutes.Me.TrimStart('/');

    public static string Fields(Guid siteId) => $"api/fields?siteId={siteId}";

    public static string Procedures(Guid siteId) => $"api/procedures?siteId={siteId}";

    public static string Snapshot(Guid siteId) => $"api/sites/{siteId}/snapshot";

    public static string Dossier(string code) => $"api/dossiers/{Uri.EscapeDataString(code)}";
}
