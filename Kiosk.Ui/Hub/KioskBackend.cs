using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Rest;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Configuration;

namespace QueueKiosk.KioskUi.Hub;

/// <summary>
/// Hub.Server's REST API through Hub.Client's <see cref="DeviceApiClient"/> (configured with the
/// hub's address and the kiosk's device key in KioskServiceCollectionExtensions). Network failures,
/// 5xx answers and refusals of the device become <see cref="HubUnavailableException"/>; the
/// first two also mark the <see cref="HubLink"/> down.
/// </summary>
public sealed class KioskBackend(DeviceApiClient api, HubLink link, IOptions<KioskOptions> options, TimeProvider time) : IKioskBackend
{
    private Guid? _siteId = options.Value.SiteId is { } id && id != Guid.Empty ? id : null;

    public async Task<KioskCatalogue> FetchCatalogueAsync(CancellationToken cancellationToken)
    {
        var site = await ResolveSiteAsync(cancellationToken);
        var fields = await CallAsync(() => api.GetFieldsAsync(site.Id, cancellationToken));
        var procedures = await CallAsync(() => api.GetProceduresAsync(site.Id, cancellationToken));
        var snapshot = await CallAsync(() => api.GetSnapshotAsync(site.Id, cancellationToken));
        var logo = site.LogoUrl is { } logoRoute ? await CallAsync(() => api.GetLogoAsync(logoRoute, cancellationToken)) : null;
        return new KioskCatalogue(site, fields, procedures, snapshot.Services, snapshot.Counters, time.GetUtcNow(), snapshot.IsOpen, logo);
    }

    public async Task<IssueOutcome> IssueTicketAsync(IssueTicketRequest request, CancellationToken cancellationToken)
    {
        var site = _siteId ?? (await ResolveSiteAsync(cancellationToken)).Id;
        try
        {
            var ticket = await CallAsync(() => api.IssueTicketAsync(request with { SiteId = site, Channel = TicketChannel.Kiosk }, cancellationToken), refusalIsAnswer: true);
            return new IssueOutcome.Issued(ticket);
        }
        catch (DeviceApiException problem) when (problem.IsRefusal)
        {
            if (problem.Code == "site.closed" || problem.OpensAtLocal is not null)
            {
                return new IssueOutcome.Closed(problem.OpensAtLocal);
            }

            return new IssueOutcome.Rejected((int)problem.StatusCode!, problem.Detail ?? problem.Title ?? "");
        }
    }

    public Task<DossierStatusDto?> FindDossierAsync(string code, string language, CancellationToken cancellationToken) =>
        CallAsync(() => api.FindDossierAsync(code, language, cancellationToken));

    public async Task<IReadOnlyList<DossierStatusDto>> FindDossiersByCitizenAsync(string citizenIdNumber, string language, CancellationToken cancellationToken) =>
        await CallAsync(() => api.FindDossiersByCitizenAsync(new CitizenDossiersRequest(citizenIdNumber), language, cancellationToken));

    public async Task<CheckInOutcome> CheckInByCitizenAsync(string citizenIdNumber, string language, CancellationToken cancellationToken)
    {
        try
        {
            return new CheckInOutcome.CheckedIn(await CallAsync(() => api.CheckInAppointmentAsync(new AppointmentCheckInRequest(CitizenIdNumber: citizenIdNumber), language, cancellationToken), refusalIsAnswer: true));
        }
        catch (DeviceApiException problem) when (problem.IsRefusal && !string.IsNullOrWhiteSpace(problem.Detail))
        {
            return new CheckInOutcome.Refused((int)problem.StatusCode!, problem.Detail);
        }
        catch (DeviceApiException problem) when (problem.IsRefusal)
        {
            // No sentence: not a refusal of this booking but a hub without the route (before issue 12), or a wrong key.
            throw new HubUnavailableException($"hub refused the check-in: {problem.Message}", problem);
        }
    }

    public async Task<CheckInOutcome> CheckInAppointmentAsync(string code, string language, CancellationToken cancellationToken)
    {
        try
        {
            return new CheckInOutcome.CheckedIn(await CallAsync(() => api.CheckInAppointmentAsync(new AppointmentCheckInRequest(code), language, cancellationToken), refusalIsAnswer: true));
        }
        catch (DeviceApiException problem) when (problem.IsRefusal)
        {
            return new CheckInOutcome.Refused((int)problem.StatusCode!, problem.Detail ?? problem.Title ?? "");
        }
    }

    public Task PingAsync(CancellationToken cancellationToken) =>
        CallAsync(async () =>
        {
            await api.PingAsync(cancellationToken);
            return true;
        });

    public Task ReportStatusAsync(DeviceStatusReport report, CancellationToken cancellationToken) =>
        CallAsync(() => api.ReportStatusAsync(report, cancellationToken));

    private async Task<SiteDto> ResolveSiteAsync(CancellationToken cancellationToken)
    {
        var sites = await CallAsync(() => api.GetSitesAsync(cancellationToken));
        if (_siteId is { } id)
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

        _siteId = site.Id;
        return site;
    }

    /// <summary>
    /// Runs one call and keeps <see cref="HubLink"/> up to date. A 4xx is an answer (the link is up):
    /// passed on as <see cref="DeviceApiException"/> when <paramref name="refusalIsAnswer"/>, else a
    /// <see cref="HubUnavailableException"/> (401/403 mean a wrong device key an installer must fix).
    /// </summary>
    private async Task<T> CallAsync<T>(Func<Task<T>> call, bool refusalIsAnswer = false)
    {
        try
        {
            var result = await call();
            link.Succeeded();
            return result;
        }
        catch (DeviceApiException e) when (e.IsRefusal)
        {
            link.Succeeded();
            if (refusalIsAnswer)
            {
                throw;
            }

            throw new HubUnavailableException($"hub refused: {e.Message}", e);
        }
        catch (DeviceApiException e)
        {
            // A 5xx (the hub's database away, the hub starting): no number can be issued now.
            link.Failed(e.Message);
            throw new HubUnavailableException($"hub failed: {e.Message}", e);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or InvalidDataException)
        {
            link.Failed(e.Message);
            throw new HubUnavailableException($"hub unreachable: {e.Message}", e);
        }
    }
}
