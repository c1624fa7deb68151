using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.Catalogue;
using QueueKiosk.KioskUi.CitizenCard;
using QueueKiosk.KioskUi.Configuration;
using QueueKiosk.KioskUi.Dossiers;
using QueueKiosk.KioskUi.Hub;
using QueueKiosk.KioskUi.Localization;
using QueueKiosk.KioskUi.Status;
using QueueKiosk.KioskUi.Tickets;

namespace QueueKiosk.KioskUi.Api;

/// <summary>
/// The local API the kiosk's own pages call. It issues tickets with the kiosk's device key and
/// looks up dossiers through the hub, so it answers only this machine unless Kiosk:AllowRemoteApi
/// is set, and each client address is limited to Kiosk:ApiRequestsPerMinute (as the hub limits
/// its own anonymous look-ups).
/// </summary>
public static class KioskApi
{
    public const string RateLimitPolicy = "kiosk-api";

    /// <summary>The kiosk screens' own API, under one prefix.</summary>
    public const string Prefix = "/kiosk-api";

    /// <summary>Where the screens load the site's logo from (the copy kept with the catalogue).</summary>
    public const string LogoRoute = Prefix + "/logo";

    public static IServiceCollection AddKioskApiLimits(this IServiceCollection services)
    {
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(RateLimitPolicy, ctx =>
            {
                var perMinute = ctx.RequestServices.GetRequiredService<IOptions<KioskOptions>>().Value.ApiRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }

    /// <summary>The site's logo as last fetched from the hub; 404 when the site has none.</summary>
    public static IResult GetLogo(CatalogueStore store) =>
        store.Current?.Logo is { } logo ? TypedResults.File(logo.Bytes, logo.ContentType) : TypedResults.NotFound();

    /// <summary>Loopback callers only, unless configured otherwise (a missing address is an in-process caller).</summary>
    public static bool MayCall(System.Net.IPAddress? remote, bool allowRemote) =>
        allowRemote || remote is null || System.Net.IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    public static IEndpointRouteBuilder MapKioskApi(this IEndpointRouteBuilder endpoints)
    {
        var api = endpoints.MapGroup(Prefix).RequireRateLimiting(RateLimitPolicy);
        api.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var allowRemote = http.RequestServices.GetRequiredService<IOptions<KioskOptions>>().Value.AllowRemoteApi;
            return MayCall(http.Connection.RemoteIpAddress, allowRemote)
                ? await next(context)
                : TypedResults.Problem(
                    title: "Chỉ máy kiosk này được dùng / this kiosk's own screen only",
                    detail: "Kiosk:AllowRemoteApi chưa bật / is not set.",
                    statusCode: StatusCodes.Status403Forbidden);
        });
        // The screens poll the state often (a stopped hub must show within 2 s); it is a read of
        // this process's memory, so it does not spend the caller's per-minute allowance.
        api.MapGet("/state", GetState).DisableRateLimiting();
        api.MapGet(LogoRoute[Prefix.Length..], GetLogo).DisableRateLimiting();
        api.MapGet("/search", Search);
        api.MapPost("/tickets", TakeNumber);
        api.MapGet("/dossiers/{code}", FindDossier);
        api.MapCitizenCard();
        api.MapPost("/check-in", CheckIn);
        endpoints.MapGet("/health/live", () => TypedResults.Ok("live"));
        return endpoints;
    }

    public static Ok<KioskStateView> GetState(KioskState state) => TypedResults.Ok(state.Current());

    /// <summary>Procedures matching the typed words, named in the kiosk's language where the catalogue has it (searched on the Vietnamese and the English names).</summary>
    public static Ok<IReadOnlyList<SearchHit>> Search(string? q, Guid? field, HttpRequest request, CatalogueStore store)
    {
        var language = LanguageOf(request);
        var catalogue = store.Current;
        var hits = store.Search.Search(q)
            .Where(p => field is null || p.FieldId == field)
            .Select(p =>
            {
                var name = KioskCatalogue.ProcedureText(p, language);
                var fieldName = catalogue?.FindField(p.FieldId) is { } f ? catalogue.FieldText(f, language).Text : p.FieldName;
                return new SearchHit(p.Id, p.Code, name.Text, fieldName, p.ServiceId, name.Translated);
            })
            .ToList();
        return TypedResults.Ok<IReadOnlyList<SearchHit>>(hits);
    }

    public static async Task<Ok<TakeNumberResult>> TakeNumber(TakeNumberBody body, HttpRequest request, TakeNumberService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.TakeAsync(body.ProcedureId, body.ServiceId, body.Priority, LanguageOf(request), cancellationToken));

    public static async Task<Ok<Appointments.CheckInAnswer>> CheckIn(Appointments.CheckInBody body, HttpRequest request, Appointments.CheckInService service, CancellationToken cancellationToken) =>
        TypedResults.Ok(await service.CheckInAsync(body.Code, LanguageOf(request), cancellationToken));

    /// <summary>The language the citizen chose on this kiosk's screen (the page's cookie).</summary>
    private static string LanguageOf(HttpRequest request) => KioskText.Normalize(request.Cookies[KioskText.CookieName]);

    public static async Task<Ok<DossierAnswer>> FindDossier(
        string code, HttpRequest request, IKioskBackend hub, CatalogueStore store, IOptions<KioskOptions> options, CancellationToken cancellationToken)
    {
        if (!DossierCode.TryParse(code, out var canonical, out var problem))
        {
            return TypedResults.Ok(new DossierAnswer(problem == "empty" ? DossierAnswerKind.Empty : DossierAnswerKind.Malformed, canonical, null));
        }

        try
        {
            var language = LanguageOf(request);
            var dossier = await hub.FindDossierAsync(canonical, language, cancellationToken);
            if (dossier is null)
            {
                return TypedResults.Ok(new DossierAnswer(DossierAnswerKind.NotFound, canonical, null));
            }

            var resultService = store.Current?.FindActiveService(options.Value.ResultReturnServiceCode);
            return TypedResults.Ok(new DossierAnswer(DossierAnswerKind.Found, canonical, dossier, DossierStatusLook.Describe(dossier.State, language, resultService)));
        }
        catch (HubUnavailableException)
        {
            return TypedResults.Ok(new DossierAnswer(DossierAnswerKind.HubUnavailable, canonical, null));
        }
    }
}

/// <param name="Translated">False when the citizen chose English and the procedure has no English name (shown in Vietnamese, and said so).</param>
public sealed record SearchHit(Guid Id, string Code, string Name, string FieldName, Guid? ServiceId, bool Translated = true);

public sealed record TakeNumberBody(Guid? ProcedureId, Guid? ServiceId, PriorityCategory Priority = PriorityCategory.None);

public enum DossierAnswerKind
{
    Found,
    NotFound,
    Empty,
    Malformed,
    HubUnavailable,
}

/// <param name="Status">For a found dossier: its colour, its sentence and the result-return service, if any.</param>
public sealed record DossierAnswer(DossierAnswerKind Kind, string Code, DossierStatusDto? Dossier, DossierStatusView? Status = null);
