using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.ProvinceLink;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Dossiers.Upstream;

/// <summary>
/// The site asks the province tier for a dossier's status (GET {Province:Url}/api/province/dossiers/{code}
/// with X-Site-Key; docs/province.md, "Dossier status from upstream") and keeps each answer in its
/// Dossiers table. When the province does not answer (WAN down, timeout, 5xx) the cached row is the
/// answer, marked "may be out of date" with the time it was last confirmed.
/// </summary>
public sealed class UpstreamDossierStatusSource(
    HttpClient http,
    HubDbContext db,
    WriteGate writeGate,
    DossierConfirmations confirmations,
    IOptions<ProvinceLinkOptions> options,
    TimeProvider time,
    ILogger<UpstreamDossierStatusSource> logger) : IDossierStatusSource
{
    public const string HttpClientName = "upstream";

    public async Task<DossierRecord?> FindAsync(string code, CancellationToken ct) => (await LookupAsync(code, ct))?.Dossier;

    public async Task<DossierAnswer?> LookupAsync(string code, CancellationToken ct)
    {
        DossierStatusDto? fresh;
        try
        {
            fresh = await AskProvinceAsync(code, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException && !ct.IsCancellationRequested)
        {
            logger.LogWarning("The province did not answer for dossier {Code} ({Reason}); answering from the cache", code, ex.Message);
            var cached = await db.Dossiers.AsNoTracking().FirstOrDefaultAsync(d => d.Code == code, ct);
            return cached is null ? null : new DossierAnswer(cached, MayBeOutdated: true, confirmations.LastConfirmed(code));
        }

        if (fresh is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var record = await StoreAsync(fresh, ct);
        confirmations.Confirmed(code, now);
        return new DossierAnswer(record, MayBeOutdated: false, now);
    }

    /// <summary>The province's answer; null when it does not know the code (404).</summary>
    private async Task<DossierStatusDto?> AskProvinceAsync(string code, CancellationToken ct)
    {
        var o = options.Value;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(o.DossierTimeoutMilliseconds);
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(new Uri(o.Url!), HubRoutes.Relative(HubRoutes.ProvinceDossier(code))));
        request.Headers.Add(HubRoutes.SiteKeyHeader, o.SiteKey ?? "");
        using var response = await http.SendAsync(request, timeout.Token);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        if (!response.IsSuccessStatusCode)
        {
            // A refused key is as much "no answer" for the citizen as a cut cable: the cache answers, the log says why.
            throw new HttpRequestException($"province answered {(int)response.StatusCode}", null, response.StatusCode);
        }

        return await response.Content.ReadFromJsonAsync<DossierStatusDto>(timeout.Token)
            ?? throw new HttpRequestException("province answered an empty body");
    }

    private async Task<DossierRecord> StoreAsync(DossierStatusDto fresh, CancellationToken ct)
    {
        using (await writeGate.EnterAsync(ct))
        {
            var row = await db.Dossiers.AsTracking().FirstOrDefaultAsync(d => d.Code == fresh.Code, ct);
            if (row is null)
            {
                row = new DossierRecord { Code = fresh.Code, SiteId = await OwnSiteAsync(ct) };
                db.Dossiers.Add(row);
            }

            // The province sends the name already masked; masking again changes nothing (NameMask).
            row.ApplicantName = fresh.MaskedApplicantName;
            row.ProcedureName = fresh.ProcedureName;
            row.State = fresh.State;
            row.ReceivedOn = fresh.ReceivedOn;
            row.DueOn = fresh.DueOn;
            row.CompletedOn = fresh.CompletedOn;
            row.Note = fresh.Note;
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            return row;
        }
    }

    private async Task<Guid> OwnSiteAsync(CancellationToken ct) =>
        await db.Sites.AsNoTracking().OrderBy(s => s.Code).Select(s => s.Id).FirstOrDefaultAsync(ct);
}

/// <summary>
/// When each dossier's status was last confirmed by the province, in memory: the Dossiers table has
/// no column for it (no migration in this change), so after a restart a cached answer says "may be
/// out of date" without a time until the province answers again (docs/province.md).
/// </summary>
public sealed class DossierConfirmations
{
    private const int MaxEntries = 100_000;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _confirmed = new(StringComparer.Ordinal);

    public void Confirmed(string code, DateTimeOffset at)
    {
        if (_confirmed.Count >= MaxEntries)
        {
            // Forgetting only loses the "as of" time of old answers, never an answer.
            _confirmed.Clear();
        }

        _confirmed[code] = at;
    }

    public DateTimeOffset? LastConfirmed(string code) => _confirmed.TryGetValue(code, out var at) ? at : null;
}
