using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Devices;
using QueueKiosk.HubServer.Citizens;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Queue;

namespace QueueKiosk.HubServer.Appointments;

/// <summary>
/// One hub's lock around the booking decisions (book, cancel, check in, remote tickets): within one
/// process they never race, so the citizens' answers are decided one at a time and a full slot is a
/// clean refusal. The database's unique index on a slot's places is what holds across processes.
/// </summary>
public sealed class BookingGate
{
    public SemaphoreSlim Lock { get; } = new(1, 1);
}

/// <summary>Bookings, their check-in at the kiosk and remote tickets (docs/appointments.md).</summary>
public sealed class BookingService(HubDbContext db, CatalogueCache catalogueCache, QueueEngine engine, BookingGate gate, TimeProvider time,
    Microsoft.Extensions.Options.IOptions<QueueOptions> queueOptions)
{
    /// <summary>Tries to take a place again after another process took the one chosen (the unique index refused it).</summary>
    private const int PlaceAttempts = 5;

    public async Task<IReadOnlyList<BookingServiceDto>> ServicesAsync(Guid? siteId, CancellationToken ct)
    {
        var (site, catalogue) = await SiteAsync(siteId, ct);
        var settings = await db.BookingSettings.AsNoTracking().Where(b => b.SiteId == site.Site.Id && (b.Enabled || b.RemoteTicketsAllowed)).ToListAsync(ct);
        return [.. settings
            .Select(b => (Settings: b, Service: catalogue.Services.GetValueOrDefault(b.ServiceId)))
            .Where(x => x.Service is { Active: true })
            .OrderBy(x => x.Service!.SortOrder).ThenBy(x => x.Service!.Code, StringComparer.Ordinal)
            .Select(x => new BookingServiceDto(x.Service!.Id, x.Service.Code, x.Service.Name, x.Service.NameEn, x.Settings.Enabled, x.Settings.RemoteTicketsAllowed,
                [.. catalogue.Procedures.Values.Where(p => p.ServiceId == x.Service.Id && p.Active).OrderBy(p => p.Code, StringComparer.Ordinal)
                    .Select(p => new BookingProcedureDto(p.Id, p.Code, p.Name))]))];
    }

    public async Task<IReadOnlyList<BookingDayDto>> SlotsAsync(Guid serviceId, CancellationToken ct)
    {
        var (site, service, settings) = await BookableServiceAsync(serviceId, ct);
        var now = Now();
        var today = site.Hours.LocalDay(now);
        var last = today.AddDays(settings.DaysAhead);
        var taken = (await db.Bookings.AsNoTracking()
                .Where(b => b.ServiceId == service.Id && b.Day >= today && b.Day <= last && b.Place != null)
                .Select(b => new { b.Day, b.SlotStart })
                .ToListAsync(ct))
            .GroupBy(b => (b.Day, b.SlotStart)).ToDictionary(g => g.Key, g => g.Count());
        var days = new List<BookingDayDto>();
        for (var day = today; day <= last; day = day.AddDays(1))
        {
            var slots = BookingRules.BookableSlots(site, settings, day, now, IgnoreHours)
                .Select(s => new BookingSlotDto(BookingRules.Time(s), Math.Max(0, settings.PlacesPerSlot - taken.GetValueOrDefault((day, s)))))
                .ToList();
            if (slots.Count > 0)
            {
                days.Add(new BookingDayDto(day, slots));
            }
        }

        return days;
    }

    public async Task<BookingConfirmationDto> BookAsync(CreateBookingRequest request, CancellationToken ct)
    {
        var (site, service, settings) = await BookableServiceAsync(request.ServiceId, ct);
        var catalogue = await catalogueCache.GetAsync(ct);
        if (request.ProcedureId is { } procedureId
            && (!catalogue.Procedures.TryGetValue(procedureId, out var procedure) || procedure.ServiceId != service.Id || !procedure.Active))
        {
            throw new DomainException(Errors.ProcedureNotFound, "procedureId");
        }

        var name = (request.Name ?? "").Trim().Normalize();
        Validate.Required(name, "name", BookingLimits.Name);
        var phone = BookingRules.Phone(request.Phone, "phone");
        var slot = BookingRules.SlotTime(request.Slot, "slot");
        var citizenIdHash = CitizenIdHash.OfOptional(request.CitizenIdNumber, site.Site.CitizenIdSalt, "citizenIdNumber");
        var now = Now();
        var start = BookingRules.EnsureBookable(site, settings, request.Day, slot, now, IgnoreHours);

        await gate.Lock.WaitAsync(ct);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                var taken = await db.Bookings
                    .Where(b => b.ServiceId == service.Id && b.Day == request.Day && b.SlotStart == slot && b.Place != null)
                    .Select(b => b.Place!.Value).ToListAsync(ct);
                var free = Enumerable.Range(1, settings.PlacesPerSlot).Except(taken).Cast<int?>().FirstOrDefault();
                if (free is null)
                {
                    throw new DomainException(Errors.BookingSlotFull.With(BookingRules.Time(slot), BookingRules.Day(request.Day)), "slot");
                }

                var booking = new Booking
                {
                    Id = Guid.CreateVersion7(),
                    SiteId = site.Site.Id,
                    ServiceId = service.Id,
                    ProcedureId = request.ProcedureId,
                    Day = request.Day,
                    SlotStart = slot,
                    Place = free,
                    Name = name,
                    Phone = phone,
                    Code = BookingCodes.New(),
                    Status = BookingStatus.Booked,
                    CitizenIdHash = citizenIdHash,
                    CreatedAt = now,
                };
                db.Bookings.Add(booking);
                try
                {
                    await db.SaveChangesAsync(ct);
                    return Confirmation(booking, service, settings, start, site);
                }
                catch (DbUpdateException) when (attempt < PlaceAttempts)
                {
                    // Another hub process took the place (or, once in a blue moon, the code): read again.
                    db.Entry(booking).State = EntityState.Detached;
                }
            }
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    public async Task<CancelBookingResult> CancelAsync(string code, CancellationToken ct)
    {
        var normalized = BookingCodes.Normalize(code) ?? throw new DomainException(Errors.BookingNotFound, "code");
        var catalogue = await catalogueCache.GetAsync(ct);
        await gate.Lock.WaitAsync(ct);
        try
        {
            var booking = await db.Bookings.AsTracking().FirstOrDefaultAsync(b => b.Code == normalized, ct) ?? throw new DomainException(Errors.BookingNotFound, "code");
            if (booking.Status == BookingStatus.Cancelled)
            {
                throw new DomainException(Errors.BookingCancelled, "code");
            }

            var site = catalogue.Sites.GetValueOrDefault(booking.SiteId) ?? throw new DomainException(Errors.SiteNotFound, "siteId");
            var now = Now();
            if (booking.Status != BookingStatus.Booked || BookingRules.StartUtc(site, booking.Day, booking.SlotStart) <= now)
            {
                throw new DomainException(Errors.BookingNotChangeable, "code");
            }

            booking.Status = BookingStatus.Cancelled;
            booking.Place = null;
            booking.CancelledAt = now;
            await db.SaveChangesAsync(ct);
            return new CancelBookingResult(booking.Code,
                $"Đã hủy lịch hẹn {booking.Code} lúc {BookingRules.Time(booking.SlotStart)} ngày {BookingRules.Day(booking.Day)}.",
                $"Booking {booking.Code} at {BookingRules.Time(booking.SlotStart)} on {BookingRules.Day(booking.Day)} is cancelled.");
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    /// <summary>
    /// Check-in at the kiosk by booking code or chip ID card number. Within the window the ticket is an
    /// appointment ticket (served at its slot time when the service's rule says so); after it, a
    /// walk-in ticket, which the messages say. Too early, another day, cancelled, unknown: a sentence.
    /// </summary>
    public async Task<AppointmentCheckInResult> CheckInAsync(AppointmentCheckInRequest request, Guid? siteId, Actor actor, CancellationToken ct)
    {
        var (site, _) = await SiteAsync(siteId, ct);
        var today = site.Hours.LocalDay(Now());
        string? requestHash = null;
        string? code = null;
        if (!string.IsNullOrWhiteSpace(request.Code))
        {
            code = BookingCodes.Normalize(request.Code) ?? throw new DomainException(Errors.BookingNotFound, "code");
        }
        else if (!string.IsNullOrWhiteSpace(request.CitizenIdNumber))
        {
            requestHash = CitizenIdHash.Of(CitizenIdHash.Validate(request.CitizenIdNumber, "citizenIdNumber"), site.Site.CitizenIdSalt);
        }
        else
        {
            throw new DomainException(Errors.BookingCheckInTarget, "code");
        }

        await gate.Lock.WaitAsync(ct);
        try
        {
            var booking = code is not null
                ? await db.Bookings.AsTracking().FirstOrDefaultAsync(b => b.Code == code && b.SiteId == site.Site.Id, ct) ?? throw new DomainException(Errors.BookingNotFound, "code")
                : await TodaysBookingOfAsync(site, requestHash!, today, ct);
            if (booking.Status == BookingStatus.Cancelled)
            {
                throw new DomainException(Errors.BookingCancelled, "code");
            }

            if (booking.Status == BookingStatus.CheckedIn)
            {
                throw new DomainException(Errors.BookingAlreadyCheckedIn, "code");
            }

            if (booking.Day != today)
            {
                throw new DomainException(Errors.BookingOtherDay.With(BookingRules.Day(booking.Day)), "code");
            }

            var settings = await db.BookingSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ServiceId == booking.ServiceId, ct) ?? new BookingSettings();
            var start = BookingRules.StartUtc(site, booking.Day, booking.SlotStart);
            var now = Now();
            var opens = start.AddMinutes(-settings.CheckInBeforeMinutes);
            if (now < opens)
            {
                throw new DomainException(Errors.BookingTooEarly.With(BookingRules.Time(TimeOnly.FromDateTime(site.Hours.ToLocal(opens)))), "code");
            }

            var late = now > start.AddMinutes(settings.CheckInAfterMinutes);
            var hash = booking.CitizenIdHash ?? requestHash;
            var atMs = !late && settings.ServingRule == AppointmentServingRule.SlotTimeFirst ? CallOrder.UnixMs(start) : (long?)null;
            var ticket = await engine.IssueAsync(
                new IssueTicketRequest(booking.ServiceId, booking.ProcedureId, PriorityCategory.None, late ? TicketChannel.Kiosk : TicketChannel.Appointment, site.Site.Id),
                actor, ct, new AppointmentIssue(atMs, hash));

            booking.Status = BookingStatus.CheckedIn;
            booking.TicketId = ticket.Id;
            booking.LateCheckIn = late;
            booking.CheckedInAt = now;
            await db.SaveChangesAsync(ct);
            var slot = BookingRules.Time(booking.SlotStart);
            var (vi, en) = late
                ? ($"Quý khách đến muộn so với lịch hẹn {slot}: số {ticket.Number} được cấp như số thứ tự thông thường, phục vụ theo thứ tự.",
                    $"You are late for your {slot} appointment: ticket {ticket.Number} is an ordinary ticket, served in turn.")
                : ($"Đã xác nhận lịch hẹn {slot}. Số của quý khách là {ticket.Number}, được mời theo lịch hẹn.",
                    $"Your {slot} appointment is checked in. Your number is {ticket.Number}; you will be called for your slot.");
            return new AppointmentCheckInResult(ticket, late, vi, en);
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    public async Task<RemoteTicketResult> RemoteTicketAsync(RemoteTicketRequest request, Guid? siteId, CancellationToken ct)
    {
        var (site, catalogue) = await SiteAsync(siteId, ct);
        var service = catalogue.Services.GetValueOrDefault(request.ServiceId);
        if (service is null || service.SiteId != site.Site.Id)
        {
            throw new DomainException(Errors.ServiceNotFound, "serviceId");
        }

        var settings = await db.BookingSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ServiceId == service.Id, ct);
        if (settings is not { RemoteTicketsAllowed: true } || !service.Active)
        {
            throw new DomainException(Errors.RemoteNotAllowed.With(service.Code), "serviceId");
        }

        var phone = BookingRules.Phone(request.Phone, "phone");
        await gate.Lock.WaitAsync(ct);
        try
        {
            var now = Now();
            var today = site.Hours.LocalDay(now);
            var taken = await db.RemoteTickets.CountAsync(r => r.SiteId == site.Site.Id && r.Day == today && r.Phone == phone && r.ServiceId == service.Id, ct);
            if (taken >= settings.RemoteDailyLimitPerPhone)
            {
                throw new DomainException(Errors.RemoteLimitReached.With(settings.RemoteDailyLimitPerPhone), "phone");
            }

            var ticket = await engine.IssueAsync(new IssueTicketRequest(service.Id, null, PriorityCategory.None, TicketChannel.Remote, site.Site.Id), Actor.System, ct);
            db.RemoteTickets.Add(new RemoteTicket { TicketId = ticket.Id, SiteId = site.Site.Id, ServiceId = service.Id, Day = today, Phone = phone, CreatedAt = now });
            await db.SaveChangesAsync(ct);
            var token = await db.Tickets.AsNoTracking().Where(t => t.Id == ticket.Id).Select(t => t.TrackingToken).SingleAsync(ct);
            return new RemoteTicketResult(ticket.Number, service.Name, HubRoutes.TrackPage(token!), ticket.TrackingUrl, ticket.PeopleAhead);
        }
        finally
        {
            gate.Lock.Release();
        }
    }

    /// <summary>Records as no-shows the bookings never checked in by the end of their window; returns how many.</summary>
    public async Task<int> RecordNoShowsAsync(CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var now = Now();
        var settings = await db.BookingSettings.AsNoTracking().ToDictionaryAsync(s => s.ServiceId, ct);
        var latestDay = DateOnly.FromDateTime(now.AddDays(1));
        var open = await db.Bookings.AsTracking().Where(b => b.Status == BookingStatus.Booked && b.Day <= latestDay).ToListAsync(ct);
        var count = 0;
        foreach (var booking in open)
        {
            if (catalogue.Sites.GetValueOrDefault(booking.SiteId) is not { } site)
            {
                continue;
            }

            var after = settings.GetValueOrDefault(booking.ServiceId)?.CheckInAfterMinutes ?? 0;
            if (BookingRules.StartUtc(site, booking.Day, booking.SlotStart).AddMinutes(after) < now)
            {
                booking.Status = BookingStatus.NoShow;
                count++;
            }
        }

        if (count > 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return count;
    }

    private async Task<Booking> TodaysBookingOfAsync(SiteInfo site, string citizenIdHash, DateOnly today, CancellationToken ct)
    {
        // The citizen's booking of today still to use (the nearest slot first); a late one too, which becomes a walk-in.
        var bookings = await db.Bookings.AsTracking()
            .Where(b => b.SiteId == site.Site.Id && b.CitizenIdHash == citizenIdHash && b.Day == today
                && (b.Status == BookingStatus.Booked || b.Status == BookingStatus.NoShow))
            .ToListAsync(ct);
        var nowLocal = TimeOnly.FromDateTime(site.Hours.ToLocal(Now()));
        return bookings.OrderBy(b => Math.Abs((b.SlotStart - nowLocal).TotalMinutes)).FirstOrDefault()
            ?? throw new DomainException(Errors.CitizenHasNoBookingToday, "citizenIdNumber");
    }

    private static BookingConfirmationDto Confirmation(Booking booking, Service service, BookingSettings settings, DateTime start, SiteInfo site)
    {
        var from = TimeOnly.FromDateTime(site.Hours.ToLocal(start.AddMinutes(-settings.CheckInBeforeMinutes)));
        var until = TimeOnly.FromDateTime(site.Hours.ToLocal(start.AddMinutes(settings.CheckInAfterMinutes)));
        return new BookingConfirmationDto(booking.Code, service.Name, booking.Day, BookingRules.Time(booking.SlotStart),
            BookingRules.Time(from), BookingRules.Time(until), PairingCode.QrPngDataUrl(booking.Code));
    }

    private async Task<(SiteInfo Site, CatalogueData Catalogue)> SiteAsync(Guid? siteId, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        var site = catalogue.ResolveSite(siteId) ?? throw new DomainException(Errors.SiteNotFound, "siteId");
        return (site, catalogue);
    }

    private async Task<(SiteInfo Site, Service Service, BookingSettings Settings)> BookableServiceAsync(Guid serviceId, CancellationToken ct)
    {
        var catalogue = await catalogueCache.GetAsync(ct);
        if (!catalogue.Services.TryGetValue(serviceId, out var service) || catalogue.Sites.GetValueOrDefault(service.SiteId) is not { } site)
        {
            throw new DomainException(Errors.ServiceNotFound, "serviceId");
        }

        var settings = await db.BookingSettings.AsNoTracking().FirstOrDefaultAsync(s => s.ServiceId == serviceId, ct);
        if (settings is not { Enabled: true } || !service.Active)
        {
            throw new DomainException(Errors.BookingNotOffered.With(service.Code), "serviceId");
        }

        return (site, service, settings);
    }

    private bool IgnoreHours => queueOptions.Value.IgnoreOpeningHours;

    private DateTime Now() => time.GetUtcNow().UtcDateTime;
}
