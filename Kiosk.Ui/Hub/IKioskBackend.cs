using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Catalogue;

namespace QueueKiosk.KioskUi.Hub;

/// <summary>
/// What the kiosk asks of Hub.Server over REST (not the SignalR hub). Every call carries the
/// kiosk's device key.
/// </summary>
public interface IKioskBackend
{
    /// <summary>Site, fields, procedures, services and counters; throws <see cref="HubUnavailableException"/> when unreachable.</summary>
    Task<KioskCatalogue> FetchCatalogueAsync(CancellationToken cancellationToken);

    Task<IssueOutcome> IssueTicketAsync(IssueTicketRequest request, CancellationToken cancellationToken);

    /// <summary>The dossier's status, or null when the hub does not know the code.</summary>
    Task<DossierStatusDto?> FindDossierAsync(string code, string language, CancellationToken cancellationToken);

    /// <summary>
    /// The dossiers of the citizen with this chip ID card number (sent in a POST body); throws
    /// <see cref="HubUnavailableException"/> when the hub cannot answer or does not offer the look-up.
    /// </summary>
    Task<IReadOnlyList<DossierStatusDto>> FindDossiersByCitizenAsync(string citizenIdNumber, string language, CancellationToken cancellationToken);

    /// <summary>
    /// Check-in for a booking by the citizen's chip ID card number (sent in a POST body): the ticket
    /// issued, or the hub's sentence why not; throws <see cref="HubUnavailableException"/> when the
    /// hub cannot answer or refuses without a sentence (a hub without bookings).
    /// </summary>
    Task<CheckInOutcome> CheckInByCitizenAsync(string citizenIdNumber, string language, CancellationToken cancellationToken);

    /// <summary>Check-in for a booking by its code (docs/appointments.md): the ticket issued, or the hub's sentence why not.</summary>
    Task<CheckInOutcome> CheckInAppointmentAsync(string code, string language, CancellationToken cancellationToken);

    /// <summary>A cheap "are you there" to the hub; throws <see cref="HubUnavailableException"/> when it does not answer.</summary>
    Task PingAsync(CancellationToken cancellationToken);

    /// <summary>Heartbeat with printer status, shown to supervisors (alerts on paper out).</summary>
    Task ReportStatusAsync(DeviceStatusReport report, CancellationToken cancellationToken);
}

/// <summary>The hub's answer to "take a number".</summary>
public abstract record IssueOutcome
{
    public sealed record Issued(TicketDto Ticket) : IssueOutcome;

    /// <summary>Outside opening hours; <paramref name="OpensAtLocal"/> is the hub's wording of the next opening.</summary>
    public sealed record Closed(string? OpensAtLocal) : IssueOutcome;

    /// <summary>The hub refused the request for a reason it explained (ProblemDetails title/detail).</summary>
    public sealed record Rejected(int StatusCode, string Message) : IssueOutcome;
}

/// <summary>The hub's answer to a booking check-in.</summary>
public abstract record CheckInOutcome
{
    public sealed record CheckedIn(AppointmentCheckInResult Result) : CheckInOutcome;

    /// <summary>Refused with the hub's sentence (unknown, cancelled, another day, too early).</summary>
    public sealed record Refused(int StatusCode, string Message) : CheckInOutcome;
}

/// <summary>Hub.Server could not be reached, answered with a server error, or refused the kiosk (a wrong device key).</summary>
public sealed class HubUnavailableException(string message, Exception? inner = null) : HttpRequestException(message, inner);
