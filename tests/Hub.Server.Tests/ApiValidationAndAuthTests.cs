using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests;

/// <summary>Bad bodies answer 400 ProblemDetails naming the field (vi and en); every action needs the right identity.</summary>
public sealed class ApiValidationAndAuthTests : SqliteHubAppTest
{
    // Every action the server maps under HubRoutes.Counter, read from the one list of them.
    private static readonly string[] EveryCounterAction =
        [.. typeof(CounterActions).GetFields().Select(f => (string)f.GetRawConstantValue()!)];

    [Theory]
    [InlineData("""{"priority":"Bogus","serviceId":"00000000-0000-0000-0000-000000000001"}""", "priority", "vi", "không hợp lệ")]
    [InlineData("""{"priority":"Bogus","serviceId":"00000000-0000-0000-0000-000000000001"}""", "priority", "en", "not valid")]
    [InlineData("""{"serviceId":"not-a-guid"}""", "serviceId", "vi", "không hợp lệ")]
    [InlineData("""{"priority":"None"}""", "serviceId", "vi", "dịch vụ hoặc thủ tục")]
    [InlineData("""{"priority":"None"}""", "serviceId", "en", "service or a procedure")]
    [InlineData("""{"serviceId":"00000000-0000-0000-0000-000000000001"}""", "serviceId", "en", "Service not found")]
    [InlineData("""{"serviceId":"00000000-0000-0000-0000-000000000001","priority":42}""", "priority", "en", "not valid")]
    [InlineData("not json", "body", "vi", "không hợp lệ")]
    public async Task IssueTicket_BadBody_Is400_NamingTheField(string body, string field, string language, string text)
    {
        using var kiosk = App.Kiosk();
        var problem = await PostRawAsync(kiosk, HubRoutes.Tickets, body, language);
        AssertProblem(problem, field, text);
    }

    [Fact]
    public async Task Pause_WithoutReason_Is400_NamingReason()
    {
        var counter = await App.CounterIdAsync(1);
        using var officer = await App.SignInAsync("canbo1", counter);
        AssertProblem(await PostRawAsync(officer, HubRoutes.CounterAction(counter, CounterActions.Pause), """{"reason":"  "}""", "vi"), "reason", "bắt buộc");
        AssertProblem(await PostRawAsync(officer, HubRoutes.CounterAction(counter, CounterActions.Pause), """{"reason":"  "}""", "en"), "reason", "required");
    }

    [Fact]
    public async Task ValuesTooLongForTheDatabase_Are400_BeforeTheyReachIt()
    {
        // Caught up front: a value the database refuses would otherwise fail a whole commit batch.
        using var kiosk = App.Kiosk();
        var ticket = await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        var reason = new string('x', 401);
        using var tablet = App.Device(App.AddDevice(DeviceKind.RatingTablet, "Máy đánh giá quầy 1"));
        AssertProblem(await PostRawAsync(tablet, $"{HubRoutes.Ticket(ticket.Id)}/rating", $$"""{"score":1,"reason":"{{reason}}"}""", "vi"), "reason", "400");
        using var supervisor = await App.SupervisorAsync();
        AssertProblem(await PostRawAsync(supervisor, HubRoutes.Admin + "/services", """{"code":"Q","name":"Dài","prefix":"ABCDEFGH","digits":9,"rangeStart":1,"rangeEnd":999}""", "en"), "prefix", "16");
    }

    [Theory]
    [InlineData("""{"code":"Q","name":"Tràn","prefix":"Q","digits":9,"rangeStart":1,"rangeEnd":2147483647}""")]
    [InlineData("""{"code":"Q","name":"Không","prefix":"Q","digits":3,"rangeStart":0,"rangeEnd":999}""")]
    [InlineData("""{"code":"Q","name":"Ngược","prefix":"Q","digits":3,"rangeStart":50,"rangeEnd":10}""")]
    public async Task CreateService_RangeOutsideOneToNineDigits_Is400_NamingRangeEnd(string body)
    {
        using var supervisor = await App.SupervisorAsync();
        AssertProblem(await PostRawAsync(supervisor, HubRoutes.Admin + "/services", body, "vi"), "rangeEnd", "không hợp lệ");
    }

