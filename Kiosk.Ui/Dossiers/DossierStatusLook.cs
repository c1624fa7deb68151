using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Localization;

namespace QueueKiosk.KioskUi.Dossiers;

/// <summary>
/// How a status is coloured on the kiosk. The colour of each tone is in kiosk.css (.tone-*); which
/// status gets which tone is decided only in <see cref="DossierStatusLook.ToneOf"/>.
/// </summary>
public enum DossierTone
{
    /// <summary>Blue: the office is working on it, nothing to do but wait.</summary>
    InProgress,

    /// <summary>Amber: the citizen must bring something.</summary>
    ActionNeeded,

    /// <summary>Green: the result is ready to collect.</summary>
    Ready,

    /// <summary>Grey: finished, the result was handed over.</summary>
    Done,

    /// <summary>Orange-red: past the due date, the office is late.</summary>
    Late,

    /// <summary>Red: the office refused to settle it.</summary>
    Refused,
}

/// <summary>
/// What the citizen sees for a dossier's status: its colour, one plain sentence saying what it
/// means and what to do, and for a ready result the service that issues "Lấy số nhận kết quả".
/// </summary>
/// <param name="ResultServiceId">The result-return service (Kiosk:ResultReturnServiceCode) when the result is ready and the office has that service; otherwise null and the sentence says where to go.</param>
public sealed record DossierStatusView(DossierTone Tone, string Meaning, Guid? ResultServiceId, string? ResultServiceName);

public static class DossierStatusLook
{
    /// <summary>The one mapping from status to colour.</summary>
    public static DossierTone ToneOf(DossierState state) => state switch
    {
        DossierState.Received or DossierState.Processing => DossierTone.InProgress,
        DossierState.AdditionalDocumentsRequired => DossierTone.ActionNeeded,
        DossierState.ReadyForPickup => DossierTone.Ready,
        DossierState.Returned => DossierTone.Done,
        DossierState.Overdue => DossierTone.Late,
        DossierState.Rejected => DossierTone.Refused,
        _ => DossierTone.InProgress,
    };

    /// <summary>The KioskText key of a status's sentence; a ready result without a result-return service has its own.</summary>
    public static string MeaningKey(DossierState state, bool hasResultService) =>
        state == DossierState.ReadyForPickup && !hasResultService ? "dossier.meaning.ReadyForPickupAtDesk" : "dossier.meaning." + state;

    /// <param name="resultService">The office's result-return service as the catalogue has it, or null when there is none.</param>
    public static DossierStatusView Describe(DossierState state, string language, ServiceDto? resultService)
    {
        var offer = state == DossierState.ReadyForPickup && resultService is { Active: true } ? resultService : null;
        var name = offer is null ? null : language == KioskText.English && offer.NameEn is { Length: > 0 } en ? en : offer.Name;
        return new DossierStatusView(ToneOf(state), KioskText.Get(language, MeaningKey(state, offer is not null)), offer?.Id, name);
    }
}
