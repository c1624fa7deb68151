using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Administration.Calendar;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Administration.Site;

/// <summary>
/// The working calendar (issue 9): the year's holidays computed and merged with the office's
/// entries, bad entries named in Vietnamese, and the queue following it (no ticket on Tết, tickets
/// on a make-up Saturday afternoon). The demo site: Mon-Fri 07:30-11:30, 13:00-17:00; Sat 07:30-11:30.
/// </summary>
public abstract class CalendarTests(ITestOutputHelper output) : SiteAdministrationTestBase(output)
{
    [Fact]
    public async Task Year_ListsTheComputedHolidays_WithTet_AndTheOfficesEntries()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var added = await ReadOkAsync<CalendarEntryDto>(await admin.PostAsJsonAsync(HubRoutes.AdminCalendarEntries,
            new CreateCalendarEntryRequest(2026, new DateOnly(2026, 12, 24), CalendarEntryKind.AddedHoliday, "Ngày hội xã")));

        var year = (await admin.GetFromJsonAsync<CalendarYearDto>(HubRoutes.AdminCalendarOf(2026)))!;

        Assert.Equal(2026, year.Year);
        // Lunar New Year 2026 is Tuesday 17 February: Tết runs 16-20 February (one day before, four after).
        foreach (var day in Enumerable.Range(16, 5).Select(d => new DateOnly(2026, 2, d)))
        {
            var tet = Assert.Single(year.Days, d => d.Date == day);
            Assert.Equal("holiday", tet.Kind);
            Assert.Equal("computed", tet.Source);
            Assert.Equal("LunarNewYear", tet.HolidayKind);
        }

        Assert.Contains(year.Days, d => d.Date == new DateOnly(2026, 9, 2) && d.HolidayKind == "NationalDay");
        var ours = Assert.Single(year.Days, d => d.Date == new DateOnly(2026, 12, 24));
        Assert.Equal(("entered", "Ngày hội xã", added.Id), (ours.Source, ours.NameVi, ours.EntryId));
        Assert.Equal(added, Assert.Single(year.Entries));
        Assert.Equal(year.Days.OrderBy(d => d.Date).Select(d => d.Date), year.Days.Select(d => d.Date));
        var row = Assert.Single(App.Db(db => db.AdminChanges.Where(c => c.Entity == AdminEntities.Calendar).ToList()));
        Assert.Equal((AdminActions.Create, added.Id.ToString()), (row.Action, row.EntityId));
        Assert.Contains("Ngày hội xã", row.After, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outside-year", HttpStatusCode.BadRequest, "calendar.outside_year", "date", "ngày 02/01/2027 không thuộc năm 2026")]
    [InlineData("make-up-weekday", HttpStatusCode.BadRequest, "calendar.make_up_not_rest_day", "date", "phải là thứ Bảy hoặc Chủ nhật")]
    [InlineData("make-up-on-holiday", HttpStatusCode.BadRequest, "calendar.make_up_on_holiday", "date", "không thể là ngày làm việc bù")]
    [InlineData("duplicate", HttpStatusCode.Conflict, "calendar.duplicate_date", "date", "đã có trong lịch")]
    [InlineData("already-holiday", HttpStatusCode.Conflict, "calendar.already_holiday", "date", "đã là ngày nghỉ (Tết Nguyên Đán")]
    [InlineData("remove-ordinary-day", HttpStatusCode.BadRequest, "calendar.removal_not_computed", "date", "không phải ngày lễ được tính sẵn")]
    [InlineData("holiday-without-name", HttpStatusCode.BadRequest, "validation.required", "name", "là bắt buộc")]
    [InlineData("year", HttpStatusCode.BadRequest, "validation.out_of_range", "year", "phải từ 2000 đến 2099")]
    public async Task BadEntries_AreRefused_NamingTheFieldInVietnamese(string what, HttpStatusCode status, string code, string field, string vietnamese)
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var saturday = new DateOnly(2026, 11, 28);
        await ReadOkAsync<CalendarEntryDto>(await admin.PostAsJsonAsync(HubRoutes.AdminCalendarEntries,
            new CreateCalendarEntryRequest(2026, saturday, CalendarEntryKind.MakeUpWorkingDay, "Bù ngày 2/1")));
        var request = what switch
        {
            "outside-year" => new CreateCalendarEntryRequest(2026, new DateOnly(2027, 1, 2), CalendarEntryKind.AddedHoliday, "Nghỉ"),
            "make-up-weekday" => new CreateCalendarEntryRequest(2026, new DateOnly(2026, 11, 25), CalendarEntryKind.MakeUpWorkingDay),
            // Saturday 1 January 2022 was New Year's Day.
            "make-up-on-holiday" => new CreateCalendarEntryRequest(2022, new DateOnly(2022, 1, 1), CalendarEntryKind.MakeUpWorkingDay),
            "duplicate" => new CreateCalendarEntryRequest(2026, saturday, CalendarEntryKind.AddedHoliday, "Nghỉ"),
            "already-holiday" => new CreateCalendarEntryRequest(2026, new DateOnly(2026, 2, 17), CalendarEntryKind.AddedHoliday, "Nghỉ"),
            "remove-ordinary-day" => new CreateCalendarEntryRequest(2026, new DateOnly(2026, 3, 10), CalendarEntryKind.RemovedHoliday),
            "holiday-without-name" => new CreateCalendarEntryRequest(2026, new DateOnly(2026, 3, 10), CalendarEntryKind.AddedHoliday),
            "year" => new CreateCalendarEntryRequest(1999, new DateOnly(1999, 3, 10), CalendarEntryKind.AddedHoliday, "Nghỉ"),
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        await AssertProblemAsync(await admin.PostAsJsonAsync(HubRoutes.AdminCalendarEntries, request), status, code, field, vietnamese);

        Assert.Equal(1, App.Db(db => db.CalendarEntries.Count()));
        Assert.Equal(1, App.Db(db => db.AdminChanges.Count(c => c.Entity == AdminEntities.Calendar)));
    }

    [Fact]
    public async Task BadYearQuery_IsRefused_NamingTheField()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        await AssertProblemAsync(await admin.GetAsync(HubRoutes.AdminCalendarOf(2200)), HttpStatusCode.BadRequest, "validation.out_of_range", "year", "phải từ 2000 đến 2099");
    }

