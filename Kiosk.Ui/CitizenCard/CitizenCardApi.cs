using System.Net;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubClient.Schedule;
using QueueKiosk.KioskUi.Api;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Dossiers;
using QueueKiosk.KioskUi.Hub;
using QueueKiosk.KioskUi.Localization;
using QueueKiosk.KioskUi.Tickets;

namespace QueueKiosk.KioskUi.CitizenCard;

/// <summary>
/// /kiosk-api/citizen: the chip ID card (CCCD) at the kiosk (issue 12 item 4). The screen posts
/// what the scanner typed; this host reads it, holds the card in <see cref="CitizenPresence"/> and
/// answers only the name and whether the elderly priority applies. The number goes no further than
/// this host, except in the bodies of the POSTs it makes to the hub (ticket, dossiers, check-in),
/// never in a URL and never in a log. Mapped inside the /kiosk-api group, so its loopback-only
/// filter and per-address limit apply (KioskApi).
/// </summary>
public static class CitizenCardApi
{
    public static RouteGroupBuilder MapCitizenCard(this RouteGroupBuilder api)
    {
        var citizen = api.MapGroup("/citizen");
        citizen.MapPost("/scan", Scan);
        citizen.MapGet("", Current);
        citizen.MapDelete("", Forget);
        citizen.MapPost("/dossiers", Dossiers);
        citizen.MapPost("/check-in", CheckIn);
        return api;
    }

    /// <summary>A scanned string: a card is held and greeted; anything else is refused with a sentence naming the field, and not kept.</summary>
    public static Ok<CitizenAnswer> Scan(CitizenScanBody body, HttpRequest request, CitizenPresence presence, CatalogueStore store, IOptions<KioskOptions> options, TimeProvider time)
    {
        var language = LanguageOf(request);
        if (!CitizenCardQr.TryParse(body.Text, Today(store, time), out var card, out var problem))
        {
            return TypedResults.Ok(new CitizenAnswer(CitizenAnswerKind.Malformed, Problem: problem.ToString(), Message: KioskText.Get(language, "cccd.problem." + problem)));
        }

        presence.Hold(card!);
        return TypedResults.Ok(Present(card!, language, store, options.Value, time));
    }

    /// <summary>The card held now, for a screen that just opened (using it restarts its time).</summary>
    public static Ok<CitizenAnswer> Current(HttpRequest request, CitizenPresence presence, CatalogueStore store, IOptions<KioskOptions> options, TimeProvider time) =>
        TypedResults.Ok(presence.Use() is { } card
            ? Present(card, LanguageOf(request), store, options.Value, time)
            : new CitizenAnswer(CitizenAnswerKind.None));

    /// <summary>"Xong", the idle reset or the screen's own timer: the card is dropped and the name masked.</summary>
    public static Ok<CitizenAnswer> Forget(CitizenPresence presence) =>
        TypedResults.Ok(new CitizenAnswer(CitizenAnswerKind.None, MaskedName: presence.Forget()));

    public static async Task<Ok<CitizenDossiersAnswer>> Dossiers(
        HttpRequest request, CitizenPresence presence, IKioskBackend hub, CatalogueStore store, IOptions<KioskOptions> options, CancellationToken cancellationToken)
    {
        if (presence.Use() is not { } card)
        {
            return TypedResults.Ok(new CitizenDossiersAnswer(CitizenDossiersKind.NoCard, []));
        }

        var language = LanguageOf(request);
        try
        {
            var dossiers = await hub.FindDossiersByCitizenAsync(card.IdNumber, language, cancellationToken);
            var resultService = store.Current?.FindActiveService(options.Value.ResultReturnServiceCode);
            var answers = dossiers
                .Select(d => new DossierAnswer(DossierAnswerKind.Found, d.Code, d, DossierStatusLook.Describe(d.State, language, resultService)))
                .ToList();
            return TypedResults.Ok(new CitizenDossiersAnswer(answers.Count == 0 ? CitizenDossiersKind.None : CitizenDossiersKind.Found, answers));
        }
        catch (HubUnavailableException)
        {
            // The hub is away, or does not offer the look-up (a hub before issue 12 answers 404/405):
            // one sentence, and the citizen can still take a number.
            return TypedResults.Ok(new CitizenDossiersAnswer(CitizenDossiersKind.Unavailable, [], KioskText.Get(language, "cccd.dossiers.unavailable")));
        }
    }