    [Fact]
    public async Task ServiceAtTheEndOfItsRange_RefusesWithASentence_NeverANegativeNumber()
    {
        using var supervisor = await App.SupervisorAsync();
        using var created = await supervisor.PostAsync(HubRoutes.Admin + "/services",
            JsonBody("""{"code":"Q","name":"Cuối dải","prefix":"Q","digits":9,"rangeStart":999999998,"rangeEnd":999999999}"""));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var serviceId = await App.ServiceIdAsync("Q");
        using var kiosk = App.Kiosk();

        Assert.Equal(999_999_998, (await App.IssueAsync(kiosk, serviceId)).NumberValue);
        Assert.Equal(999_999_999, (await App.IssueAsync(kiosk, serviceId)).NumberValue);
        for (var i = 0; i < 2; i++)
        {
            var refused = await PostRawAsync(kiosk, HubRoutes.Tickets, $$"""{"serviceId":"{{serviceId}}"}""", "vi");
            Assert.Equal(HttpStatusCode.Conflict, refused.Status);
            Assert.Equal("service.numbers_exhausted", refused.Body.GetProperty("code").GetString());
            Assert.Contains("hết số thứ tự", refused.Body.GetProperty("detail").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task CreateCounter_WithTheSameServiceTwice_Is400_NamingServiceIds()
    {
        using var supervisor = await App.SupervisorAsync();
        var a = await App.ServiceIdAsync("A");
        AssertProblem(await PostRawAsync(supervisor, HubRoutes.Admin + "/counters", $$"""{"number":77,"name":"Quầy 77","serviceIds":["{{a}}","{{a}}"]}""", "vi"),
            "serviceIds", "không hợp lệ");
    }

    [Theory]
    [InlineData("?to=0001-01-01", "to")]
    [InlineData("?from=0001-01-01", "from")]
    [InlineData("?from=9999-12-31T23:59:59Z", "from")]
    [InlineData("?from=2026-12-02&to=2026-12-01", "from")]
    public async Task RecordingViews_WithAWindowOutsideTheCalendarOrReversed_Is400(string query, string field)
    {
        using var admin = await App.SignInAsync("quantri");
        using var request = new HttpRequestMessage(HttpMethod.Get, HubRoutes.Supervision + "/recording-views" + query);
        var response = await admin.SendAsync(request);
        var body = JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, body.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Login_WithoutPassword_Is400_NamingPassword()
    {
        using var client = App.CreateClient();
        AssertProblem(await PostRawAsync(client, HubRoutes.Login, """{"userName":"canbo1"}""", "en"), "password", "required");
    }

    [Fact]
    public async Task Transfer_WithoutTarget_Is400()
    {
        var counter = await App.CounterIdAsync(1);
        using var officer = await App.SignInAsync("canbo1", counter);
        AssertProblem(await PostRawAsync(officer, HubRoutes.CounterAction(counter, CounterActions.Transfer), "{}", "en"), "serviceId", "Choose a service or a counter");
    }

    [Fact]
    public async Task EveryAction_WithoutSignIn_Is401()
    {
        using var anonymous = App.CreateClient();
        var counter = await App.CounterIdAsync(1);
        var ticket = Guid.NewGuid();
        foreach (var action in EveryCounterAction)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(HubRoutes.CounterAction(counter, action), JsonBody("{}"))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(HubRoutes.Tickets, JsonBody("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{HubRoutes.Ticket(ticket)}/cancel", JsonBody("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync($"{HubRoutes.Ticket(ticket)}/rating", JsonBody("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(HubRoutes.Ticket(ticket))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(HubRoutes.OwnSnapshot)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(HubRoutes.Me)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(HubRoutes.Admin + "/counters", JsonBody("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(HubRoutes.Admin + "/devices", JsonBody("{}"))).StatusCode);

        using var badKey = App.Device("not-a-real-key");
        Assert.Equal(HttpStatusCode.Unauthorized, (await badKey.PostAsync(HubRoutes.Tickets, JsonBody("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await badKey.GetAsync(HubRoutes.OwnSnapshot)).StatusCode);
    }

    [Fact]
    public async Task EveryCounterAction_ByDevicesOrAnotherCountersOfficer_Is403()
    {
        var counter1 = await App.CounterIdAsync(1);
        var counter2 = await App.CounterIdAsync(2);
        using var kiosk = App.Kiosk();
        using var display = App.Display();
        using var otherOfficer = await App.SignInAsync("canbo2", counter2);
        foreach (var action in EveryCounterAction)
        {
            foreach (var client in new[] { kiosk, display, otherOfficer })
            {
                var response = await client.PostAsync(HubRoutes.CounterAction(counter1, action), JsonBody("""{"reason":"x","ticketId":"00000000-0000-0000-0000-000000000001"}"""));
                Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{action}: {(int)response.StatusCode}");
            }
        }

        // A display may read but not issue; devices may not cancel; officers may not do admin work.
        Assert.Equal(HttpStatusCode.Forbidden, (await display.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(await App.ServiceIdAsync("A")))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kiosk.PostAsync($"{HubRoutes.Ticket(Guid.NewGuid())}/cancel", JsonBody("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await otherOfficer.PostAsync(HubRoutes.Admin + "/counters", JsonBody("{}"))).StatusCode);
        using var supervisor = await App.SupervisorAsync();
        Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.PostAsync(HubRoutes.Admin + "/devices", JsonBody("{}"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await kiosk.GetAsync(HubRoutes.Me)).StatusCode);
    }

    [Fact]
    public async Task Officer_MustChooseACounter_AndActsOnlyThere()
    {
        using var client = App.CreateClient();
        var noCounter = await PostRawAsync(client, HubRoutes.Login, """{"userName":"canbo1","password":"Demo@123"}""", "en");
        AssertProblem(noCounter, "counterId", "choose their counter");

        var counter1 = await App.CounterIdAsync(1);
        using var officer = await App.SignInAsync("canbo1", counter1);
        var me = await officer.GetFromJsonAsync<MeDto>(HubRoutes.Me);
        Assert.Equal(1, me!.CounterNumber);
        Assert.Equal(OfficerRole.Officer, me.Role);
        Assert.Equal(HttpStatusCode.NoContent, (await officer.PostAsync(HubRoutes.CounterAction(counter1, CounterActions.CallNext), null)).StatusCode);
    }

    [Fact]
    public async Task Login_LocksOutAfterFiveFailures_EvenWithTheRightPassword()
    {
        using var client = App.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("giamsat", "wrong-password"));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        }

        var locked = await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("giamsat", HubApp.Password));
        Assert.Equal((HttpStatusCode)423, locked.StatusCode);

        App.Time.Advance(TimeSpan.FromMinutes(16));
        var again = await client.PostAsJsonAsync(HubRoutes.Login, new LoginRequest("giamsat", HubApp.Password));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Admin_CreatesADeviceKey_ThatWorksOnce_Shown()
    {
        using var admin = await App.SignInAsync("quantri");
        var created = await admin.PostOkAsync<JsonElement>(HubRoutes.Admin + "/devices", new { kind = "Kiosk", name = "Kiosk 2" });
        var key = created.GetProperty("key").GetString()!;
        Assert.StartsWith("qkd_", key, StringComparison.Ordinal);
        Assert.DoesNotContain(App.Db(db => db.Devices.Select(d => d.KeyHash).ToList()), h => h == key);

        using var kiosk = App.Device(key);
        var ticket = await App.IssueAsync(kiosk, await App.ServiceIdAsync("A"));
        Assert.Equal(TicketChannel.Kiosk, ticket.Channel);
    }

    [Fact]
    public async Task DossierLookup_IsAnonymous_MasksTheName_AndChecksTheCodeFormat()
    {
        using var anonymous = App.CreateClient();
        var code = App.Db(db => db.Dossiers.Where(d => d.ApplicantName == "Nguyễn Văn An").Select(d => d.Code).Single());
        var dossier = await anonymous.GetFromJsonAsync<DossierStatusDto>(HubRoutes.Dossier(code));
        Assert.Equal("Nguyễn V** A*", dossier!.MaskedApplicantName);
        Assert.Equal("Đã tiếp nhận", dossier.StateText);

        var bad = await anonymous.GetAsync(HubRoutes.Dossier("12345"));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("code", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(HubRoutes.Dossier("000.00.31.H29-200101-9999"))).StatusCode);
    }

    [Theory]
    [InlineData("Nguyễn Văn An", "Nguyễn V** A*")]
    [InlineData("Trần Thị Bình", "Trần T** B***")]
    [InlineData("  Lê  ", "Lê")]
    [InlineData("Đặng Quốc Gia", "Đặng Q*** G**")]
    public void NameMask_KeepsTheFamilyName_AndInitials(string name, string masked) =>
        Assert.Equal(masked, Dossiers.NameMask.Mask(name));

    [Fact]
    public async Task Catalogue_IsAnonymous_AndRateLimited()
    {
        using var anonymous = App.CreateClient();
        var fields = await anonymous.GetFromJsonAsync<List<FieldDto>>(HubRoutes.Fields);
        Assert.Contains(fields!, f => f.Name == "Tư pháp - Hộ tịch" && f.ProcedureCount >= 5);
        var search = await anonymous.GetFromJsonAsync<List<ProcedureDto>>(HubRoutes.Procedures + "?q=khai sinh");
        Assert.Contains(search!, p => p.Code == "1.001193");

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 130; i++)
        {
            statuses.Add((await anonymous.GetAsync(HubRoutes.Sites)).StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, statuses);
        using var kiosk = App.Kiosk();
        Assert.Equal(HttpStatusCode.OK, (await kiosk.GetAsync(HubRoutes.Sites)).StatusCode);
    }

    [Fact]
    public async Task OpenApiDocument_AndHealth_Answer()
    {
        using var client = App.CreateClient();
        var openApi = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/counters/{counterId}/call-next", openApi, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }

    private static StringContent JsonBody(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<(HttpStatusCode Status, JsonElement Body)> PostRawAsync(HttpClient client, string url, string body, string language)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonBody(body) };
        request.Headers.AcceptLanguage.ParseAdd(language);
        var response = await client.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, JsonSerializer.Deserialize<JsonElement>(text));
    }

    private static void AssertProblem((HttpStatusCode Status, JsonElement Body) problem, string field, string text)
    {
        Assert.Equal(HttpStatusCode.BadRequest, problem.Status);
        Assert.Equal(field, problem.Body.GetProperty("field").GetString());
        var messages = problem.Body.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(messages, m => m!.Contains(text, StringComparison.Ordinal));
        Assert.Equal(400, problem.Body.GetProperty("status").GetInt32());
    }
}