    [Fact]
    public async Task OnTet_NoTicketIsIssued_WithTheHolidayNamedInVietnamese()
    {
        if (App is null)
        {
            return;
        }

        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        // Wednesday 18 February 2026, 09:00: a weekday inside the hours, but the second day of Tết.
        App.Time.Set(FakeTimeProvider.Vietnam(2026, 2, 18, 9, 0));

        using var answer = await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(a));

        Assert.Equal(HttpStatusCode.Conflict, answer.StatusCode);
        var problem = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("site.holiday", problem.GetProperty("code").GetString());
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains("Hôm nay là ngày nghỉ (Tết Nguyên Đán", detail, StringComparison.Ordinal);
        // Tết ends Friday 20 February; Saturday 21 opens in the morning (the demo works Saturday mornings).
        Assert.Equal("07:30 21/02/2026", problem.GetProperty("opensAtLocal").GetString());
        Assert.Contains("07:30 21/02/2026", detail, StringComparison.Ordinal);
        Assert.False((await App.SnapshotAsync()).IsOpen);
        Assert.Equal(0, App.Db(db => db.Tickets.Count()));
    }

    [Fact]
    public async Task OnAMakeUpSaturday_TicketsAreIssued_AllDay_AndRemovingTheDayClosesItAgain()
    {
        if (App is null)
        {
            return;
        }

        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        // Saturday 28 November 2026, 14:00: the demo opens Saturday mornings only.
        App.Time.Set(FakeTimeProvider.Vietnam(2026, 11, 28, 14, 0));
        using var admin = await AdminAsync();
        using (var closed = await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(a)))
        {
            Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
            Assert.Equal("site.closed", (await closed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());
        }

        var entry = await ReadOkAsync<CalendarEntryDto>(await admin.PostAsJsonAsync(HubRoutes.AdminCalendarEntries,
            new CreateCalendarEntryRequest(2026, new DateOnly(2026, 11, 28), CalendarEntryKind.MakeUpWorkingDay, "Làm bù")));

        // A make-up day keeps an ordinary weekday's hours (Monday's: until 17:00).
        var ticket = await App.IssueAsync(kiosk, a);
        Assert.Equal(new DateOnly(2026, 11, 28), ticket.LocalDay);
        Assert.True((await App.SnapshotAsync()).IsOpen);

        using (var removed = await admin.DeleteAsync(HubRoutes.AdminCalendarEntry(entry.Id)))
        {
            Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        }

        using var again = await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(a));
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal(
            [AdminActions.Create, AdminActions.Delete],
            App.Db(db => db.AdminChanges.Where(c => c.Entity == AdminEntities.Calendar).OrderBy(c => c.At).ThenBy(c => c.Id).Select(c => c.Action).ToList()));
    }

    [Fact]
    public async Task AnAddedHoliday_ClosesAWeekday_AndAWorkedHolidayOpensIt()
    {
        if (App is null)
        {
            return;
        }

        using var kiosk = App.Kiosk();
        var a = await App.ServiceIdAsync("A");
        App.Time.Set(FakeTimeProvider.Vietnam(2026, 11, 30, 9, 0));
        using var admin = await AdminAsync();
        await ReadOkAsync<CalendarEntryDto>(await admin.PostAsJsonAsync(HubRoutes.AdminCalendarEntries,
            new CreateCalendarEntryRequest(2026, new DateOnly(2026, 11, 30), CalendarEntryKind.AddedHoliday, "Nghỉ theo quyết định của tỉnh")));

        using (var refused = await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(a)))
        {
            var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
            Assert.Contains("(Nghỉ theo quyết định của tỉnh)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
            Assert.Equal("07:30 01/12/2026", problem.GetProperty("opensAtLocal").GetString());
        }

        // Labour Day 2026 (Friday 1 May) worked anyway: tickets are issued.
        App.Time.Set(FakeTimeProvider.Vietnam(2026, 5, 1, 9, 0));
        using var again = await AdminAsync();
        await ReadOkAsync<CalendarEntryDto>(await again.PostAsJsonAsync(HubRoutes.AdminCalendarEntries,
            new CreateCalendarEntryRequest(2026, new DateOnly(2026, 5, 1), CalendarEntryKind.RemovedHoliday, "Trực")));
        Assert.Equal(new DateOnly(2026, 5, 1), (await App.IssueAsync(kiosk, a)).LocalDay);
    }
}

public sealed class SqliteCalendarTests(ITestOutputHelper output) : CalendarTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() =>
        Task.FromResult<(TestDatabase?, string?)>((new SqliteTestDatabase(), null));
}

public sealed class PostgresCalendarTests(ITestOutputHelper output) : CalendarTests(output)
{
    protected override async Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => await PostgresTestDatabase.TryCreateAsync();
}
