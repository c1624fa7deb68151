using Microsoft.AspNetCore.Http.HttpResults;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.Dossiers;
using QueueKiosk.KioskUi.Hub;
using QueueKiosk.KioskUi.Localization;
using QueueKiosk.KioskUi.Status;
using QueueKiosk.KioskUi.Tickets;

namespace QueueKiosk.KioskUi.Api;

/// <summary>The local API the kiosk's own pages call (served to 127.0.0.1 only in production).</summary>
public static class KioskApi
{
    public static IEndpointRouteBuilder MapKioskApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup("/kiosk-api");
        api.MapGet("/state", GetState);
        api.MapGet("/search", Search);
        api.MapPost("/tickets", TakeNumber);
        api.MapGet("/dossiers/{code}", FindDossier);
        endpoints.MapGet("/health/live", () => TypedResults.Ok("live"));
        return endpoints;
    }

    public static Ok<KioskStateView> GetState(KioskState state) => TypedResults.Ok(state.Current());

    public static Ok<IReadOnlyList<SearchHit>> Search(string? q, Guid? field, CatalogueStore store)
    {
        var hits = store.Search.Search(q)
            .Where(p => field is null || p.FieldId == field)
            .Select(p => new SearchHit(p.Id, p.Code, p.Name, p.FieldName, p.ServiceId))
            .ToList();
        return TypedResults.Ok<IReadOnlyList<SearchHit>>(hits);
    }

    public static async Task<Ok<TakeNumberResult>> TakeNumber(TakeNumberBody body, TakeNumberService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.TakeAsync(body.ProcedureId, body.ServiceId, body.Priority, cancellationToken));

    public static async Task<Ok<DossierAnswer>> FindDossier(string code, HttpRequest request, IKioskBackend hub, CancellationToken cancellationToken)
    {
        if (!DossierCode.TryParse(code, out var canonical, out var problem))
        {
            return TypedResults.Ok(new DossierAnswer(problem == "empty" ? DossierAnswerKind.Empty : DossierAnswerKind.Malformed, canonical, null));
        }

        try
        {
            var language = KioskText.Normalize(request.Cookies[KioskText.CookieName]);
            var dossier = await hub.FindDossierAsync(canonical, language, cancellationToken);
            return TypedResults.Ok(new DossierAnswer(dossier is null ? DossierAnswerKind.NotFound : DossierAnswerKind.Found, canonical, dossier));
        }
        catch (HubUnavailableException)
        {
            return TypedResults.Ok(new DossierAnswer(DossierAnswerKind.HubUnavailable, canonical, null));
        }
    }
}

public sealed record SearchHit(Guid Id, string Code, string Name, string FieldName, Guid? ServiceId);

public sealed record TakeNumberBody(Guid? ProcedureId, Guid? ServiceId, PriorityCategory Priority = PriorityCategory.None);

public enum DossierAnswerKind
{
    Found,
    NotFound,
    Empty,
    Malformed,
    HubUnavailable,
}

public sealed record DossierAnswer(DossierAnswerKind Kind, string Code, DossierStatusDto? Dossier);
