using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.DependencyInjection;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Common;
using QueueKiosk.HubServer.Supervision;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Security;

/// <summary>
/// Issue 15, item 1: "a refused row fails only its own action, never those batched with it". Every
/// free-text field that reaches the database gets a NUL, other control characters, half an emoji
/// and 1,000 emoji, all sent at once beside honest kiosks issuing tickets. Each bad request is a
/// 400 ProblemDetails naming its field in Vietnamese (or, for the device's own printer message, is
/// kept cleaned), and every honest ticket is issued: no 500, no 503, on SQLite and PostgreSQL.
/// </summary>
public abstract class PoisonedTextTests(ITestOutputHelper output) : HubAppTest(output)
{
    private const int Kiosks = 5;
    private const int TicketsPerKiosk = 40;

    /// <summary>The bad texts as JSON string literals: escapes, so the bytes on the wire are what an attacker would send.</summary>
    /// <summary>1,000 emoji are valid text: a field long enough (a procedure's legal basis, 2,000) may keep them whole.</summary>
    private static readonly (string Name, string Json, bool MayBeStored)[] BadTexts =
    [
        ("NUL", "\"a\\u0000b\"", false),
        ("control characters", "\"chu\\u0007ng \\u001b[31m\\u0085\"", false),
        ("half an emoji", "\"n\\ud83d\\u1ec9a\"", false),
        ("1,000 emoji", "\"" + string.Concat(Enumerable.Repeat("😀", 1000)) + "\"", true),
    ];

    /// <summary>One free-text field: who sends it, where, the body with {0} for the text, the field the answer must name.</summary>
    private sealed record Target(string Caller, HttpMethod Method, string Url, string Body, string Field);

    [Fact]
    public async Task BadTextInEveryFreeTextField_IsRefusedNamingTheField_AndEveryHonestTicketBesideItIsIssued()
    {
        if (App is null)
        {
            return;
        }

        var counter = await App.CounterIdAsync(1);
        var services = await App.ServicesAsync();
        using var officer = await App.SignInAsync("canbo1", counter);
        using var admin = await App.SignInAsync("quantri");
        using var tablet = App.Device(App.AddDevice(DeviceKind.RatingTablet, "Máy đánh giá quầy 1", counter));
        using var display = App.Display();
        using var anonymous = App.CreateClient();
        using var firstKiosk = App.Kiosk();
        var ticket = await App.IssueAsync(firstKiosk, services[0].Id);
        var group = (await admin.GetFromJsonAsync<JsonElement>(HubRoutes.AdminPriorityGroups))[0].GetProperty("id").GetGuid();
        var field = (await admin.PostOkAsync<JsonElement>(HubRoutes.AdminFields, new FieldRequest("LV-X", "Lĩnh vực thử"))).GetProperty("id").GetGuid();
        var clients = new Dictionary<string, HttpClient>
        {
            ["tablet"] = tablet,
            ["display"] = display,
            ["officer"] = officer,
            ["admin"] = admin,
            ["anonymous"] = anonymous,
        };

        var targets = Targets(ticket.Id, counter, services[1].Id, group, field);
        var kiosks = Enumerable.Range(0, Kiosks).Select(i => App.Device(App.AddDevice(DeviceKind.Kiosk, $"Kiosk {i + 1}"))).ToList();
        try
        {
            var honest = kiosks.Select((kiosk, k) => Task.Run(async () =>
            {
                var statuses = new List<HttpStatusCode>();
                for (var i = 0; i < TicketsPerKiosk; i++)
                {
                    using var answer = await kiosk.PostAsJsonAsync(HubRoutes.Tickets, new IssueTicketRequest(services[(k + i) % services.Count].Id));
                    statuses.Add(answer.StatusCode);
                }

                return statuses;
            })).ToList();
            var bad = targets.SelectMany(t => BadTexts.Select(text => Task.Run(() => SendAsync(clients[t.Caller], t, text)))).ToList();

            var answers = await Task.WhenAll(bad);
            var issued = (await Task.WhenAll(honest)).SelectMany(s => s).ToList();

            var wrong = answers.Where(a => a.Failure is not null).Select(a => a.Failure).ToList();
            Assert.True(wrong.Count == 0, string.Join("\n", wrong));
            Assert.Equal(targets.Count * BadTexts.Length, answers.Length);
            Assert.All(issued, status => Assert.Equal(HttpStatusCode.Created, status));
            Assert.Equal(Kiosks * TicketsPerKiosk, issued.Count);
        }
        finally
        {
            kiosks.ForEach(k => k.Dispose());
        }

        // Every honest ticket is stored, and the first one, whose cancel and transfer were refused, too.
        Assert.Equal(Kiosks * TicketsPerKiosk + 1, App.Db(db => db.Tickets.Count()));
    }

