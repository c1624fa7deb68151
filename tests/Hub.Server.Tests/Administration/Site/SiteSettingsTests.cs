using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Administration.SiteSettings;
using QueueKiosk.HubServer.Domain;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Administration.Site;

/// <summary>The admin's site settings (issue 9): round trip, audit, what the devices read, and every bad input named in Vietnamese.</summary>
public abstract class SiteSettingsTests(ITestOutputHelper output) : SiteAdministrationTestBase(output)
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];

    private static IReadOnlyList<WeekdayHoursDto> Week(SessionDto? morning, SessionDto? afternoon) =>
        [.. WeeklyHours.Order.Select(d => d is DayOfWeek.Saturday or DayOfWeek.Sunday
            ? new WeekdayHoursDto(d, null, null)
            : new WeekdayHoursDto(d, morning, afternoon))];

    private static UpdateSiteRequest Valid() => new(
        "UBND phường Bến Nghé", "29 Lê Duẩn, Quận 1", "Asia/Ho_Chi_Minh", "BỘ PHẬN MỘT CỬA", "Vui lòng chờ gọi số", "Cảm ơn quý khách!", 90,
        Week(new SessionDto("07:30", "11:30"), new SessionDto("13:30", "17:00")));

    [Fact]
    public async Task Settings_RoundTrip_AreAudited_AndReachTheDevices()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var before = (await admin.GetFromJsonAsync<SiteSettingsDto>(HubRoutes.AdminSite))!;

        var saved = await ReadOkAsync<SiteSettingsDto>(await admin.PutAsJsonAsync(HubRoutes.AdminSite, Valid()));
        var read = (await admin.GetFromJsonAsync<SiteSettingsDto>(HubRoutes.AdminSite))!;

        Assert.Equal("UBND phường Bến Nghé", read.Name);
        Assert.Equal("29 Lê Duẩn, Quận 1", read.Address);
        Assert.Equal("BỘ PHẬN MỘT CỬA", read.TicketHeader);
        Assert.Equal("Vui lòng chờ gọi số", read.TicketFooter);
        Assert.Equal("Cảm ơn quý khách!", read.TicketThankYou);
        Assert.Equal(90, read.KioskIdleSeconds);
        Assert.Equal("Mon 07:30-11:30,13:30-17:00; Tue 07:30-11:30,13:30-17:00; Wed 07:30-11:30,13:30-17:00; Thu 07:30-11:30,13:30-17:00; Fri 07:30-11:30,13:30-17:00",
            read.OpeningHours);
        Assert.Equal(new SessionDto("13:30", "17:00"), read.Week.Single(d => d.Day == DayOfWeek.Friday).Afternoon);
        Assert.Null(read.Week.Single(d => d.Day == DayOfWeek.Saturday).Morning);
        Assert.Equal(saved, read with { Week = saved.Week });

        var audit = App.Db(db => db.AdminChanges.Where(c => c.Entity == AdminEntities.Site).ToList());
        var row = Assert.Single(audit);
        Assert.Equal(AdminActions.Update, row.Action);
        Assert.Equal("quantri", row.ActorName);
        Assert.Equal(before.Id.ToString(), row.EntityId);
        Assert.Contains(before.Name, row.Before, StringComparison.Ordinal);
        Assert.Contains("UBND phường Bến Nghé", row.After, StringComparison.Ordinal);

        // The kiosk reads the site from the catalogue: the new name, texts and idle time are there at once.
        using var kiosk = App.Kiosk();
        var site = Assert.Single((await kiosk.GetFromJsonAsync<List<SiteDto>>(HubRoutes.Sites))!);
        Assert.Equal("UBND phường Bến Nghé", site.Name);
        Assert.Equal("BỘ PHẬN MỘT CỬA", site.TicketHeader);
        Assert.Equal("Vui lòng chờ gọi số", site.TicketFooter);
        Assert.Equal("Cảm ơn quý khách!", site.TicketThankYou);
        Assert.Equal(90, site.KioskIdleSeconds);
        Assert.Equal(10, site.OpeningHours.Count);
        Assert.Null(site.LogoUrl);
    }

    [Fact]
    public async Task Logo_PngIsStored_ServedPublicly_AndAudited_ThenRemoved()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        using var body = new ByteArrayContent(Png);
        body.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        var saved = await ReadOkAsync<SiteSettingsDto>(await admin.PutAsync(HubRoutes.AdminSiteLogo, body));
        Assert.Equal(HubRoutes.SiteLogo(App.SiteId), saved.LogoUrl);

        using var anonymous = App.CreateClient();
        using var logo = await anonymous.GetAsync(saved.LogoUrl);
        Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
        Assert.Equal("image/png", logo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await logo.Content.ReadAsByteArrayAsync());
        var site = Assert.Single((await anonymous.GetFromJsonAsync<List<SiteDto>>(HubRoutes.Sites))!);
        Assert.Equal(saved.LogoUrl, site.LogoUrl);

        await ReadOkAsync<SiteSettingsDto>(await admin.DeleteAsync(HubRoutes.AdminSiteLogo));
        using var gone = await anonymous.GetAsync(saved.LogoUrl);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        var rows = App.Db(db => db.AdminChanges.Where(c => c.Entity == AdminEntities.Site).OrderBy(c => c.At).ThenBy(c => c.Id).ToList());
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.After!.Contains("image/png, 16 bytes", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Before!.Contains("image/png, 16 bytes", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zone", "timeZone", "site.time_zone_unknown", "múi giờ IANA")]
    [InlineData("windows-zone", "timeZone", "site.time_zone_unknown", "múi giờ IANA")]
    [InlineData("idle-short", "kioskIdleSeconds", "validation.out_of_range", "phải từ 15 đến 600")]
    [InlineData("idle-long", "kioskIdleSeconds", "validation.out_of_range", "phải từ 15 đến 600")]
    [InlineData("name", "name", "validation.required", "là bắt buộc")]
    [InlineData("overlap", "week[0].afternoon", "hours.sessions_overlap", "không được chồng lên nhau")]
    [InlineData("reversed", "week[0].morning", "hours.session_reversed", "giờ kết thúc phải sau giờ bắt đầu")]
    [InlineData("bad-time", "week[0].morning.from", "validation.invalid", "không hợp lệ")]
    [InlineData("empty-week", "week", "validation.required", "là bắt buộc")]
    public async Task BadSettings_AreRefused_NamingTheFieldInVietnamese_AndNothingIsSaved(string what, string field, string code, string vietnamese)
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var before = (await admin.GetFromJsonAsync<SiteSettingsDto>(HubRoutes.AdminSite))!;
        var request = what switch
        {
            "zone" => Valid() with { TimeZone = "Asia/Hanoi_City" },
            "windows-zone" => Valid() with { TimeZone = "SE Asia Standard Time" },
            "idle-short" => Valid() with { KioskIdleSeconds = 5 },
            "idle-long" => Valid() with { KioskIdleSeconds = 3600 },
            "name" => Valid() with { Name = " " },
            "overlap" => Valid() with { Week = Week(new SessionDto("07:30", "12:00"), new SessionDto("11:30", "17:00")) },
            "reversed" => Valid() with { Week = Week(new SessionDto("11:30", "07:30"), null) },
            "bad-time" => Valid() with { Week = Week(new SessionDto("7h30", "11:30"), null) },
            "empty-week" => Valid() with { Week = Week(null, null) },
            _ => throw new ArgumentOutOfRangeException(nameof(what)),
        };

        await AssertProblemAsync(await admin.PutAsJsonAsync(HubRoutes.AdminSite, request), HttpStatusCode.BadRequest, code, field, vietnamese);

        Assert.Equal(before, (await admin.GetFromJsonAsync<SiteSettingsDto>(HubRoutes.AdminSite))! with { Week = before.Week });
        Assert.Equal(0, App.Db(db => db.AdminChanges.Count(c => c.Entity == AdminEntities.Site)));
    }

    [Theory]
    [InlineData("too-big")]
    [InlineData("gif")]
    [InlineData("text")]
    public async Task BadLogo_IsRefused_NamingTheFieldInVietnamese(string what)
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        byte[] bytes = what switch
        {
            "too-big" => [.. Png, .. new byte[SiteLimits.LogoBytes]],
            "gif" => "GIF89a......"u8.ToArray(),
            _ => "<svg xmlns='http://www.w3.org/2000/svg'/>"u8.ToArray(),
        };
        using var body = new ByteArrayContent(bytes);
        body.Headers.ContentType = new MediaTypeHeaderValue(what == "text" ? "image/png" : "application/octet-stream");

        var answer = await admin.PutAsync(HubRoutes.AdminSiteLogo, body);

        if (what == "too-big")
        {
            await AssertProblemAsync(answer, HttpStatusCode.BadRequest, "site.logo_too_large", "logo", "lớn quá 256 KB");
        }
        else
        {
            await AssertProblemAsync(answer, HttpStatusCode.BadRequest, "site.logo_not_image", "logo", "phải là ảnh PNG hoặc JPEG");
        }

        Assert.Null(App.Db(db => db.Sites.Single().Logo));
    }

    [Fact]
    public async Task OnlyAnAdmin_ReadsOrChangesTheSite()
    {
        if (App is null)
        {
            return;
        }

        using var supervisor = await App.SupervisorAsync();
        using var read = await supervisor.GetAsync(HubRoutes.AdminSite);
        using var write = await supervisor.PutAsJsonAsync(HubRoutes.AdminSite, Valid());
        using var anonymous = App.CreateClient();
        using var noOne = await anonymous.GetAsync(HubRoutes.AdminSite);

        Assert.Equal(HttpStatusCode.Forbidden, read.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noOne.StatusCode);
    }

    [Fact]
    public async Task SettingsPage_IsForAdminsOnly_WithTheIdsThePlaywrightTestsUse()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await AdminAsync();
        var page = await admin.GetStringAsync("/supervisor/settings");
        foreach (var id in new[] { "site-form", "site-name", "site-time-zone", "site-kiosk-idle", "week-rows", "logo-file", "calendar-year", "calendar-days", "entry-form", "entry-date", "entry-kind" })
        {
            Assert.Contains($"id=\"{id}\"", page, StringComparison.Ordinal);
        }

        Assert.Contains("/supervisor/settings.js", page, StringComparison.Ordinal);
        using var script = await admin.GetAsync("/supervisor/settings.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        using var supervisor = await App.SupervisorAsync();
        using var refused = await supervisor.GetAsync("/supervisor/settings");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Fact]
    public void ImageType_ReadsTheSignature_NotTheName()
    {
        Assert.Equal("image/png", SiteSettingsApi.ImageType(Png));
        Assert.Equal("image/jpeg", SiteSettingsApi.ImageType([0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10]));
        Assert.Null(SiteSettingsApi.ImageType([0xFF, 0xD8]));
        Assert.Null(SiteSettingsApi.ImageType("GIF89a"u8));
    }
}

public sealed class SqliteSiteSettingsTests(ITestOutputHelper output) : SiteSettingsTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() =>
        Task.FromResult<(TestDatabase?, string?)>((new SqliteTestDatabase(), null));
}

public sealed class PostgresSiteSettingsTests(ITestOutputHelper output) : SiteSettingsTests(output)
{
    protected override async Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => await PostgresTestDatabase.TryCreateAsync();
}
