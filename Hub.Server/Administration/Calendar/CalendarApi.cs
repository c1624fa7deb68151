using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Administration.Holidays;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Administration.Calendar;

/// <summary>
/// The year's working calendar for the admin: the computed holidays (Labour Code 2019, Art. 112,
/// lunar ones included) merged with what the office entered, and the entries themselves. Each entry
/// is checked against the year as it would become, so what is stored always builds a calendar
/// (<see cref="WorkingCalendar.Build"/>); every change is audited and drops the catalogue cache the
/// queue reads the calendar from.
/// </summary>
public static class CalendarApi
{
    public const int MinYear = 2000;
    public const int MaxYear = 2099;

    public static IEndpointRouteBuilder MapCalendarApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup(string.Empty).WithTags("Admin").RequireAuthorization(Policies.Admin);
        group.MapGet(HubRoutes.AdminCalendar, GetAsync);
        group.MapPost(HubRoutes.AdminCalendarEntries, CreateAsync);
        group.MapDelete(HubRoutes.AdminCalendarEntries + "/{entryId:guid}", DeleteAsync);
        return app;
    }

    public static async Task<Ok<CalendarYearDto>> GetAsync(int? year, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache, TimeProvider time,
        CancellationToken ct)
    {
        var siteId = SiteId(user);
        var site = (await cache.GetAsync(ct)).Sites.GetValueOrDefault(siteId) ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        var y = year ?? site.Hours.LocalDay(time.GetUtcNow().UtcDateTime).Year;
        CheckYear(y);
        var entries = await EntriesOfAsync(db, siteId, y, ct);
        var calendar = WorkingCalendar.Build(y, entries).Calendar ?? WorkingCalendar.Build(y, []).Calendar!;
        var byDate = entries.ToDictionary(e => e.Date);
        var days = calendar.Days.Select(d =>
        {
            var entry = byDate.GetValueOrDefault(d.Date);
            return new CalendarDayDto(d.Date, d.Kind == CalendarDayKind.Holiday ? "holiday" : "makeUpWorkingDay", entry is null ? "computed" : "entered",
                d.HolidayKind?.ToString(), d.NameVi, d.NameEn, entry?.Id);
        }).ToList();
        return TypedResults.Ok(new CalendarYearDto(y, days, [.. entries.Select(ToDto)]));
    }

    public static async Task<Created<CalendarEntryDto>> CreateAsync(CreateCalendarEntryRequest request, ClaimsPrincipal user, HubDbContext db,
        CatalogueCache cache, TimeProvider time, CancellationToken ct)
    {
        Validate.Defined(request.Kind, "kind");
        CheckYear(request.Year);
        var date = Show(request.Date);
        if (request.Date.Year != request.Year)
        {
            throw new DomainException(Errors.CalendarDateOutsideYear.With("date", date, request.Year), "date");
        }

        if (request.Kind == CalendarEntryKind.AddedHoliday)
        {
            Validate.Required(request.Name, "name", 200);
        }

        Validate.MaxLength(request.Name, "name", 200);
        Validate.MaxLength(request.NameEn, "nameEn", 200);

        var siteId = SiteId(user);
        var entries = await EntriesOfAsync(db, siteId, request.Year, ct);
        if (entries.Any(e => e.Date == request.Date))
        {
            throw new DomainException(Errors.CalendarDateTaken.With("date", date), "date");
        }

        var current = WorkingCalendar.Build(request.Year, entries).Calendar ?? WorkingCalendar.Build(request.Year, []).Calendar!;
        var holiday = current.HolidayOn(request.Date);
        switch (request.Kind)
        {
            case CalendarEntryKind.AddedHoliday when holiday is not null:
                throw new DomainException(Errors.AlreadyHoliday.With("date", date, holiday.NameVi), "date");
            case CalendarEntryKind.RemovedHoliday when holiday is null:
                throw new DomainException(Errors.RemovalNotComputed.With("date", date), "date");
            case CalendarEntryKind.MakeUpWorkingDay when !current.WeeklyRestDays.Contains(request.Date.DayOfWeek):
                throw new DomainException(Errors.MakeUpNotRestDay.With("date", date), "date");
            case CalendarEntryKind.MakeUpWorkingDay when holiday is not null:
                throw new DomainException(Errors.MakeUpOnHoliday.With("date", date, holiday.NameVi), "date");
        }

        var entry = new CalendarEntry
        {
            Id = Guid.CreateVersion7(),
            SiteId = siteId,
            Date = request.Date,
            Kind = request.Kind,
            Name = request.Name?.Trim().Normalize() ?? "",
            NameEn = string.IsNullOrWhiteSpace(request.NameEn) ? null : request.NameEn.Trim().Normalize(),
        };

        // The checks above mirror HolidayCalendar.Create; this is the last word (what is stored must always build).
        if (!WorkingCalendar.Build(request.Year, [.. entries, entry]).IsValid)
        {
            throw new DomainException(Errors.Invalid.With("date"), "date");
        }

        db.CalendarEntries.Add(entry);
        AdminAudit.Record(db, user, siteId, AdminActions.Create, AdminEntities.Calendar, entry.Id, null, ToDto(entry), time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.Created(HubRoutes.AdminCalendarEntry(entry.Id), ToDto(entry));
    }

    public static async Task<NoContent> DeleteAsync(Guid entryId, ClaimsPrincipal user, HubDbContext db, CatalogueCache cache, TimeProvider time,
        CancellationToken ct)
    {
        var siteId = SiteId(user);
        var entry = await db.CalendarEntries.AsTracking().FirstOrDefaultAsync(e => e.Id == entryId && e.SiteId == siteId, ct)
            ?? throw new DomainException(Errors.CalendarEntryNotFound, "entryId");
        var others = (await EntriesOfAsync(db, siteId, entry.Date.Year, ct)).Where(e => e.Id != entry.Id).ToList();
        // Removing a worked holiday makes it a holiday again: refused while a make-up day sits on it.
        if (!WorkingCalendar.Build(entry.Date.Year, others).IsValid)
        {
            throw new DomainException(Errors.Invalid.With("entryId"), "entryId");
        }

        db.CalendarEntries.Remove(entry);
        AdminAudit.Record(db, user, siteId, AdminActions.Delete, AdminEntities.Calendar, entry.Id, ToDto(entry), null, time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        cache.Invalidate();
        return TypedResults.NoContent();
    }

    private static CalendarEntryDto ToDto(CalendarEntry e) => new(e.Id, e.Date, e.Kind, e.Name, e.NameEn);

    private static Task<List<CalendarEntry>> EntriesOfAsync(HubDbContext db, Guid siteId, int year, CancellationToken ct)
    {
        var first = new DateOnly(year, 1, 1);
        var last = new DateOnly(year, 12, 31);
        return db.CalendarEntries.AsNoTracking().Where(e => e.SiteId == siteId && e.Date >= first && e.Date <= last).OrderBy(e => e.Date).ToListAsync(ct);
    }

    private static void CheckYear(int year)
    {
        if (year is < MinYear or > MaxYear)
        {
            throw new DomainException(Errors.OutOfRange.With("year", MinYear, MaxYear), "year");
        }
    }

    private static Guid SiteId(ClaimsPrincipal user) => user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");

    private static string Show(DateOnly date) => date.ToString("dd'/'MM'/'yyyy", CultureInfo.InvariantCulture);
}
