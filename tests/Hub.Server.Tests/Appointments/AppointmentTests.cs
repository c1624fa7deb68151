using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Appointments;
using QueueKiosk.HubServer.Demo;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Appointments;

/// <summary>
/// Bookings, check-in, remote tickets and the chip ID card hash (docs/appointments.md), through the
/// HTTP API on SQLite and PostgreSQL. The hub's clock is Monday 23 Nov 2026, 09:00 in Hồ Chí Minh
/// City; the demo opens Mon-Fri 07:30-11:30 and 13:00-17:00, and its service A takes bookings.
/// </summary>
public abstract class AppointmentTests(ITestOutputHelper output) : HubAppTest(output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly DateOnly Tomorrow = Today.AddDays(1);

    // Opening hours and holidays are what bookings are checked against here (Queue:IgnoreOpeningHours off).
    protected override HubApp CreateApp(TestDatabase database) => new(database, ignoreOpeningHours: false);

    private async Task<Guid> ServiceAAsync(int places = 4, int daysAhead = 60, string slots = "08:00,09:00,09:30,10:00,11:15,12:00,13:00",
        bool remote = true, int remoteLimit = 1)
    {
        var a = await App!.ServiceIdAsync("A");
        using var supervisor = await App.SupervisorAsync();
        var settings = new BookingSettingsDto(a, true, [1, 2, 3, 4, 5, 6], [.. slots.Split(',')], 30, places, 15, 10, daysAhead, remote, remoteLimit,
            AppointmentServingRule.SlotTimeFirst);
        var response = await supervisor.PutAsJsonAsync(HubRoutes.AdminServiceBookingOf(a), settings);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        Assert.Equal(places, App.Db(db => db.BookingSettings.Single(s => s.ServiceId == a).PlacesPerSlot));
        return a;
    }

    private async Task<(HttpStatusCode Status, JsonElement Body)> PostAsync(HttpClient client, string url, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Json) };
        request.Headers.AcceptLanguage.ParseAdd("vi");
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text));
    }

    private static void AssertRefused((HttpStatusCode Status, JsonElement Body) answer, HttpStatusCode status, string field, string sentence)
    {
        Assert.True(status == answer.Status, $"{answer.Status}: {answer.Body}");
        Assert.Equal(field, answer.Body.GetProperty("field").GetString());
        var messages = answer.Body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(sentence, StringComparison.Ordinal));
    }

    private static CreateBookingRequest Booking(Guid service, DateOnly day, string slot, string phone = "0912345678", string? citizen = null) =>
        new(service, null, day, slot, "Nguyễn Văn An", phone, citizen);

    private async Task<BookingConfirmationDto> BookAsync(CreateBookingRequest request)
    {
        using var phone = App!.CreateClient();
        var (status, body) = await PostAsync(phone, HubRoutes.PublicBookings, request);
        Assert.True(status == HttpStatusCode.Created, body.ToString());
        return body.Deserialize<BookingConfirmationDto>(Json)!;
    }

    private async Task<int> PlacesLeftAsync(Guid service, DateOnly day, string slot)
    {
        using var phone = App!.CreateClient();
        var days = await phone.GetFromJsonAsync<List<BookingDayDto>>(HubRoutes.PublicBookingSlotsOf(service), Json);
        return days!.Single(d => d.Day == day).Slots.Single(s => s.Time == slot).PlacesLeft;
    }

    [Fact]
    public async Task Book_AnswersCodeAndQr_CancelFreesThePlace()
    {
        if (App is null)
        {
            return;
        }

        var a = await ServiceAAsync(places: 2);
        Assert.Equal(2, await PlacesLeftAsync(a, Tomorrow, "09:00"));
        var booked = await BookAsync(Booking(a, Tomorrow, "09:00"));
        Assert.Equal(8, booked.Code.Length);
        Assert.StartsWith("data:image/png;base64,", booked.QrDataUrl, StringComparison.Ordinal);
        Assert.Equal("08:45", booked.CheckInFrom);
        Assert.Equal("09:10", booked.CheckInUntil);
        Assert.Equal(1, await PlacesLeftAsync(a, Tomorrow, "09:00"));

        using var phone = App.CreateClient();
        var cancelled = await PostAsync(phone, HubRoutes.PublicBookingCancel(booked.Code.ToLowerInvariant()), new { });
        Assert.Equal(HttpStatusCode.OK, cancelled.Status);
        Assert.Contains("Đã hủy lịch hẹn", cancelled.Body.GetProperty("messageVi").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, await PlacesLeftAsync(a, Tomorrow, "09:00"));
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookingCancel(booked.Code), new { }), HttpStatusCode.Conflict, "code", "đã bị hủy");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookingCancel("ZZZZZZZZ"), new { }), HttpStatusCode.NotFound, "code", "Không tìm thấy lịch hẹn");
    }

    [Fact]
    public async Task Book_BadInputs_AreRefusedWithASentenceNamingTheField()
    {
        if (App is null)
        {
            return;
        }

        var a = await ServiceAAsync(places: 1);
        using var phone = App.CreateClient();
        await BookAsync(Booking(a, Tomorrow, "10:00"));
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, Tomorrow, "10:00", "0987654321")), HttpStatusCode.Conflict, "slot", "đã hết chỗ");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, Today, "08:00")), HttpStatusCode.Conflict, "slot", "đã qua");
        // 1 January 2027 is New Year's Day, a Friday.
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, new DateOnly(2027, 1, 1), "09:00")), HttpStatusCode.Conflict, "day", "ngày nghỉ");
        // 11:15 + 30 minutes passes the morning's 11:30 close; 12:00 is the lunch break.
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, Tomorrow, "11:15")), HttpStatusCode.Conflict, "slot", "ngoài giờ làm việc");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, Tomorrow, "12:00")), HttpStatusCode.Conflict, "slot", "ngoài giờ làm việc");
        // Saturday the 28th opens mornings only; Sunday the 29th is not a booking day.
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, new DateOnly(2026, 11, 28), "13:00")), HttpStatusCode.Conflict, "slot", "ngoài giờ làm việc");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, new DateOnly(2026, 11, 29), "09:00")), HttpStatusCode.BadRequest, "day", "không nhận đặt lịch");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, Today.AddDays(61), "09:00")), HttpStatusCode.BadRequest, "day", "tối đa 60 ngày");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, Tomorrow, "09:05")), HttpStatusCode.BadRequest, "slot", "không có trong lịch hẹn");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, Tomorrow, "9h")), HttpStatusCode.BadRequest, "slot", "không hợp lệ");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, Tomorrow, "09:00", "0212345678")), HttpStatusCode.BadRequest, "phone", "số điện thoại di động");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, Tomorrow, "09:00", "09123")), HttpStatusCode.BadRequest, "phone", "10 chữ số");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, Tomorrow, "09:00", citizen: "07909000001")), HttpStatusCode.BadRequest, "citizenIdNumber", "12 chữ số");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, Tomorrow, "09:00", citizen: "07909000001X")), HttpStatusCode.BadRequest, "citizenIdNumber", "12 chữ số");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, Tomorrow, "09:00") with { Name = "  " }), HttpStatusCode.BadRequest, "name", "bắt buộc");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(await App.ServiceIdAsync("B"), Tomorrow, "09:00")), HttpStatusCode.BadRequest, "serviceId", "không nhận đặt lịch");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, Tomorrow, "09:00") with { ProcedureId = Guid.NewGuid() }), HttpStatusCode.BadRequest, "procedureId", "thủ tục");
        // +84 and spaces are how people write it: accepted, stored as 0...
        var plus = await BookAsync(Booking(a, Tomorrow, "09:00", "+84 912 345 678"));
        Assert.Equal("0912345678", App.Db(db => db.Bookings.Single(b => b.Code == plus.Code).Phone));
    }

    [Fact]
    public async Task TwentyCitizensForTheLastPlace_ExactlyOneGetsIt()
    {
        if (App is null)
        {
            return;
        }

        var a = await ServiceAAsync(places: 1);
        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            using var phone = App.CreateClient();
            return await PostAsync(phone, HubRoutes.PublicBookings, Booking(a, Tomorrow, "13:00", $"09123456{i:00}"));
        }));
        Assert.Single(answers, x => x.Status == HttpStatusCode.Created);
        Assert.All(answers.Where(x => x.Status != HttpStatusCode.Created), x => AssertRefused(x, HttpStatusCode.Conflict, "slot", "đã hết chỗ"));
        Assert.Equal(1, App.Db(db => db.Bookings.Count(b => b.Day == Tomorrow && b.SlotStart == new TimeOnly(13, 0) && b.Place != null)));
    }

    [Fact]
    public async Task CheckIn_InTheWindow_IsCalledAheadOfEarlierWalkIns_OnceItsSlotHasCome()
    {
        if (App is null)
        {
            return;
        }

        var a = await ServiceAAsync();
        // Booked yesterday evening for today 09:30; now 09:00.
        var booking = App.Db(db =>
        {
            var b = new Booking
            {
                Id = Guid.NewGuid(),
                SiteId = App.SiteId,
                ServiceId = a,
                Day = Today,
                SlotStart = new TimeOnly(9, 30),
                Place = 1,
                Name = "Trần Thị Bình",
                Phone = "0912345678",
                Code = BookingCodes.New(),
                Status = BookingStatus.Booked,
                CreatedAt = DateTime.UtcNow,
            };
            db.Bookings.Add(b);
            db.SaveChanges();
            return b;
        });
        using var kiosk = App.Kiosk();
        var walkIn = await App.IssueAsync(kiosk, a);
        AssertRefused(await PostAsync(kiosk, HubRoutes.AppointmentCheckIn, new AppointmentCheckInRequest(booking.Code)), HttpStatusCode.Conflict, "code", "quay lại từ 09:15");

        App.Time.Advance(TimeSpan.FromMinutes(20));
        var (status, body) = await PostAsync(kiosk, HubRoutes.AppointmentCheckIn, new AppointmentCheckInRequest(booking.Code));
        Assert.Equal(HttpStatusCode.OK, status);
        var result = body.Deserialize<AppointmentCheckInResult>(Json)!;
        Assert.False(result.Late);
        Assert.Equal(TicketChannel.Appointment, result.Ticket.Channel);
        Assert.Contains("Đã xác nhận lịch hẹn 09:30", result.MessageVi, StringComparison.Ordinal);
        AssertRefused(await PostAsync(kiosk, HubRoutes.AppointmentCheckIn, new AppointmentCheckInRequest(booking.Code)), HttpStatusCode.Conflict, "code", "đã được xác nhận");

        // 09:20: the slot has not come, the walk-in issued first is called first.
        var counter = await App.CounterIdAsync(1);
        using var officer = await App.SignInAsync("canbo1", counter);
        var another = await App.IssueAsync(kiosk, a);
        Assert.Equal(walkIn.Number, (await officer.CallNextAsync(counter))!.Number);
        // 09:30: the appointment goes before the walk-in who came earlier.
        App.Time.Advance(TimeSpan.FromMinutes(10));
        Assert.Equal(result.Ticket.Number, (await officer.CallNextAsync(counter))!.Number);
        Assert.Equal(another.Number, (await officer.CallNextAsync(counter))!.Number);
        Assert.Equal(BookingStatus.CheckedIn, App.Db(db => db.Bookings.Single(b => b.Id == booking.Id).Status));
    }

    [Fact]
    public async Task CheckIn_Late_IsAWalkIn_AndBadCodesGetASentence()
    {
        if (App is null)
        {
            return;
        }

        var a = await ServiceAAsync();
        var late = await BookAsync(Booking(a, Today, "09:30"));
        var otherDay = await BookAsync(Booking(a, Tomorrow, "09:30"));
        var cancelled = await BookAsync(Booking(a, Today, "10:00"));
        using var phone = App.CreateClient();
        await PostAsync(phone, HubRoutes.PublicBookingCancel(cancelled.Code), new { });

        App.Time.Advance(TimeSpan.FromMinutes(45)); // 09:45, the 09:30 window closed at 09:40
        using var kiosk = App.Kiosk();
        var (status, body) = await PostAsync(kiosk, HubRoutes.AppointmentCheckIn, new AppointmentCheckInRequest(" " + late.Code.ToLowerInvariant() + "\n"));
        Assert.Equal(HttpStatusCode.OK, status);
        var result = body.Deserialize<AppointmentCheckInResult>(Json)!;
        Assert.True(result.Late);
        Assert.Equal(TicketChannel.Kiosk, result.Ticket.Channel);
        Assert.Contains("đến muộn", result.MessageVi, StringComparison.Ordinal);
        Assert.Contains("late", result.MessageEn, StringComparison.Ordinal);

        AssertRefused(await PostAsync(kiosk, HubRoutes.AppointmentCheckIn, new AppointmentCheckInRequest(otherDay.Code)), HttpStatusCode.Conflict, "code", "ngày 24/11/2026");
        AssertRefused(await PostAsync(kiosk, HubRoutes.AppointmentCheckIn, new AppointmentCheckInRequest(cancelled.Code)), HttpStatusCode.Conflict, "code", "đã bị hủy");
        AssertRefused(await PostAsync(kiosk, HubRoutes.AppointmentCheckIn, new AppointmentCheckInRequest("ABCDEFGH")), HttpStatusCode.NotFound, "code", "Không tìm thấy lịch hẹn");
        AssertRefused(await PostAsync(kiosk, HubRoutes.AppointmentCheckIn, new AppointmentCheckInRequest("12")), HttpStatusCode.NotFound, "code", "Không tìm thấy lịch hẹn");
        AssertRefused(await PostAsync(kiosk, HubRoutes.AppointmentCheckIn, new AppointmentCheckInRequest()), HttpStatusCode.BadRequest, "code", "mã lịch hẹn");
        AssertRefused(await PostAsync(kiosk, HubRoutes.AppointmentCheckIn, new AppointmentCheckInRequest(null, "1234")), HttpStatusCode.BadRequest, "citizenIdNumber", "12 chữ số");
        AssertRefused(await PostAsync(kiosk, HubRoutes.AppointmentCheckIn, new AppointmentCheckInRequest(null, "079090000099")), HttpStatusCode.NotFound, "citizenIdNumber", "Không có lịch hẹn hôm nay");
        using var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, HubRoutes.AppointmentCheckIn, new AppointmentCheckInRequest(late.Code))).Status);
    }

    [Fact]
    public async Task CheckIn_ByChipIdCard_FindsTheBooking_AndOnlyTheSaltedHashIsStored()
    {
        if (App is null)
        {
            return;
        }

        const string Number = "079090000042";
        var a = await ServiceAAsync();
        var booked = await BookAsync(Booking(a, Today, "09:30", citizen: Number));
        App.Time.Advance(TimeSpan.FromMinutes(20));
        using var kiosk = App.Kiosk();
        var (status, body) = await PostAsync(kiosk, HubRoutes.AppointmentCheckIn, new AppointmentCheckInRequest(null, Number));
        Assert.Equal(HttpStatusCode.OK, status);
        var result = body.Deserialize<AppointmentCheckInResult>(Json)!;
        Assert.Equal(TicketChannel.Appointment, result.Ticket.Channel);

        var (bookingHash, ticketHash, salt) = App.Db(db => (
            db.Bookings.Single(b => b.Code == booked.Code).CitizenIdHash,
            db.Tickets.Single(t => t.Id == result.Ticket.Id).CitizenIdHash,
            db.Sites.Single(s => s.Id == App.SiteId).CitizenIdSalt));
        Assert.Equal(64, salt.Length);
        Assert.Equal(Citizens.CitizenIdHash.Of(Number, salt), bookingHash);
        Assert.Equal(bookingHash, ticketHash);
        Assert.DoesNotContain(Number, bookingHash!, StringComparison.Ordinal);
        // The number itself is in no row of the tables that hold a hash.
        Assert.False(App.Db(db => db.Bookings.Any(b => b.CitizenIdHash == Number || b.Phone == Number || b.Name == Number)));
    }

    [Fact]
    public async Task IssueWithChipIdNumber_StoresItsHash_AndDossiersAreFoundByIt()
    {
        if (App is null)
        {
            return;
        }

        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        var number = DemoSeeder.DemoCitizenIdNumber(1);
        var (status, body) = await PostAsync(kiosk, HubRoutes.Tickets, new IssueTicketRequest(a, CitizenIdNumber: number));
        Assert.Equal(HttpStatusCode.Created, status);
        var ticket = body.Deserialize<TicketDto>(Json)!;
        var salt = App.Db(db => db.Sites.Single(s => s.Id == App.SiteId).CitizenIdSalt);
        Assert.Equal(Citizens.CitizenIdHash.Of(number, salt), App.Db(db => db.Tickets.Single(t => t.Id == ticket.Id).CitizenIdHash));
        AssertRefused(await PostAsync(kiosk, HubRoutes.Tickets, new IssueTicketRequest(a, CitizenIdNumber: "0790900000")), HttpStatusCode.BadRequest, "citizenIdNumber", "12 chữ số");

        var dossiers = await PostAsync(kiosk, HubRoutes.DossiersByCitizen, new CitizenDossiersRequest(number));
        Assert.Equal(HttpStatusCode.OK, dossiers.Status);
        var list = dossiers.Body.Deserialize<List<DossierStatusDto>>(Json)!;
        var dossier = Assert.Single(list);
        Assert.Equal("Trần T** B***", dossier.MaskedApplicantName);
        Assert.Empty((await PostAsync(kiosk, HubRoutes.DossiersByCitizen, new CitizenDossiersRequest("079090000099"))).Body.Deserialize<List<DossierStatusDto>>(Json)!);
        AssertRefused(await PostAsync(kiosk, HubRoutes.DossiersByCitizen, new CitizenDossiersRequest("abc")), HttpStatusCode.BadRequest, "citizenIdNumber", "12 chữ số");
        using var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await PostAsync(anonymous, HubRoutes.DossiersByCitizen, new CitizenDossiersRequest(number))).Status);
    }

    [Fact]
    public async Task RemoteTicket_LimitPerPhone_TrackingLink_AndNoShowWhenCalledTwiceUnconfirmed()
    {
        if (App is null)
        {
            return;
        }

        var a = await ServiceAAsync(remoteLimit: 1);
        using var phone = App.CreateClient();
        var (status, body) = await PostAsync(phone, HubRoutes.PublicRemoteTickets, new RemoteTicketRequest(a, "0912345678"));
        Assert.Equal(HttpStatusCode.Created, status);
        var remote = body.Deserialize<RemoteTicketResult>(Json)!;
        Assert.StartsWith("/t/", remote.TrackPath, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await phone.GetAsync(remote.TrackPath)).StatusCode);
        AssertRefused(await PostAsync(phone, HubRoutes.PublicRemoteTickets, new RemoteTicketRequest(a, "091 234 5678")), HttpStatusCode.Conflict, "phone", "đã lấy đủ 1 số");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicRemoteTickets, new RemoteTicketRequest(a, "12345")), HttpStatusCode.BadRequest, "phone", "số điện thoại");
        AssertRefused(await PostAsync(phone, HubRoutes.PublicRemoteTickets, new RemoteTicketRequest(await App.ServiceIdAsync("B"), "0912345679")), HttpStatusCode.BadRequest, "serviceId", "từ xa");
        using var kiosk = App.Kiosk();
        AssertRefused(await PostAsync(kiosk, HubRoutes.Tickets, new IssueTicketRequest(a, Channel: TicketChannel.Remote)), HttpStatusCode.BadRequest, "channel", "không hợp lệ");

        var counter = await App.CounterIdAsync(1);
        using var officer = await App.SignInAsync("canbo1", counter);
        var called = await officer.CallNextAsync(counter);
        Assert.Equal(remote.Number, called!.Number);
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Recall));
        await officer.CallNextAsync(counter);
        Assert.Equal(TicketStatus.NoShow, App.Db(db => db.Tickets.Single(t => t.Id == called.Id).Status));

        // Confirmed (Start pressed): served as usual.
        var second = await PostAsync(phone, HubRoutes.PublicRemoteTickets, new RemoteTicketRequest(a, "0987654321"));
        var secondNumber = second.Body.GetProperty("number").GetString();
        var next = await officer.CallNextAsync(counter);
        Assert.Equal(secondNumber, next!.Number);
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Recall));
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Start));
        await officer.PostOkAsync<TicketDto>(HubRoutes.CounterAction(counter, CounterActions.Finish));
        Assert.Equal(TicketStatus.Served, App.Db(db => db.Tickets.Single(t => t.Id == next.Id).Status));
    }

    [Fact]
    public async Task Settings_BadValues_AreRefusedNamingTheField_AndTheReportCountsNoShows()
    {
        if (App is null)
        {
            return;
        }

        var a = await ServiceAAsync();
        using var supervisor = await App.SupervisorAsync();
        var good = new BookingSettingsDto(a, true, [1], ["09:00"], 30, 4, 15, 10, 14, false, 1, AppointmentServingRule.WithWalkIns);
        async Task<(HttpStatusCode, JsonElement)> PutAsync(BookingSettingsDto s)
        {
            var response = await supervisor.PutAsJsonAsync(HubRoutes.AdminServiceBookingOf(a), s, Json);
            return (response.StatusCode, JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync()));
        }

        AssertRefused(await PutAsync(good with { SlotTimes = ["9h"] }), HttpStatusCode.BadRequest, "slotTimes", "HH:mm");
        AssertRefused(await PutAsync(good with { PlacesPerSlot = 0 }), HttpStatusCode.BadRequest, "placesPerSlot", "từ 1 đến 500");
        AssertRefused(await PutAsync(good with { Days = [7] }), HttpStatusCode.BadRequest, "days", "từ 0 đến 6");
        AssertRefused(await PutAsync(good with { CheckInAfterMinutes = -1 }), HttpStatusCode.BadRequest, "checkInAfterMinutes", "từ 0 đến 240");
        using var officer = await App.SignInAsync("canbo1", await App.CounterIdAsync(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.PutAsJsonAsync(HubRoutes.AdminServiceBookingOf(a), good, Json)).StatusCode);

        await ServiceAAsync();
        await BookAsync(Booking(a, Today, "09:30"));
        await BookAsync(Booking(a, Today, "10:00"));
        App.Time.Advance(TimeSpan.FromMinutes(45)); // 09:45: the 09:30 booking is a no-show
        var report = await supervisor.GetFromJsonAsync<AppointmentReportDto>(HubRoutes.AppointmentReport, Json);
        Assert.Equal(2, report!.Bookings);
        Assert.Equal(1, report.NoShows);
        Assert.Equal(0.5, report.NoShowRate);
        Assert.Equal(2, report.Slots.Count);
        var csv = await supervisor.GetStringAsync(HubRoutes.AppointmentReport + "?format=csv");
        Assert.Contains("Tỷ lệ vắng mặt (%),50.0", csv, StringComparison.Ordinal);
        Assert.Contains(App.Db(db => db.AdminChanges.Select(c => c.Entity).ToList()), e => e == "booking");
    }
}

public sealed class SqliteAppointmentTests(ITestOutputHelper output) : AppointmentTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresAppointmentTests(ITestOutputHelper output) : AppointmentTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}
