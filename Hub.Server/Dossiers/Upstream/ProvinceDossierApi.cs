using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Dossiers.Upstream;

/// <summary>
/// The province tier's side of the dossier link ("ProvinceDossiers" section; docs/province.md,
/// "Dossier status from upstream"). Off unless Enabled.
/// </summary>
public sealed class ProvinceDossierOptions
{
    public const string Section = "ProvinceDossiers";

    public bool Enabled { get; set; }

    /// <summary>The key the province one-stop e-system's import presents (X-Province-Admin-Key) to push statuses.</summary>
    public string? AdminKey { get; set; }

    /// <summary>
    /// The sites' keys (X-Site-Key) that may read statuses. Until the province's own site registry
    /// (issue 13 item 6) replaces <see cref="IProvinceDossierStore"/>'s caller check, they are listed here.
    /// </summary>
    public List<string> SiteKeys { get; set; } = [];
}

/// <summary>
/// Where the province keeps the statuses it was handed. Today: the Dossiers table of the node's own
/// database (the HubDbContext, on PostgreSQL for a province); the province host mode may swap in
/// its own DbContext behind this interface.
/// </summary>
public interface IProvinceDossierStore
{
    Task<DossierRecord?> FindAsync(string code, CancellationToken ct);

    Task<int> UpsertAsync(IReadOnlyList<ProvinceDossierStatus> statuses, CancellationToken ct);
}

public sealed class HubDbProvinceDossierStore(HubDbContext db, WriteGate writeGate) : IProvinceDossierStore
{
    public Task<DossierRecord?> FindAsync(string code, CancellationToken ct) =>
        db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);

    public async Task<int> UpsertAsync(IReadOnlyList<ProvinceDossierStatus> statuses, CancellationToken ct)
    {
        using (await writeGate.EnterAsync(ct))
        {
            var codes = statuses.Select(s => s.Code).ToList();
            var existing = await db.Dossiers.AsTracking().Where(d => codes.Contains(d.Code)).ToDictionaryAsync(d => d.Code, ct);
            // The last of a code in one batch wins, as if the batch were sent one by one.
            foreach (var s in statuses)
            {
                if (!existing.TryGetValue(s.Code, out var row))
                {
                    row = new DossierRecord { Code = s.Code };
                    db.Dossiers.Add(row);
                    existing[s.Code] = row;
                }

                row.SiteId = s.SiteId ?? row.SiteId;
                row.ApplicantName = s.ApplicantName.Normalize(System.Text.NormalizationForm.FormC);
                row.ProcedureName = s.ProcedureName.Normalize(System.Text.NormalizationForm.FormC);
                row.State = s.State;
                row.ReceivedOn = s.ReceivedOn;
                row.DueOn = s.DueOn;
                row.CompletedOn = s.CompletedOn;
                row.Note = s.Note?.Normalize(System.Text.NormalizationForm.FormC);
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return existing.Count;
        }
    }
}

public static class ProvinceDossierApi
{
    public static IEndpointRouteBuilder MapProvinceDossierApi(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.Province().Enabled)
        {
            return app;
        }

        // Machine callers with their own keys: no cookie, so no same-origin check applies.
        var group = app.MapGroup(HubRoutes.ProvinceDossiers).WithTags("Province").AllowAnonymous();
        group.MapGet("/{code}", GetAsync);
        group.MapPut("/", PutAsync);
        return app;
    }

    /// <summary>A site asks for one status; the answer carries the masked name only (the site shows nothing more).</summary>
    public static async Task<Results<Ok<DossierStatusDto>, NotFound<Microsoft.AspNetCore.Mvc.ProblemDetails>>> GetAsync(
        string code, HttpContext http, IProvinceDossierStore store, CancellationToken ct)
    {
        var options = http.RequestServices.Province();
        var key = http.Request.Headers[HubRoutes.SiteKeyHeader].ToString();
        if (!options.SiteKeys.Any(k => DossierUpstreamExtensions.SameKey(key, k)))
        {
            throw new DomainException(Errors.SiteKeyRefused, HubRoutes.SiteKeyHeader);
        }

        var normalized = code.Trim().ToUpperInvariant();
        if (!DossierApi.CodeFormat().IsMatch(normalized))
        {
            throw new DomainException(Errors.DossierBadCode, "code");
        }

        var english = RequestLanguage.IsEnglish(http);
        if (await store.FindAsync(normalized, ct) is not { } d)
        {
            return TypedResults.NotFound(ProblemExceptionHandler.Build(Errors.DossierNotFound, null, english));
        }

        return TypedResults.Ok(new DossierStatusDto(d.Code, NameMask.Mask(d.ApplicantName), d.ProcedureName, d.State,
            DossierApi.StateText(d.State, english), d.ReceivedOn, d.DueOn, d.CompletedOn, d.Note));
    }

    /// <summary>The province one-stop e-system (or an import job) pushes a batch of statuses.</summary>
    public static async Task<Ok<ProvinceDossierBatchResult>> PutAsync(ProvinceDossierBatch batch, HttpContext http, IProvinceDossierStore store, CancellationToken ct)
    {
        var options = http.RequestServices.Province();
        if (!DossierUpstreamExtensions.SameKey(http.Request.Headers[HubRoutes.ProvinceAdminKeyHeader].ToString(), options.AdminKey))
        {
            throw new DomainException(Errors.ProvinceAdminKeyRefused, HubRoutes.ProvinceAdminKeyHeader);
        }

        if (batch?.Dossiers is not { Count: > 0 and <= ProvinceDossierBatch.MaxCount } dossiers)
        {
            throw new DomainException(Errors.DossierBatchSize.With(ProvinceDossierBatch.MaxCount), "dossiers");
        }

        var normalized = new List<ProvinceDossierStatus>(dossiers.Count);
        for (var i = 0; i < dossiers.Count; i++)
        {
            normalized.Add(Checked(dossiers[i], $"dossiers[{i}]"));
        }

        return TypedResults.Ok(new ProvinceDossierBatchResult(await store.UpsertAsync(normalized, ct)));
    }

    private static ProvinceDossierStatus Checked(ProvinceDossierStatus? s, string at)
    {
        if (s is null)
        {
            throw new DomainException(Errors.Required.With(at), at);
        }

        var code = (s.Code ?? "").Trim().ToUpperInvariant();
        if (!DossierApi.CodeFormat().IsMatch(code))
        {
            throw new DomainException(Errors.DossierBadCodeAt.With($"{at}.code"), $"{at}.code");
        }

        Validate.Required(s.ApplicantName, $"{at}.applicantName", 200);
        Validate.Required(s.ProcedureName, $"{at}.procedureName", 400);
        Validate.MaxLength(s.Note, $"{at}.note", 1000);
        Validate.Defined(s.State, $"{at}.state");
        if (s.DueOn < s.ReceivedOn)
        {
            throw new DomainException(Errors.DossierDueBeforeReceived.With($"{at}.dueOn"), $"{at}.dueOn");
        }

        return s with { Code = code };
    }
}
