using System.Globalization;
using System.Security.Claims;
using System.Text;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Auth;
using QueueKiosk.HubServer.Citizens;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Dossiers;
using QueueKiosk.HubServer.Queue;
using QueueKiosk.HubServer.Supervision;
using QueueKiosk.HubServer.Tracking;

namespace QueueKiosk.HubServer.Appointments;

/// <summary>
/// Appointments and remote tickets (docs/appointments.md): the public booking page and its API
/// (anonymous, rate limited like the tracking page), the kiosk's check-in and dossier search by chip
/// ID card (kiosk key), a service's booking settings (supervisor) and the appointments report.
/// </summary>
public static class AppointmentsApi
{
    public static IServiceCollection AddAppointments(this IServiceCollection services)
    {
        services.AddSingleton<BookingGate>();
        services.AddScoped<BookingService>();
        services.AddHostedService<NoShowRecorder>();
        return services;
    }

    public static IEndpointRouteBuilder MapAppointments(this IEndpointRouteBuilder app)
    {
        var open = app.MapGroup("").WithTags("Public booking").AllowAnonymous().RequireRateLimiting(TrackingApi.RateLimitPolicy);
        open.MapGet(HubRoutes.BookingPage, () => Results.Content(BookingPage.Html(), "text/html; charset=utf-8")).ExcludeFromDescription();
        open.MapGet(HubRoutes.PublicBookingServices, async (Guid? siteId, BookingService bookings, CancellationToken ct) =>
            TypedResults.Ok(await bookings.ServicesAsync(siteId, ct)));
        open.MapGet(HubRoutes.PublicBookingSlots, async (Guid? serviceId, BookingService bookings, CancellationToken ct) =>
            TypedResults.Ok(await bookings.SlotsAsync(serviceId ?? throw new DomainException(Errors.Required.With("serviceId"), "serviceId"), ct)));
        open.MapPost(HubRoutes.PublicBookings, async (CreateBookingRequest request, BookingService bookings, CancellationToken ct) =>
            TypedResults.Created(HubRoutes.PublicBookings, await bookings.BookAsync(request, ct)));
        open.MapPost(HubRoutes.PublicBookingCancelPattern, async (string code, BookingService bookings, CancellationToken ct) =>
            TypedResults.Ok(await bookings.CancelAsync(code, ct)));
        open.MapPost(HubRoutes.PublicRemoteTickets, async (RemoteTicketRequest request, BookingService bookings, CancellationToken ct) =>
            TypedResults.Created(HubRoutes.PublicRemoteTickets, await bookings.RemoteTicketAsync(request, null, ct)));

        app.MapPost(HubRoutes.AppointmentCheckIn, async (AppointmentCheckInRequest request, ClaimsPrincipal user, BookingService bookings, CancellationToken ct) =>
            TypedResults.Ok(await bookings.CheckInAsync(request, user.SiteOf(), new Actor(user.OfficerId(), user.DeviceIdOf()), ct)))
            .WithTags("Appointments").RequireAuthorization(Policies.Issuer);
        app.MapPost(HubRoutes.DossiersByCitizen, DossiersByCitizenAsync).WithTags("Dossiers").RequireAuthorization(Policies.Issuer);

        var admin = app.MapGroup("").WithTags("Admin").RequireAuthorization(Policies.Supervisor);
        admin.MapGet(HubRoutes.AdminServiceBooking, GetSettingsAsync);
        admin.MapPut(HubRoutes.AdminServiceBooking, PutSettingsAsync);
        admin.MapGet(HubRoutes.AppointmentReport, ReportAsync);
        return app;
    }

    /// <summary>The dossiers of the citizen whose chip ID card number the kiosk read: found by its hash, names masked.</summary>
    public static async Task<IResult> DossiersByCitizenAsync(CitizenDossiersRequest request, ClaimsPrincipal user, HttpContext http,
        HubDbContext db, CatalogueCache catalogueCache, CancellationToken ct)
    {
        var number = CitizenIdHash.Validate(request?.CitizenIdNumber, "citizenIdNumber");
        var catalogue = await catalogueCache.GetAsync(ct);
        var site = catalogue.ResolveSite(user.SiteOf()) ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        var hash = CitizenIdHash.Of(number, site.Site.CitizenIdSalt);
        var english = RequestLanguage.IsEnglish(http);
        var dossiers = await db.Dossiers.AsNoTracking().Where(d => d.SiteId == site.Site.Id && d.CitizenIdHash == hash)
            .OrderByDescending(d => d.ReceivedOn).ToListAsync(ct);
        return TypedResults.Ok(dossiers.Select(d => new DossierStatusDto(d.Code, NameMask.Mask(d.ApplicantName), d.ProcedureName, d.State,
            DossierApi.StateText(d.State, english), d.ReceivedOn, d.DueOn, d.CompletedOn, d.Note)).ToList());
    }

