using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Schedule;
using QueueKiosk.HubServer.Administration.Calendar;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;

namespace QueueKiosk.HubServer.Queue;

/// <summary>
/// Sites (with their calendar entries), services, procedures and counter set-up change rarely but are read by every queue
/// action; they are kept in memory and reloaded after an admin change (Invalidate).
/// </summary>
public sealed class CatalogueCache(IServiceScopeFactory scopes)
{
    private volatile CatalogueData? _data;
    private long _version;
    private readonly SemaphoreSlim _loading = new(1, 1);

    public void Invalidate()
    {
        Interlocked.Increment(ref _version);
        _data = null;
    }

    public async ValueTask<CatalogueData> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_data is { } data)
        {
            return data;
        }

        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_data is { } loaded)
            {
                return loaded;
            }

            var version = Interlocked.Read(ref _version);
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<HubDbContext>();
            var sites = await db.Sites.ToListAsync(cancellationToken);
            var services = await db.Services.ToListAsync(cancellationToken);
            // Every procedure stays (tickets and reports name retired ones too); Active is false when it or its field is retired,
            // so the kiosk cannot take a number for it.
            var procedures = await db.Procedures.Join(db.Fields, p => p.FieldId, f => f.Id,
                    (p, f) => new ProcedureInfo(p.Id, p.SiteId, p.Code, p.Name, p.ServiceId, p.Active && f.Active))
                .ToListAsync(cancellationToken);
            var counters = await db.Counters.Include(c => c.Services).ToListAsync(cancellationToken);
            var calendarEntries = await db.CalendarEntries.AsNoTracking().ToListAsync(cancellationToken);
            var priorityGroups = await db.PriorityGroups.ToListAsync(cancellationToken);
            var fresh = new CatalogueData(
                sites.ToDictionary(s => s.Id, s => SiteInfo.Of(s, [.. calendarEntries.Where(e => e.SiteId == s.Id)])),
                services.ToDictionary(s => s.Id),
                procedures.ToDictionary(p => p.Id),
                counters.ToDictionary(c => c.Id, c => new CounterInfo(c.Id, c.SiteId, c.Number, c.Name, c.LedAddress, c.CameraId,
                    [.. c.Services.OrderBy(s => s.Order).ThenBy(s => s.ServiceId)], c.Active)),
                priorityGroups.GroupBy(g => g.SiteId).ToDictionary(g => g.Key, g => (IReadOnlyList<PriorityGroup>)[.. g.OrderBy(p => p.SortOrder).ThenBy(p => p.Category)]));
            // An admin change made while this was loading may be missing from it: keep it for this
            // caller only, and let the next one load again.
            if (Interlocked.Read(ref _version) == version)
            {
                _data = fresh;
            }

            return fresh;
        }
        finally
        {
            _loading.Release();
        }
    }
}

/// <summary>A site with its parsed hours and its working calendar (holidays, make-up days): ask <see cref="Calendar"/> whether it issues tickets now.</summary>
public sealed record SiteInfo(Site Site, OpeningHours Hours, WorkingCalendar Calendar)
{
    public static SiteInfo Of(Site site, IReadOnlyList<CalendarEntry> calendarEntries)
    {
        var hours = OpeningHours.Parse(site.OpeningHours, site.TimeZone);
        return new SiteInfo(site, hours, new WorkingCalendar(hours, calendarEntries));
    }
}

public sealed record ProcedureInfo(Guid Id, Guid SiteId, string Code, string Name, Guid? ServiceId, bool Active);

/// <param name="Active">False once retired: kept here so its tickets still name it in reports, but left out of every live list.</param>
public sealed record CounterInfo(Guid Id, Guid SiteId, int Number, string Name, int? LedAddress, string? CameraId, IReadOnlyList<CounterService> Services, bool Active = true);

public sealed record CatalogueData(
    IReadOnlyDictionary<Guid, SiteInfo> Sites,
    IReadOnlyDictionary<Guid, Service> Services,
    IReadOnlyDictionary<Guid, ProcedureInfo> Procedures,
    IReadOnlyDictionary<Guid, CounterInfo> Counters,
    IReadOnlyDictionary<Guid, IReadOnlyList<PriorityGroup>> PriorityGroups)
{
    /// <summary>A site's priority groups in their order (all of them, retired ones too).</summary>
    public IReadOnlyList<PriorityGroup> PriorityGroupsOf(Guid siteId) => PriorityGroups.GetValueOrDefault(siteId) ?? [];

    /// <summary>The site a request means: the given one, or the only/first site when none is given.</summary>
    public SiteInfo? ResolveSite(Guid? siteId) =>
        siteId is { } id ? Sites.GetValueOrDefault(id) : Sites.Values.OrderBy(s => s.Site.Code, StringComparer.Ordinal).FirstOrDefault();
}
