using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Dossiers.Upstream;

namespace QueueKiosk.HubServer.Dossiers;

/// <summary>Where dossier statuses come from: the local table now; the one-stop e-system's API later, behind the same interface.</summary>
public interface IDossierStatusSource
{
    Task<DossierRecord?> FindAsync(string code, CancellationToken ct);

    /// <summary>The status and how fresh it is; a source that asks elsewhere (Upstream/) says when its answer is a cached one.</summary>
    async Task<DossierAnswer?> LookupAsync(string code, CancellationToken ct) =>
        await FindAsync(code, ct) is { } dossier ? new DossierAnswer(dossier, MayBeOutdated: false, StatusAsOf: null) : null;
}

/// <param name="MayBeOutdated">The upstream did not answer: this is the last cached status.</param>
/// <param name="StatusAsOf">When the upstream last confirmed it, if known.</param>
public sealed record DossierAnswer(DossierRecord Dossier, bool MayBeOutdated, DateTimeOffset? StatusAsOf);

public sealed class LocalDossierStatusSource(HubDbContext db) : IDossierStatusSource
{
    public Task<DossierRecord?> FindAsync(string code, CancellationToken ct) => db.Dossiers.FirstOrDefaultAsync(d => d.Code == code, ct);
}

public static partial class DossierApi
{
    public static IServiceCollection AddDossiers(this IServiceCollection services, IConfiguration configuration)
    {
        // With the province link on (Province:Url and Province:SiteKey) the site asks the province and caches (Upstream/, docs/province.md); otherwise its own table answers.
        if (!services.AddDossierUpstream(configuration))
        {
            services.AddScoped<IDossierStatusSource, LocalDossierStatusSource>();
        }

        return services;
    }

    public static IEndpointRouteBuilder MapDossierApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup(HubRoutes.Dossiers).WithTags("Dossiers").AllowAnonymous().RequireRateLimiting(Policies.AnonymousRateLimit)
            .MapGet("/{code}", LookupAsync);
        return app;
    }

    /// <summary>Circular 01/2018 Art. 19 code: V1V2V3.Z1Z2.Y1Y2.MX1X2-YYMMDD-XXXX, e.g. 000.00.14.H56-200203-0118.</summary>
    [GeneratedRegex(@"^[0-9A-Z]{3}\.[0-9A-Z]{2}\.[0-9A-Z]{2}\.[0-9A-Z]{3}-[0-9]{6}-[0-9]{4}$")]
    public static partial Regex CodeFormat();

    public static async Task<Results<Ok<DossierStatusDto>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> LookupAsync(
        string code, HttpContext http, IDossierStatusSource source, CancellationToken ct)
    {
        var normalized = code.Trim().ToUpperInvariant();
        if (!CodeFormat().IsMatch(normalized))
        {
            throw new DomainException(Errors.DossierBadCode, "code");
        }

        var english = RequestLanguage.IsEnglish(http);
        var answer = await source.LookupAsync(normalized, ct);
        if (answer is null)
        {
            return TypedResults.NotFound(ProblemExceptionHandler.Build(Errors.DossierNotFound, null, english));
        }

        var dossier = answer.Dossier;
        return TypedResults.Ok(new DossierStatusDto(dossier.Code, NameMask.Mask(dossier.ApplicantName), dossier.ProcedureName, dossier.State,
            StateText(dossier.State, english), dossier.ReceivedOn, dossier.DueOn, dossier.CompletedOn, dossier.Note, answer.MayBeOutdated, answer.StatusAsOf));
    }

    public static string StateText(DossierState state, bool english) => (state, english) switch
    {
        (DossierState.Received, false) => "Đã tiếp nhận",
        (DossierState.Processing, false) => "Đang giải quyết",
        (DossierState.AdditionalDocumentsRequired, false) => "Cần bổ sung hồ sơ",
        (DossierState.ReadyForPickup, false) => "Đã có kết quả, mời nhận",
        (DossierState.Returned, false) => "Đã trả kết quả",
        (DossierState.Overdue, false) => "Quá hạn giải quyết",
        (DossierState.Rejected, false) => "Từ chối giải quyết",
        (DossierState.Received, true) => "Received",
        (DossierState.Processing, true) => "Being processed",
        (DossierState.AdditionalDocumentsRequired, true) => "More documents needed",
        (DossierState.ReadyForPickup, true) => "Result ready for pick-up",
        (DossierState.Returned, true) => "Result returned",
        (DossierState.Overdue, true) => "Overdue",
        (DossierState.Rejected, true) => "Rejected",
        _ => state.ToString(),
    };
}

/// <summary>
/// Masks a person's name for a public screen: the first word whole, then the first letter of each
/// following word with the rest starred ("Nguyễn Văn An" -> "Nguyễn V** A*"). Works on text elements
/// so a letter with its tone mark counts as one.
/// </summary>
public static class NameMask
{
    public static string Mask(string name)
    {
        var words = name.Normalize(System.Text.NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
        {
            return "";
        }

        var masked = new List<string> { words[0] };
        foreach (var word in words.Skip(1))
        {
            var info = new System.Globalization.StringInfo(word);
            masked.Add(info.SubstringByTextElements(0, 1) + new string('*', info.LengthInTextElements - 1));
        }

        return string.Join(' ', masked);
    }
}