    public static async Task<IResult> GetSettingsAsync(Guid serviceId, ClaimsPrincipal user, HubDbContext db, CancellationToken ct)
    {
        var service = await OwnServiceAsync(serviceId, user, db, ct);
        var settings = await db.BookingSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ServiceId == service.Id, ct)
            ?? new BookingSettings { ServiceId = service.Id, SiteId = service.SiteId };
        return TypedResults.Ok(ToDto(settings));
    }

    public static async Task<IResult> PutSettingsAsync(Guid serviceId, BookingSettingsDto request, ClaimsPrincipal user, HubDbContext db,
        TimeProvider time, CancellationToken ct)
    {
        var service = await OwnServiceAsync(serviceId, user, db, ct);
        CheckSettings(request);
        var settings = await db.BookingSettings.AsTracking().FirstOrDefaultAsync(s => s.ServiceId == service.Id, ct);
        var before = settings is null ? null : ToDto(settings);
        if (settings is null)
        {
            settings = new BookingSettings { ServiceId = service.Id, SiteId = service.SiteId };
            db.BookingSettings.Add(settings);
        }

        settings.Enabled = request.Enabled;
        settings.Days = string.Join(',', request.Days.Distinct().Order());
        settings.SlotTimes = string.Join(',', request.SlotTimes.Select(t => BookingRules.Time(BookingRules.SlotTime(t, "slotTimes"))).Distinct().Order(StringComparer.Ordinal));
        settings.SlotMinutes = request.SlotMinutes;
        settings.PlacesPerSlot = request.PlacesPerSlot;
        settings.CheckInBeforeMinutes = request.CheckInBeforeMinutes;
        settings.CheckInAfterMinutes = request.CheckInAfterMinutes;
        settings.DaysAhead = request.DaysAhead;
        settings.RemoteTicketsAllowed = request.RemoteTicketsAllowed;
        settings.RemoteDailyLimitPerPhone = request.RemoteDailyLimitPerPhone;
        settings.ServingRule = request.ServingRule;
        var after = ToDto(settings);
        AdminAudit.Record(db, user, service.SiteId, before is null ? AdminActions.Create : AdminActions.Update, AdminEntities.Booking, service.Id, before, after,
            time.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return TypedResults.Ok(after);
    }

    public static async Task<IResult> ReportAsync(string? from, string? to, string? format, ClaimsPrincipal user, HubDbContext db,
        CatalogueCache catalogueCache, BookingService bookings, TimeProvider time, CancellationToken ct)
    {
        var siteId = await SupervisionApi.SiteAsync(user, null, catalogueCache, ct);
        var catalogue = await catalogueCache.GetAsync(ct);
        var site = catalogue.Sites[siteId];
        var today = site.Hours.LocalDay(time.GetUtcNow().UtcDateTime);
        var fromDay = Validate.Day(from, "from") ?? today;
        var toDay = Validate.Day(to, "to") ?? (from is null ? today : fromDay);
        if (toDay < fromDay || toDay.DayNumber - fromDay.DayNumber > 366)
        {
            throw new DomainException(Errors.Invalid.With("to"), "to");
        }

        if (format is not (null or "" or "json" or "csv"))
        {
            throw new DomainException(Errors.Invalid.With("format"), "format");
        }

        await bookings.RecordNoShowsAsync(ct);
        var report = await AppointmentReport.ReadAsync(db, catalogue, siteId, fromDay, toDay, ct);
        if (format == "csv")
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"lich-hen-{fromDay:yyyyMMdd}-{toDay:yyyyMMdd}.csv");
            return TypedResults.File(AppointmentReport.ToCsv(report), "text/csv; charset=utf-8", name);
        }

        return TypedResults.Ok(report);
    }

    private static void CheckSettings(BookingSettingsDto request)
    {
        if (request.Days is null || request.Days.Any(d => d is < 0 or > 6))
        {
            throw new DomainException(Errors.OutOfRange.With("days", 0, 6), "days");
        }

        if (request.SlotTimes is null || request.SlotTimes.Count > 96)
        {
            throw new DomainException(Errors.SlotTimesInvalid.With("slotTimes"), "slotTimes");
        }

        foreach (var t in request.SlotTimes)
        {
            if (!TimeOnly.TryParseExact(t?.Trim(), "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            {
                throw new DomainException(Errors.SlotTimesInvalid.With("slotTimes"), "slotTimes");
            }
        }

        Range(request.SlotMinutes, "slotMinutes", 5, 240);
        Range(request.PlacesPerSlot, "placesPerSlot", 1, 500);
        Range(request.CheckInBeforeMinutes, "checkInBeforeMinutes", 0, 240);
        Range(request.CheckInAfterMinutes, "checkInAfterMinutes", 0, 240);
        Range(request.DaysAhead, "daysAhead", 0, 90);
        Range(request.RemoteDailyLimitPerPhone, "remoteDailyLimitPerPhone", 1, 10);
        Validate.Defined(request.ServingRule, "servingRule");
    }

    private static void Range(int value, string field, int min, int max)
    {
        if (value < min || value > max)
        {
            throw new DomainException(Errors.OutOfRange.With(field, min, max), field);
        }
    }

    private static async Task<Service> OwnServiceAsync(Guid serviceId, ClaimsPrincipal user, HubDbContext db, CancellationToken ct)
    {
        var siteId = user.SiteOf() ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        return await db.Services.AsNoTracking().FirstOrDefaultAsync(s => s.Id == serviceId && s.SiteId == siteId, ct)
            ?? throw new DomainException(Errors.ServiceNotFound, "serviceId");
    }

    public static BookingSettingsDto ToDto(BookingSettings s) => new(s.ServiceId, s.Enabled, [.. s.DayList().Select(d => (int)d)],
        [.. s.SlotList().Select(BookingRules.Time)], s.SlotMinutes, s.PlacesPerSlot, s.CheckInBeforeMinutes, s.CheckInAfterMinutes, s.DaysAhead,
        s.RemoteTicketsAllowed, s.RemoteDailyLimitPerPhone, s.ServingRule);
}

/// <summary>Records the no-shows every minute, so the supervisor's pages see them without asking for the report first.</summary>
public sealed class NoShowRecorder(IServiceScopeFactory scopes, ILogger<NoShowRecorder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(TimeSpan.FromMinutes(1), stoppingToken);
                using var scope = scopes.CreateScope();
                await scope.ServiceProvider.GetRequiredService<BookingService>().RecordNoShowsAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // The database may be briefly away (DatabaseOutageTests); the next minute tries again.
                logger.LogWarning(e, "Recording booking no-shows failed; retrying in a minute");
            }
        }
    }
}