    [Fact]
    public async Task ADevicesOwnPrinterMessageAndVersion_AreKeptCleaned_NeverRefused()
    {
        if (App is null)
        {
            return;
        }

        using var kiosk = App.Kiosk();
        foreach (var (name, json, _) in BadTexts)
        {
            var body = $$"""{"name":"Kiosk sảnh","status":"OK","printerState":"Error","paperLow":false,"paperOut":false,"printerMessage":{{json}},"catalogueFromCache":false,"version":{{json}}}""";
            using var answer = await kiosk.PostAsync(HubRoutes.DeviceStatus, new StringContent(body, Encoding.UTF8, "application/json"));
            var raw = await answer.Content.ReadAsStringAsync();
            if (name == "half an emoji")
            {
                // Not text at all: the JSON reader refuses it before the hub sees it, naming the field.
                Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
                Assert.Equal("printerMessage", JsonSerializer.Deserialize<JsonElement>(raw).GetProperty("field").GetString());
                Assert.Contains("Giá trị của trường 'printerMessage' không hợp lệ", raw, StringComparison.Ordinal);
                continue;
            }

            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{name}: {(int)answer.StatusCode} {raw}");

            var deviceId = App.Db(db => db.Devices.Single(d => d.Kind == DeviceKind.Kiosk).Id);
            var kept = App.Services.GetRequiredService<DeviceStatusBoard>().Get(deviceId)!;
            foreach (var text in new[] { kept.PrinterMessage!, kept.Version })
            {
                Assert.True(SafeText.IsStorable(text), $"{name}: {text}");
                Assert.True(text.IsNormalized(NormalizationForm.FormC), name);
            }

            Assert.True(kept.PrinterMessage!.Length <= DeviceStatusBoard.MaxPrinterMessage, name);
            Assert.True(kept.Version.Length <= DeviceStatusBoard.MaxVersion, name);
        }

        // NFD Vietnamese (as some keyboards type it) is kept in NFC.
        var decomposed = "Kẹt giấy".Normalize(NormalizationForm.FormD);
        using (var answer = await kiosk.PostAsJsonAsync(HubRoutes.DeviceStatus,
            new DeviceStatusReport("Kiosk sảnh", "OK", "Error", false, false, decomposed, false, null, "1.0.0")))
        {
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        var id = App.Db(db => db.Devices.Single(d => d.Kind == DeviceKind.Kiosk).Id);
        Assert.Equal("Kẹt giấy".Normalize(NormalizationForm.FormC), App.Services.GetRequiredService<DeviceStatusBoard>().Get(id)!.PrinterMessage);
    }

    [Fact]
    public async Task DecomposedVietnameseInEveryFreeTextField_IsStoredAsNfc_InEveryTable()
    {
        if (App is null)
        {
            return;
        }

        // Some keyboards and pasted text give "ễ" as e + circumflex + tilde (NFD). Sent to every
        // free-text field, whatever the answer, no column of any table may then hold non-NFC text.
        var counter = await App.CounterIdAsync(1);
        var services = await App.ServicesAsync();
        using var officer = await App.SignInAsync("canbo1", counter);
        using var admin = await App.SignInAsync("quantri");
        using var tablet = App.Device(App.AddDevice(DeviceKind.RatingTablet, "Máy đánh giá quầy 1", counter));
        using var display = App.Display();
        using var anonymous = App.CreateClient();
        using var kiosk = App.Kiosk();
        var ticket = await App.IssueAsync(kiosk, services[0].Id);
        var group = (await admin.GetFromJsonAsync<JsonElement>(HubRoutes.AdminPriorityGroups))[0].GetProperty("id").GetGuid();
        var field = (await admin.PostOkAsync<JsonElement>(HubRoutes.AdminFields, new FieldRequest("LV-X", "Lĩnh vực thử"))).GetProperty("id").GetGuid();
        var clients = new Dictionary<string, HttpClient>
        {
            ["tablet"] = tablet,
            ["display"] = display,
            ["officer"] = officer,
            ["admin"] = admin,
            ["anonymous"] = anonymous,
        };

        var accepted = 0;
        var targets = Targets(ticket.Id, counter, services[1].Id, group, field);
        for (var i = 0; i < targets.Count; i++)
        {
            var target = targets[i];
            // Distinct per target, so creations do not collide on a name; digits keep codes and passwords acceptable.
            var text = JsonSerializer.Serialize($"Nguyễn Thị Hồng Nhung {i} ổn định".Normalize(NormalizationForm.FormD));
            var body = target.Body.Replace("{0}", text, StringComparison.Ordinal);
            using var request = new HttpRequestMessage(target.Method, target.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            using var answer = await clients[target.Caller].SendAsync(request);
            Assert.True((int)answer.StatusCode < 500, $"{target.Url} {target.Field}: {(int)answer.StatusCode}");
            accepted += answer.IsSuccessStatusCode ? 1 : 0;
        }

        // The site, services, counters, staff, fields, procedures, calendar, priority groups, the pause reason...
        Assert.True(accepted >= 20, $"only {accepted} of {targets.Count} writes were accepted");
        var notNfc = App.Db(db =>
        {
            var found = new List<string>();
            var connection = db.Database.GetDbConnection();
            connection.Open();
            foreach (var entity in db.Model.GetEntityTypes().Where(e => e.GetTableName() is not null))
            {
                var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
                var from = entity.GetSchema() is { } schema ? $"\"{schema}\".\"{table.Name}\"" : $"\"{table.Name}\"";
                foreach (var property in entity.GetProperties().Where(p => p.ClrType == typeof(string) && p.GetColumnName(table) is not null))
                {
                    using var command = connection.CreateCommand();
                    command.CommandText = $"SELECT \"{property.GetColumnName(table)}\" FROM {from}";
                    using var reader = command.ExecuteReader();
                    while (reader.Read())
                    {
                        if (!reader.IsDBNull(0) && reader.GetString(0) is var value && !value.IsNormalized(NormalizationForm.FormC))
                        {
                            found.Add($"{table.Name}.{property.GetColumnName(table)}: {value}");
                        }
                    }
                }
            }

            return found;
        });
        Assert.True(notNfc.Count == 0, string.Join("\n", notNfc));
        var names = App.Db(db => db.Counters.Select(c => c.Name).ToList());
        Assert.Contains(names, n => n.StartsWith("Nguyễn Thị Hồng Nhung", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a%00b")]
    [InlineData("a%07b")]
    [InlineData("emoji")]
    public async Task BadTextInAQueryFilterComparedInSql_Is400NamingIt(string entity)
    {
        entity = entity == "emoji" ? Uri.EscapeDataString(string.Concat(Enumerable.Repeat("😀", 1000))) : entity;
        if (App is null)
        {
            return;
        }

        // Found by the fuzz bench on PostgreSQL: a NUL in ?entity= answered 503 (the database refused the query).
        using var admin = await App.SignInAsync("quantri");
        using var answer = await admin.GetAsync($"{HubRoutes.AdminChanges}?entity={entity}");
        var raw = await answer.Content.ReadAsStringAsync();
        Assert.True(answer.StatusCode == HttpStatusCode.BadRequest, $"{(int)answer.StatusCode} {raw}");
        Assert.Equal("entity", JsonSerializer.Deserialize<JsonElement>(raw).GetProperty("field").GetString());
        Assert.Contains("Trường 'entity'", raw, StringComparison.Ordinal);
    }

    /// <summary>Every free-text field of every write that reaches the database, by caller.</summary>
    private static List<Target> Targets(Guid ticketId, Guid counterId, Guid otherServiceId, Guid priorityGroupId, Guid fieldId)
    {
        var post = HttpMethod.Post;
        var put = HttpMethod.Put;
        string Action(string action) => HubRoutes.CounterAction(counterId, action);
        string Site(string name = "\"Bộ phận Một cửa\"", string address = "null", string timeZone = "\"Asia/Ho_Chi_Minh\"", string header = "null",
            string footer = "null", string thanks = "null") =>
            $$"""{"name":{{name}},"address":{{address}},"timeZone":{{timeZone}},"ticketHeader":{{header}},"ticketFooter":{{footer}},"ticketThankYou":{{thanks}},"kioskIdleSeconds":60}""";
        string Service(string code = "\"X\"", string name = "\"Dịch vụ thử\"", string nameEn = "null", string prefix = "\"X\"", string priorities = "null") =>
            $$"""{"code":{{code}},"name":{{name}},"nameEn":{{nameEn}},"prefix":{{prefix}},"digits":3,"rangeStart":1,"rangeEnd":999,"acceptedPriorities":{{priorities}}}""";
        string Counter(string name = "\"Quầy thử\"", string camera = "null") =>
            $$"""{"number":40,"name":{{name}},"serviceIds":["{{otherServiceId}}"],"cameraId":{{camera}}}""";
        string Staff(string user = "\"canbo40\"", string display = "\"Cán bộ thử\"", string password = "\"MatKhau123\"") =>
            $$"""{"userName":{{user}},"displayName":{{display}},"role":"Officer","password":{{password}}}""";
        string Procedure(string code = "\"TT-X\"", string name = "\"Thủ tục thử\"", string level = "null", string agency = "null", string time = "null",
            string fees = "null", string legal = "null", string docName = "\"Tờ khai\"", string docNote = "null") =>
            $$"""{"code":{{code}},"name":{{name}},"fieldId":"{{fieldId}}","level":{{level}},"agency":{{agency}},"processingTime":{{time}},"fees":{{fees}},"legalBasis":{{legal}},"documents":[{"name":{{docName}},"originals":1,"copies":0,"note":{{docNote}}}]}""";
        string Calendar(string name = "\"Ngày nghỉ\"", string nameEn = "null") =>
            $$"""{"year":2026,"date":"2026-12-24","kind":0,"name":{{name}},"nameEn":{{nameEn}}}""";
        const string X = "{0}";

        return
        [
            // Citizens' channels and devices.
            new("tablet", post, HubRoutes.WithId(HubRoutes.TicketRating, ticketId), $$"""{"score":2,"reason":{{X}}}""", "reason"),
            new("tablet", post, HubRoutes.WithId(HubRoutes.TicketRating, ticketId), $$"""{"score":2,"reasons":[{{X}}]}""", "reasons"),
            new("display", post, HubRoutes.DeviceStatus, $$"""{"name":"Màn hình","status":{{X}},"printerState":"Ready","version":"1.0"}""", "status"),
            new("display", post, HubRoutes.DeviceStatus, $$"""{"name":"Màn hình","status":"OK","printerState":{{X}},"version":"1.0"}""", "printerState"),
            new("display", post, HubRoutes.DeviceStatus, $$"""{"name":{{X}},"status":"OK","printerState":"Ready","version":"1.0"}""", "name"),

            // Sign-in and an officer at the counter.
            new("anonymous", post, HubRoutes.Login, $$"""{"userName":{{X}},"password":"Demo@123"}""", "userName"),
            new("anonymous", post, HubRoutes.Login, $$"""{"userName":"canbo1","password":{{X}}}""", "password"),
            new("officer", post, Action(CounterActions.Pause), $$"""{"reason":{{X}}}""", "reason"),
            new("officer", post, Action(CounterActions.Transfer), $$"""{"serviceId":"{{otherServiceId}}","reason":{{X}}}""", "reason"),
            new("officer", post, Action(CounterActions.Requeue), $$"""{"number":{{X}}}""", "number"),
            new("officer", post, HubRoutes.WithId(HubRoutes.TicketCancel, ticketId), $$"""{"reason":{{X}}}""", "reason"),
            new("officer", post, HubRoutes.OwnPassword, $$"""{"currentPassword":{{X}},"newPassword":"MatKhauMoi123"}""", "currentPassword"),

            // The admin's pages.
            new("admin", put, HubRoutes.AdminSite, Site(name: X), "name"),
            new("admin", put, HubRoutes.AdminSite, Site(address: X), "address"),
            new("admin", put, HubRoutes.AdminSite, Site(timeZone: X), "timeZone"),
            new("admin", put, HubRoutes.AdminSite, Site(header: X), "ticketHeader"),
            new("admin", put, HubRoutes.AdminSite, Site(footer: X), "ticketFooter"),
            new("admin", put, HubRoutes.AdminSite, Site(thanks: X), "ticketThankYou"),
            new("admin", post, HubRoutes.AdminServices, Service(code: X), "code"),
            new("admin", post, HubRoutes.AdminServices, Service(name: X), "name"),
            new("admin", post, HubRoutes.AdminServices, Service(nameEn: X), "nameEn"),
            new("admin", post, HubRoutes.AdminServices, Service(prefix: X), "prefix"),
            new("admin", post, HubRoutes.AdminServices, Service(priorities: $"[{X}]"), "acceptedPriorities"),
            new("admin", post, HubRoutes.AdminCounters, Counter(name: X), "name"),
            new("admin", post, HubRoutes.AdminCounters, Counter(camera: X), "cameraId"),
            new("admin", post, HubRoutes.AdminStaff, Staff(user: X), "userName"),
            new("admin", post, HubRoutes.AdminStaff, Staff(display: X), "displayName"),
            new("admin", post, HubRoutes.AdminStaff, Staff(password: X), "password"),
            new("admin", post, HubRoutes.AdminDevices, $$"""{"kind":"Kiosk","name":{{X}}}""", "name"),
            new("admin", put, $"{HubRoutes.AdminPriorityGroups}/{priorityGroupId}", $$"""{"name":{{X}},"sortOrder":1,"askAtKiosk":true,"active":true}""", "name"),
            new("admin", put, $"{HubRoutes.AdminPriorityGroups}/{priorityGroupId}", $$"""{"name":"Người cao tuổi","nameEn":{{X}},"sortOrder":1,"askAtKiosk":true,"active":true}""", "nameEn"),
            new("admin", post, HubRoutes.AdminFields, $$"""{"code":{{X}},"name":"Lĩnh vực"}""", "code"),
            new("admin", post, HubRoutes.AdminFields, $$"""{"code":"LV-Y","name":{{X}}}""", "name"),
            new("admin", post, HubRoutes.AdminFields, $$"""{"code":"LV-Z","name":"Lĩnh vực","nameEn":{{X}}}""", "nameEn"),
            new("admin", post, HubRoutes.AdminProcedures, Procedure(code: X), "code"),
            new("admin", post, HubRoutes.AdminProcedures, Procedure(name: X), "name"),
            new("admin", post, HubRoutes.AdminProcedures, Procedure(level: X), "level"),
            new("admin", post, HubRoutes.AdminProcedures, Procedure(agency: X), "agency"),
            new("admin", post, HubRoutes.AdminProcedures, Procedure(time: X), "processingTime"),
            new("admin", post, HubRoutes.AdminProcedures, Procedure(fees: X), "fees"),
            new("admin", post, HubRoutes.AdminProcedures, Procedure(legal: X), "legalBasis"),
            new("admin", post, HubRoutes.AdminProcedures, Procedure(docName: X), "documents[0].name"),
            new("admin", post, HubRoutes.AdminProcedures, Procedure(docNote: X), "documents[0].note"),
            new("admin", post, HubRoutes.AdminCalendarEntries, Calendar(name: X), "name"),
            new("admin", post, HubRoutes.AdminCalendarEntries, Calendar(nameEn: X), "nameEn"),
        ];
    }

    /// <summary>Sends one bad request; the failure text says what was wrong, null when the answer was right.</summary>
    private static async Task<(string? Failure, int Status)> SendAsync(HttpClient client, Target target, (string Name, string Json, bool MayBeStored) text)
    {
        var body = target.Body.Replace("{0}", text.Json, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(target.Method, target.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var answer = await client.SendAsync(request);
        var raw = await answer.Content.ReadAsStringAsync();
        var what = $"{target.Method} {target.Url} {target.Field} with {text.Name}: {(int)answer.StatusCode} {raw[..Math.Min(raw.Length, 300)]}";
        if (text.MayBeStored && answer.IsSuccessStatusCode)
        {
            // Kept whole: the answer holds the 1,000 emoji as sent, not cut into halves.
            var stored = JsonSerializer.Deserialize<JsonElement>(raw).EnumerateObject()
                .Any(p => p.Value.ValueKind == JsonValueKind.String && p.Value.GetString() == JsonSerializer.Deserialize<string>(text.Json));
            return (stored ? null : what, (int)answer.StatusCode);
        }

        if (answer.StatusCode != HttpStatusCode.BadRequest)
        {
            return (what, (int)answer.StatusCode);
        }

        var problem = JsonSerializer.Deserialize<JsonElement>(raw);
        var named = problem.TryGetProperty("field", out var f) ? f.GetString() : null;
        var detail = problem.TryGetProperty("detail", out var d) ? d.GetString() ?? "" : "";
        var namesField = named is not null
            && (string.Equals(named, target.Field, StringComparison.OrdinalIgnoreCase) || named.StartsWith(target.Field + "[", StringComparison.OrdinalIgnoreCase));
        // The Vietnamese text names the field ("Trường 'reason' ..."), whatever the check that refused it.
        var vietnamese = detail.Contains("Trường", StringComparison.Ordinal) || detail.Contains("không hợp lệ", StringComparison.Ordinal);
        return namesField && vietnamese && detail.Contains(named!, StringComparison.Ordinal) ? (null, 400) : (what, 400);
    }
}

public sealed class SqlitePoisonedTextTests(ITestOutputHelper output) : PoisonedTextTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresPoisonedTextTests(ITestOutputHelper output) : PoisonedTextTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}
