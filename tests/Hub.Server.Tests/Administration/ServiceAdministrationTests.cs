using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Administration.Services;
using QueueKiosk.HubServer.Data;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Administration;

/// <summary>
/// Services, priority groups and counters administered through the API on a real database (the
/// demo site: services A-E, counters 1-6): every change audited, every bad input refused with a
/// Vietnamese message naming the field, and a retired service or counter gone from the kiosk, the
/// consoles and the snapshot while its tickets stay in the reports.
/// </summary>
public abstract class ServiceAdministrationTests(ITestOutputHelper output) : HubAppTest(output)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Fact]
    public async Task Service_CreateEditRetireRestore_IsListed_MapsItsField_AndEveryStepIsAudited()
    {
        if (App is null)
        {
            return;
        }

        using var supervisor = await App.SupervisorAsync();
        var business = await FieldIdAsync("KD");
        var created = await SendAsync(supervisor, HttpMethod.Post, HubRoutes.AdminServices, new
        {
            code = "Q",
            name = "Đăng ký hộ kinh doanh",
            nameEn = "Household business",
            prefix = "Q",
            digits = 3,
            rangeStart = 1,
            rangeEnd = 500,
            waitTargetMinutes = 20,
            maxWaitMinutes = 60,
            defaultServiceSeconds = 400,
            acceptedPriorities = new[] { "Elderly" },
            fieldIds = new[] { business },
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var service = created.Body.Deserialize<ServiceAdminDto>(Json)!;
        Assert.Equal(["Elderly"], service.AcceptedPriorities);
        var businessProcedures = App.Db(db => db.Procedures.Where(p => p.FieldId == business).Select(p => p.Id).ToList());
        Assert.NotEmpty(businessProcedures);
        Assert.Equal(businessProcedures.Order(), service.ProcedureIds.Order());
        Assert.All(App.Db(db => db.Procedures.Where(p => p.FieldId == business).ToList()), p => Assert.Equal(service.Id, p.ServiceId));

        var edited = await SendAsync(supervisor, HttpMethod.Put, $"{HubRoutes.AdminServices}/{service.Id}", new
        {
            code = "Q",
            name = "Kinh doanh (sửa)",
            prefix = "Q",
            digits = 3,
            rangeStart = 1,
            rangeEnd = 800,
            waitTargetMinutes = 25,
            acceptedPriorities = new[] { "Elderly", "Pregnant" },
        });
        Assert.Equal(HttpStatusCode.OK, edited.Status);
        var after = edited.Body.Deserialize<ServiceAdminDto>(Json)!;
        Assert.Equal("Kinh doanh (sửa)", after.Name);
        Assert.Equal(800, after.RangeEnd);
        Assert.Equal(["Elderly", "Pregnant"], after.AcceptedPriorities);
        Assert.Equal(service.ProcedureIds.Order(), after.ProcedureIds.Order());

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(supervisor, HttpMethod.Post, $"{HubRoutes.AdminServices}/{service.Id}/retire")).Status);
        var listed = await supervisor.GetFromJsonAsync<List<ServiceAdminDto>>(HubRoutes.AdminServices, Json);
        Assert.False(listed!.Single(s => s.Code == "Q").Active);
        Assert.DoesNotContain(await App.ServicesAsync(), s => s.Code == "Q");

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(supervisor, HttpMethod.Post, $"{HubRoutes.AdminServices}/{service.Id}/restore")).Status);
        Assert.Contains(await App.ServicesAsync(), s => s.Code == "Q");

        var audit = App.Db(db => db.AdminChanges.Where(c => c.Entity == AdminEntities.Service && c.EntityId == service.Id.ToString()).OrderBy(c => c.At).ThenBy(c => c.Id).ToList());
        Assert.Equal([AdminActions.Create, AdminActions.Update, AdminActions.Retire, AdminActions.Restore], audit.Select(a => a.Action));
        Assert.All(audit, a => Assert.Equal("giamsat", a.ActorName));
        Assert.Null(audit[0].Before);
        Assert.Contains("Đăng ký hộ kinh doanh", audit[1].Before, StringComparison.Ordinal);
        Assert.Contains("Kinh doanh (sửa)", audit[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RetiredService_LeavesTheKioskAndTheSnapshot_RefusesTickets_ButItsTicketStaysInTheReport()
    {
        if (App is null)
        {
            return;
        }

        using var kiosk = App.Kiosk();
        var serviceId = await App.ServiceIdAsync("E");
        var ticket = await App.IssueAsync(kiosk, serviceId);
        var procedureOfE = App.Db(db => db.Procedures.First(p => p.ServiceId == serviceId && p.Active).Id);

        using var supervisor = await App.SupervisorAsync();
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(supervisor, HttpMethod.Post, $"{HubRoutes.AdminServices}/{serviceId}/retire")).Status);

        Assert.DoesNotContain((await App.SnapshotAsync()).Services, s => s.Id == serviceId);
        Assert.DoesNotContain(await App.ServicesAsync(), s => s.Id == serviceId);
        var procedures = await kiosk.GetFromJsonAsync<List<ProcedureDto>>(HubRoutes.ProceduresOf(App.SiteId), Json);
        Assert.DoesNotContain(procedures!, p => p.Id == procedureOfE);

        var refused = await SendAsync(kiosk, HttpMethod.Post, HubRoutes.Tickets, new { serviceId });
        AssertProblem(refused, HttpStatusCode.BadRequest, "serviceId", "ngừng phục vụ");
        AssertProblem(await SendAsync(kiosk, HttpMethod.Post, HubRoutes.Tickets, new { procedureId = procedureOfE }), HttpStatusCode.BadRequest, "serviceId", "ngừng phục vụ");

        var report = await supervisor.GetFromJsonAsync<ReportDto>(HubRoutes.Reports, Json);
        Assert.Equal(1, report!.ByService.Single(r => r.Key == "E").Issued);
        Assert.Equal(ticket.Number, App.Db(db => db.Tickets.Single(t => t.Id == ticket.Id).Number));
    }

    [Fact]
    public async Task Priority_NotAcceptedByTheService_IsRefusedInVietnamese_AcceptedOneIsIssued()
    {
        if (App is null)
        {
            return;
        }

        using var supervisor = await App.SupervisorAsync();
        var created = await SendAsync(supervisor, HttpMethod.Post, HubRoutes.AdminServices, new
        {
            code = "P",
            name = "Chỉ người cao tuổi",
            prefix = "P",
            acceptedPriorities = new[] { "Elderly" },
        });
        Assert.Equal(HttpStatusCode.Created, created.Status);
        var serviceId = created.Body.GetProperty("id").GetGuid();

        using var kiosk = App.Kiosk();
        Assert.Equal(PriorityCategory.Elderly, (await App.IssueAsync(kiosk, serviceId, PriorityCategory.Elderly)).Priority);
        Assert.Equal(PriorityCategory.None, (await App.IssueAsync(kiosk, serviceId)).Priority);
        var refused = await SendAsync(kiosk, HttpMethod.Post, HubRoutes.Tickets, new { serviceId, priority = "Pregnant" });
        AssertProblem(refused, HttpStatusCode.BadRequest, "priority", "không tiếp nhận đối tượng ưu tiên 'Phụ nữ mang thai'");

        // A group the office switched off is refused even where the service lists it.
        var elderly = (await supervisor.GetFromJsonAsync<List<PriorityGroupAdminDto>>(HubRoutes.AdminPriorityGroups, Json))!.Single(g => g.Category == PriorityCategory.Elderly);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(supervisor, HttpMethod.Put, $"{HubRoutes.AdminPriorityGroups}/{elderly.Id}",
            new { name = elderly.Name, nameEn = elderly.NameEn, sortOrder = elderly.SortOrder, askAtKiosk = true, active = false })).Status);
        AssertProblem(await SendAsync(kiosk, HttpMethod.Post, HubRoutes.Tickets, new { serviceId, priority = "Elderly" }), HttpStatusCode.BadRequest, "priority", "Người cao tuổi");
    }

    [Fact]
    public async Task PriorityGroups_AreSeeded_Edited_Audited_AndTheKioskReceivesThemWithTheSite()
    {
        if (App is null)
        {
            return;
        }

        using var supervisor = await App.SupervisorAsync();
        var groups = (await supervisor.GetFromJsonAsync<List<PriorityGroupAdminDto>>(HubRoutes.AdminPriorityGroups, Json))!;
        Assert.Equal(
            [PriorityCategory.Elderly, PriorityCategory.Disabled, PriorityCategory.Pregnant, PriorityCategory.RevolutionaryMerit],
            groups.Select(g => g.Category));
        Assert.Equal("Người cao tuổi", groups[0].Name);

        var pregnant = groups.Single(g => g.Category == PriorityCategory.Pregnant);
        var disabled = groups.Single(g => g.Category == PriorityCategory.Disabled);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(supervisor, HttpMethod.Put, $"{HubRoutes.AdminPriorityGroups}/{pregnant.Id}",
            new { name = "Phụ nữ có thai", nameEn = "Expectant mother", sortOrder = 1, askAtKiosk = true, active = true })).Status);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(supervisor, HttpMethod.Put, $"{HubRoutes.AdminPriorityGroups}/{disabled.Id}",
            new { name = disabled.Name, nameEn = disabled.NameEn, sortOrder = disabled.SortOrder, askAtKiosk = false, active = true })).Status);

        using var kiosk = App.Kiosk();
        var site = (await kiosk.GetFromJsonAsync<List<SiteDto>>(HubRoutes.Sites, Json))!.Single();
        Assert.NotNull(site.PriorityGroups);
        Assert.Equal([PriorityCategory.Pregnant, PriorityCategory.Elderly, PriorityCategory.RevolutionaryMerit], site.PriorityGroups!.Select(g => g.Category));
        Assert.Equal("Phụ nữ có thai", site.PriorityGroups![0].Name);
        Assert.Equal("Expectant mother", site.PriorityGroups![0].NameEn);

        var audit = App.Db(db => db.AdminChanges.Where(c => c.Entity == AdminEntities.PriorityGroup).ToList());
        Assert.Equal(2, audit.Count);
        Assert.Contains(audit, a => a.EntityId == pregnant.Id.ToString() && a.After!.Contains("Phụ nữ có thai", StringComparison.Ordinal));

        AssertProblem(await SendAsync(supervisor, HttpMethod.Put, $"{HubRoutes.AdminPriorityGroups}/{pregnant.Id}",
            new { name = " ", sortOrder = 1, askAtKiosk = true, active = true }), HttpStatusCode.BadRequest, "name", "bắt buộc");
    }

    [Fact]
    public async Task SiteWithoutPriorityGroups_GetsTheFourAtStartUp_AndItsServicesKeepAcceptingThem()
    {
        if (App is null)
        {
            return;
        }

        // As a database from before the groups were data: no groups, services accepting nothing listed.
        await WithDbAsync(async db =>
        {
            db.PriorityGroups.RemoveRange(db.PriorityGroups);
            foreach (var service in db.Services.AsTracking())
            {
                service.AcceptedPriorities = "";
            }

            await db.SaveChangesAsync();
        });

        await using (var restarted = new HubApp(Database!))
        {
            using var kiosk = restarted.Kiosk();
            var site = (await kiosk.GetFromJsonAsync<List<SiteDto>>(HubRoutes.Sites, Json))!.Single();
            Assert.Equal(4, site.PriorityGroups!.Count);
            var ticket = await restarted.IssueAsync(kiosk, await restarted.ServiceIdAsync("A"), PriorityCategory.RevolutionaryMerit);
            Assert.Equal(PriorityCategory.RevolutionaryMerit, ticket.Priority);
        }

        Assert.Equal(4, App.Db(db => db.PriorityGroups.Count()));
        Assert.All(App.Db(db => db.Services.ToList()), s => Assert.Equal("Elderly,Disabled,Pregnant,RevolutionaryMerit", s.AcceptedPriorities));
    }

    [Theory]
    [InlineData("""{"code":"Q","name":"Trùng chữ","prefix":"A","rangeStart":500,"rangeEnd":900}""", HttpStatusCode.Conflict, "prefix", "ký hiệu 'A' đã được dịch vụ A dùng")]
    [InlineData("""{"code":"Q","name":"Trùng chữ thường","prefix":"a"}""", HttpStatusCode.Conflict, "prefix", "đã được dịch vụ A dùng")]
    [InlineData("""{"code":"A","name":"Trùng mã","prefix":"Z"}""", HttpStatusCode.Conflict, "code", "đã được dùng")]
    [InlineData("""{"code":"Q","name":"Ngược","prefix":"Q","rangeStart":50,"rangeEnd":10}""", HttpStatusCode.BadRequest, "rangeEnd", "không hợp lệ")]
    [InlineData("""{"code":"Q","name":"Không số","prefix":"Q","digits":0}""", HttpStatusCode.BadRequest, "digits", "không hợp lệ")]
    [InlineData("""{"code":"Q","name":"Chờ âm","prefix":"Q","waitTargetMinutes":-1}""", HttpStatusCode.BadRequest, "waitTargetMinutes", "không hợp lệ")]
    [InlineData("""{"code":"Q","name":"Thời lượng 0","prefix":"Q","defaultServiceSeconds":0}""", HttpStatusCode.BadRequest, "defaultServiceSeconds", "không hợp lệ")]
    [InlineData("""{"code":"Q","name":"Nhóm lạ","prefix":"Q","acceptedPriorities":["Elderly","Veteran"]}""", HttpStatusCode.BadRequest, "acceptedPriorities", "không có nhóm ưu tiên 'Veteran'")]
    [InlineData("""{"code":"Q","name":"Nhóm rỗng","prefix":"Q","acceptedPriorities":["None"]}""", HttpStatusCode.BadRequest, "acceptedPriorities", "nhóm ưu tiên")]
    [InlineData("""{"code":"Q","name":"Thủ tục lạ","prefix":"Q","procedureIds":["00000000-0000-0000-0000-000000000009"]}""", HttpStatusCode.BadRequest, "procedureIds", "thủ tục")]
    [InlineData("""{"code":"","name":"Không mã","prefix":"Q"}""", HttpStatusCode.BadRequest, "code", "bắt buộc")]
    public async Task CreateService_BadInput_IsRefused_NamingTheFieldInVietnamese(string body, HttpStatusCode status, string field, string text)
    {
        if (App is null)
        {
            return;
        }

        using var supervisor = await App.SupervisorAsync();
        AssertProblem(await SendRawAsync(supervisor, HttpMethod.Post, HubRoutes.AdminServices, body), status, field, text);
        Assert.DoesNotContain(App.Db(db => db.AdminChanges.Select(c => c.Entity).ToList()), e => e == AdminEntities.Service);
    }

    [Fact]
    public async Task NumericRanges_WithoutPrefix_MustNotOverlap_AndARestoreIsCheckedAgain()
    {
        if (App is null)
        {
            return;
        }

        using var supervisor = await App.SupervisorAsync();
        var first = await SendRawAsync(supervisor, HttpMethod.Post, HubRoutes.AdminServices, """{"code":"N1","name":"Dải 1001","prefix":"","digits":4,"rangeStart":1001,"rangeEnd":1999}""");
        Assert.Equal(HttpStatusCode.Created, first.Status);
        AssertProblem(await SendRawAsync(supervisor, HttpMethod.Post, HubRoutes.AdminServices, """{"code":"N2","name":"Dải chồng","digits":4,"rangeStart":1500,"rangeEnd":2500}"""),
            HttpStatusCode.Conflict, "rangeStart", "trùng với dải số của dịch vụ N1");
        Assert.Equal(HttpStatusCode.Created, (await SendRawAsync(supervisor, HttpMethod.Post, HubRoutes.AdminServices,
            """{"code":"N3","name":"Dải 2001","digits":4,"rangeStart":2001,"rangeEnd":2999}""")).Status);

        // Retired, its letter is free; restored while another uses it, it is refused.
        var a = await App.ServiceIdAsync("A");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(supervisor, HttpMethod.Post, $"{HubRoutes.AdminServices}/{a}/retire")).Status);
        Assert.Equal(HttpStatusCode.Created, (await SendRawAsync(supervisor, HttpMethod.Post, HubRoutes.AdminServices, """{"code":"A2","name":"Hộ tịch mới","prefix":"A"}""")).Status);
        AssertProblem(await SendAsync(supervisor, HttpMethod.Post, $"{HubRoutes.AdminServices}/{a}/restore"), HttpStatusCode.Conflict, "prefix", "đã được dịch vụ A2 dùng");
    }

    [Fact]
    public async Task Counter_CreateEditRetireRestore_IsAudited_AndARetiredCounterLeavesTheSnapshot_AndCannotBeSignedInAt()
    {
        if (App is null)
        {
            return;
        }

        using var supervisor = await App.SupervisorAsync();
        var a = await App.ServiceIdAsync("A");
        var b = await App.ServiceIdAsync("B");
        var created = await supervisor.PostOkAsync<CounterDto>(HubRoutes.AdminCounters, new { number = 7, name = "Quầy 7 - Tổng hợp", serviceIds = new[] { a, b }, ledAddress = 7 });
        Assert.Equal(7, created.Number);

        var edited = await SendAsync(supervisor, HttpMethod.Put, $"{HubRoutes.AdminCounters}/{created.Id}", new
        {
            number = 8,
            name = "Quầy 8 - Tổng hợp",
            serviceIds = new[] { b, a },
            weights = new[] { 3, 1 },
            ledAddress = 8,
            cameraId = "cam-8",
        });
        Assert.Equal(HttpStatusCode.OK, edited.Status);
        var after = edited.Body.Deserialize<CounterAdminDto>(Json)!;
        Assert.Equal(8, after.Number);
        Assert.True(after.Weighted);
        Assert.Equal(3, after.Services.Single(s => s.ServiceId == b).Weight);
        Assert.Equal("cam-8", after.CameraId);
        var inSnapshot = (await App.SnapshotAsync()).Counters.Single(c => c.Id == created.Id);
        Assert.Equal(8, inSnapshot.Number);
        Assert.Equal(2, inSnapshot.Services.Count);

        // A ticket served at the counter, then the counter retired: gone from the snapshot and the sign-in, the ticket in the report.
        using (var officer = await App.SignInAsync("canbo1", created.Id))
        {
            using var kiosk = App.Kiosk();
            await App.IssueAsync(kiosk, b);
            Assert.NotNull(await officer.CallNextAsync(created.Id));
        }

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(supervisor, HttpMethod.Post, $"{HubRoutes.AdminCounters}/{created.Id}/retire")).Status);
        Assert.DoesNotContain((await App.SnapshotAsync()).Counters, c => c.Id == created.Id);
        var listed = (await supervisor.GetFromJsonAsync<List<CounterAdminDto>>(HubRoutes.AdminCounters, Json))!;
        Assert.False(listed.Single(c => c.Id == created.Id).Active);
        using var anonymous = App.CreateClient();
        using var signIn = new HttpRequestMessage(HttpMethod.Post, HubRoutes.Login) { Content = JsonContent.Create(new LoginRequest("canbo2", HubApp.Password, created.Id)) };
        signIn.Headers.AcceptLanguage.ParseAdd("vi");
        var refused = await anonymous.SendAsync(signIn);
        AssertProblem((refused.StatusCode, await refused.Content.ReadFromJsonAsync<JsonElement>()), HttpStatusCode.BadRequest, "counterId", "quầy 8 đã ngừng hoạt động");
        var report = await supervisor.GetFromJsonAsync<ReportDto>(HubRoutes.Reports, Json);
        Assert.Contains(report!.ByCounter, r => r.Key == "8");

        Assert.Equal(HttpStatusCode.OK, (await SendAsync(supervisor, HttpMethod.Post, $"{HubRoutes.AdminCounters}/{created.Id}/restore")).Status);
        Assert.Contains((await App.SnapshotAsync()).Counters, c => c.Id == created.Id);

        var audit = App.Db(db => db.AdminChanges.Where(c => c.Entity == AdminEntities.Counter && c.EntityId == created.Id.ToString()).OrderBy(c => c.At).ThenBy(c => c.Id).ToList());
        Assert.Equal([AdminActions.Create, AdminActions.Update, AdminActions.Retire, AdminActions.Restore], audit.Select(x => x.Action));
        Assert.Contains("cam-8", audit[1].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Counter_BadInput_IsRefused_NamingTheFieldInVietnamese()
    {
        if (App is null)
        {
            return;
        }

        using var supervisor = await App.SupervisorAsync();
        var a = await App.ServiceIdAsync("A");
        var e = await App.ServiceIdAsync("E");
        Assert.Equal(HttpStatusCode.OK, (await SendAsync(supervisor, HttpMethod.Post, $"{HubRoutes.AdminServices}/{e}/retire")).Status);

        AssertProblem(await SendAsync(supervisor, HttpMethod.Post, HubRoutes.AdminCounters, new { number = 1, name = "Trùng số", serviceIds = new[] { a } }),
            HttpStatusCode.Conflict, "number", "số quầy 1 đã được dùng");
        AssertProblem(await SendAsync(supervisor, HttpMethod.Post, HubRoutes.AdminCounters, new { number = 9, name = "Dịch vụ lạ", serviceIds = new[] { Guid.NewGuid() } }),
            HttpStatusCode.BadRequest, "serviceIds", "Không tìm thấy dịch vụ");
        AssertProblem(await SendAsync(supervisor, HttpMethod.Post, HubRoutes.AdminCounters, new { number = 9, name = "Dịch vụ đã ngừng", serviceIds = new[] { a, e } }),
            HttpStatusCode.BadRequest, "serviceIds", "Dịch vụ E đã ngừng phục vụ");
        AssertProblem(await SendAsync(supervisor, HttpMethod.Post, HubRoutes.AdminCounters, new { number = 9, name = "Trọng số", serviceIds = new[] { a }, weights = new[] { 11 } }),
            HttpStatusCode.BadRequest, "weights", "không hợp lệ");
        AssertProblem(await SendAsync(supervisor, HttpMethod.Post, HubRoutes.AdminCounters, new { number = 9, name = "Thiếu trọng số", serviceIds = new[] { a, await App.ServiceIdAsync("B") }, weights = new[] { 2 } }),
            HttpStatusCode.BadRequest, "weights", "không hợp lệ");
        AssertProblem(await SendAsync(supervisor, HttpMethod.Post, HubRoutes.AdminCounters, new { number = 9, name = "Không dịch vụ", serviceIds = Array.Empty<Guid>() }),
            HttpStatusCode.BadRequest, "serviceIds", "bắt buộc");
        AssertProblem(await SendAsync(supervisor, HttpMethod.Post, HubRoutes.AdminCounters, new { number = 9, name = "Bảng LED", serviceIds = new[] { a }, ledAddress = 300 }),
            HttpStatusCode.BadRequest, "ledAddress", "không hợp lệ");
        AssertProblem(await SendAsync(supervisor, HttpMethod.Post, HubRoutes.AdminCounters, new { number = 0, name = "Số 0", serviceIds = new[] { a } }),
            HttpStatusCode.BadRequest, "number", "không hợp lệ");

        var two = await App.CounterIdAsync(2);
        AssertProblem(await SendAsync(supervisor, HttpMethod.Put, $"{HubRoutes.AdminCounters}/{two}", new { number = 3, name = "Sửa trùng", serviceIds = new[] { a } }),
            HttpStatusCode.Conflict, "number", "số quầy 3 đã được dùng");
        Assert.Empty(App.Db(db => db.AdminChanges.Where(c => c.Entity == AdminEntities.Counter).ToList()));
    }

    [Fact]
    public async Task Officer_CannotAdminister_ServicesCountersOrGroups()
    {
        if (App is null)
        {
            return;
        }

        using var officer = await App.SignInAsync("canbo1", await App.CounterIdAsync(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(HubRoutes.AdminServices)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(HubRoutes.AdminCounters)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync(HubRoutes.AdminPriorityGroups)).StatusCode);
        using var anonymous = App.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(HubRoutes.AdminServices)).StatusCode);
    }

    [Fact]
    public async Task Pages_AreServedToSupervisors_WithTheirFormIds_AndScriptsNameTheRoutes()
    {
        if (App is null)
        {
            return;
        }

        using var supervisor = await App.SupervisorAsync();
        var services = await supervisor.GetStringAsync("/supervisor/services");
        Assert.Contains("id=\"service-form\"", services, StringComparison.Ordinal);
        Assert.Contains("id=\"service-code\"", services, StringComparison.Ordinal);
        Assert.Contains("id=\"priority-groups\"", services, StringComparison.Ordinal);
        Assert.Contains("Nhóm ưu tiên", services, StringComparison.Ordinal);
        var counters = await supervisor.GetStringAsync("/supervisor/counters");
        Assert.Contains("id=\"counter-form\"", counters, StringComparison.Ordinal);
        Assert.Contains("id=\"counter-services\"", counters, StringComparison.Ordinal);

        var contract = await supervisor.GetStringAsync(HubRoutes.ContractScript);
        Assert.Contains(HubRoutes.AdminPriorityGroups, contract, StringComparison.Ordinal);
        Assert.Contains("routes.AdminServices", await supervisor.GetStringAsync("/supervisor/services.js"), StringComparison.Ordinal);
        Assert.Contains("routes.AdminCounters", await supervisor.GetStringAsync("/supervisor/counters.js"), StringComparison.Ordinal);

        using var officer = await App.SignInAsync("canbo1", await App.CounterIdAsync(1));
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/supervisor/services")).StatusCode);
    }

    private async Task<Guid> FieldIdAsync(string code)
    {
        using var client = App!.CreateClient();
        var fields = await client.GetFromJsonAsync<List<FieldDto>>(HubRoutes.FieldsOf(App.SiteId), Json);
        return fields!.Single(f => f.Code == code).Id;
    }

    private async Task WithDbAsync(Func<HubDbContext, Task> work)
    {
        await using var scope = App!.Services.CreateAsyncScope();
        await work(scope.ServiceProvider.GetRequiredService<HubDbContext>());
    }

    private static Task<(HttpStatusCode Status, JsonElement Body)> SendAsync(HttpClient client, HttpMethod method, string url, object? body = null) =>
        SendRawAsync(client, method, url, body is null ? null : JsonSerializer.Serialize(body, Json));

    private static async Task<(HttpStatusCode Status, JsonElement Body)> SendRawAsync(HttpClient client, HttpMethod method, string url, string? body)
    {
        using var request = new HttpRequestMessage(method, url);
        if (body is not null)
        {
            request.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        }

        request.Headers.AcceptLanguage.ParseAdd("vi");
        using var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length == 0 ? default : JsonSerializer.Deserialize<JsonElement>(text));
    }

    private static void AssertProblem((HttpStatusCode Status, JsonElement Body) problem, HttpStatusCode status, string field, string text)
    {
        Assert.True(status == problem.Status, $"expected {status}, got {problem.Status}: {problem.Body}");
        Assert.Equal(field, problem.Body.GetProperty("field").GetString());
        var messages = problem.Body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(text, StringComparison.Ordinal));
    }
}

public sealed class SqliteServiceAdministrationTests(ITestOutputHelper output) : ServiceAdministrationTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresServiceAdministrationTests(ITestOutputHelper output) : ServiceAdministrationTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}