    /// <summary>Check-in for the card's booking: the ticket printed as any other, or the hub's sentence (404, 409) as it wrote it.</summary>
    public static async Task<Ok<CitizenCheckInAnswer>> CheckIn(
        HttpRequest request, CitizenPresence presence, IKioskBackend hub, TakeNumberService tickets, CancellationToken cancellationToken)
    {
        if (presence.Use() is not { } card)
        {
            return TypedResults.Ok(new CitizenCheckInAnswer(CitizenCheckInKind.NoCard));
        }

        var language = LanguageOf(request);
        var unavailable = new CitizenCheckInAnswer(CitizenCheckInKind.Unavailable, Message: KioskText.Get(language, "cccd.checkIn.unavailable"));
        CheckInOutcome outcome;
        try
        {
            outcome = await hub.CheckInByCitizenAsync(card.IdNumber, language, cancellationToken);
        }
        catch (HubUnavailableException)
        {
            return TypedResults.Ok(unavailable);
        }

        switch (outcome)
        {
            case CheckInOutcome.Refused { StatusCode: (int)HttpStatusCode.NotFound or (int)HttpStatusCode.Conflict } refused:
                return TypedResults.Ok(new CitizenCheckInAnswer(CitizenCheckInKind.Refused, Message: refused.Message));
            case CheckInOutcome.Refused:
                return TypedResults.Ok(unavailable);
        }

        var result = ((CheckInOutcome.CheckedIn)outcome).Result;
        var masked = presence.Forget(card);
        var ticket = await tickets.PrintAsync(result.Ticket, null, language, cancellationToken);
        return TypedResults.Ok(new CitizenCheckInAnswer(
            CitizenCheckInKind.CheckedIn,
            ticket with { CitizenMaskedName = masked },
            language == KioskText.English ? result.MessageEn : result.MessageVi,
            result.Late));
    }

    /// <summary>The office's date: a birth or issue date after it is not real, and age counts by it.</summary>
    public static DateOnly Today(CatalogueStore store, TimeProvider time)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return store.Current is { } catalogue
            ? OpeningHours.Of(catalogue.Site).LocalDay(now)
            : DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(now, TimeZoneInfo.FindSystemTimeZoneById(OpeningHours.DefaultZone)));
    }

    /// <summary>
    /// The elderly priority's name when the card's date of birth reaches Kiosk:ElderlyAge and the
    /// office offers that priority group (the same choices as the priority question), else null.
    /// </summary>
    public static string? ElderlyChoice(CitizenCardData card, DateOnly today, KioskCatalogue? catalogue, int elderlyAge, string language)
    {
        if (card.AgeOn(today) < elderlyAge)
        {
            return null;
        }

        var choices = catalogue?.PriorityChoices(language) ?? KioskCatalogue.LawPriorityChoices(language);
        return choices.FirstOrDefault(c => c.Category == PriorityCategory.Elderly)?.Name;
    }

    private static CitizenAnswer Present(CitizenCardData card, string language, CatalogueStore store, KioskOptions options, TimeProvider time) =>
        new(CitizenAnswerKind.Present, card.FullName, CitizenNameMask.Mask(card.FullName), ElderlyChoice(card, Today(store, time), store.Current, options.ElderlyAge, language));

    private static string LanguageOf(HttpRequest request) => KioskText.Normalize(request.Cookies[KioskText.CookieName]);
}

public sealed record CitizenScanBody(string? Text);

public enum CitizenAnswerKind
{
    /// <summary>No card held (none scanned, or dropped after use).</summary>
    None,
    Present,
    Malformed,
}

/// <param name="ElderlyChoice">The name of the elderly priority to offer, or null when the date of birth (or the office) does not give it.</param>
/// <param name="Problem">For a malformed scan: the field at fault (CitizenCardProblem); <paramref name="Message"/> says it in the kiosk's language.</param>
public sealed record CitizenAnswer(
    CitizenAnswerKind Kind,
    string? Name = null,
    string? MaskedName = null,
    string? ElderlyChoice = null,
    string? Problem = null,
    string? Message = null);

public enum CitizenDossiersKind
{
    Found,
    None,
    Unavailable,
    NoCard,
}

public sealed record CitizenDossiersAnswer(CitizenDossiersKind Kind, IReadOnlyList<DossierAnswer> Dossiers, string? Message = null);

public enum CitizenCheckInKind
{
    CheckedIn,

    /// <summary>The hub said no (no booking for this card today, already checked in): its sentence as written.</summary>
    Refused,

    /// <summary>The hub is away or has no bookings (a hub before issue 12).</summary>
    Unavailable,
    NoCard,
}

/// <param name="Late">Checked in outside the booking's window: a walk-in ticket, which <paramref name="Message"/> says.</param>
public sealed record CitizenCheckInAnswer(CitizenCheckInKind Kind, TakeNumberResult? Ticket = null, string? Message = null, bool Late = false);
