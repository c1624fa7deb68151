using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.KioskUi.CitizenCard;

namespace QueueKiosk.KioskUi.Tests.CitizenCard;

/// <summary>
/// /kiosk-api/citizen (issue 12 item 4) on the real kiosk host, against a hub on real Kestrel
/// (<see cref="FakeHub"/>): a scanned card greets by name and offers the elderly priority by its
/// date of birth; its number goes to the hub only in POST bodies (ticket, dossiers, check-in),
/// never in a URL, a log or an answer to the screen, and is dropped once the ticket is issued.
/// </summary>
public sealed class CitizenCardApiTests : IAsyncLifetime
{
    private const string Number = "079095001234";
    private const string Elderly = "079095001234|025123456|Nguyễn Văn An|15031950|Nam|12 Lê Lợi, Quận 1|01072021";
    private const string Young = "001090012345||Trần Thị Bình|01011990|Nữ|Thôn 3, Xã Tả Van|20052022";
    private const string YoungNumber = "001090012345";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    private readonly ConcurrentQueue<string> _log = new();
    private FakeHub _hub = null!;
    private WebApplicationFactory<Program> _kiosk = null!;
    private HttpClient _screen = null!;

    public async Task InitializeAsync()
    {
        _hub = await FakeHub.StartAsync();
        var folder = Directory.CreateTempSubdirectory("qk-kiosk-cccd-").FullName;
        _kiosk = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Testing");
            b.UseSetting("Kiosk:HubUrl", _hub.BaseAddress.ToString());
            b.UseSetting("Kiosk:DeviceKey", "test-key");
            b.UseSetting("Kiosk:PrinterEnabled", "false");
            b.UseSetting("Kiosk:IgnoreOpeningHours", "true");
            b.UseSetting("Kiosk:CataloguePath", Path.Combine(folder, "catalogue.json"));
            // Everything the host logs, at every level, to look for the number and the name.
            b.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(new CapturingLoggerProvider(_log)));
        });
        _screen = _kiosk.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _screen.Dispose();
        await _kiosk.DisposeAsync();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task ACard_GreetsByName_AndOffersTheElderlyPriority_ByItsDateOfBirth()
    {
        var elderly = await ScanAsync(Elderly);
        Assert.Equal(CitizenAnswerKind.Present, elderly.Kind);
        Assert.Equal("Nguyễn Văn An", elderly.Name);
        Assert.Equal("Nguyễn V** A*", elderly.MaskedName);
        Assert.Equal("Người cao tuổi", elderly.ElderlyChoice);

        var young = await ScanAsync(Young);
        Assert.Equal("Trần Thị Bình", young.Name);
        Assert.Null(young.ElderlyChoice);
        // The later scan replaced the earlier card.
        Assert.Equal("Trần Thị Bình", (await CurrentAsync()).Name);
    }

    [Fact]
    public async Task InEnglish_TheProblemSentenceIsEnglish()
    {
        _screen.DefaultRequestHeaders.Add("Cookie", "kiosk-lang=en");
        var answer = await ScanAsync("079095001234|025123456|Nguyễn Văn An|31021950|Nam|12 Lê Lợi|01072021");
        Assert.Equal(CitizenAnswerKind.Malformed, answer.Kind);
        Assert.Contains("date of birth", answer.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("079095001234|025123456|Nguyễn Văn An|15031950|Nam|12 Lê Lợi", "FieldCount", "7 trường")]
    [InlineData("079095001234|025123456|Nguyễn Văn An|31021950|Nam|12 Lê Lợi|01072021", "DateOfBirth", "Ngày sinh")]
    [InlineData("07909500123X|025123456|Nguyễn Văn An|15031950|Nam|12 Lê Lợi|01072021", "IdNumber", "Số định danh")]
    public async Task AMalformedScan_IsAnsweredWithASentence_AndNothingIsHeldOrLogged(string text, string problem, string field)
    {
        var answer = await ScanAsync(text);

        Assert.Equal(CitizenAnswerKind.Malformed, answer.Kind);
        Assert.Equal(problem, answer.Problem);
        Assert.Contains(field, answer.Message, StringComparison.Ordinal);
        Assert.Null(answer.Name);
        Assert.Equal(CitizenAnswerKind.None, (await CurrentAsync()).Kind);
        AssertNotLogged("0790950012", "Nguyễn Văn An");
    }

    [Fact]
    public async Task ATicket_CarriesTheNumberInItsBody_ThenTheCardIsDropped_AndTheNameMasked()
    {
        await ScanAsync(Elderly);

        var first = await TakeAsync(PriorityCategory.Elderly);

        Assert.Equal("Issued", first.GetProperty("kind").GetString());
        Assert.Equal("Nguyễn V** A*", first.GetProperty("citizenMaskedName").GetString());
        var sent = JsonSerializer.Deserialize<IssueTicketRequest>(Assert.Single(_hub.To(HubRoutes.Tickets)).Body, Json)!;
        Assert.Equal(Number, sent.CitizenIdNumber);
        Assert.Equal(PriorityCategory.Elderly, sent.Priority);
        // Dropped: the screen has no card any more, and the next ticket goes without a number.
        Assert.Equal(CitizenAnswerKind.None, (await CurrentAsync()).Kind);
        var second = await TakeAsync(PriorityCategory.None);
        Assert.Equal(JsonValueKind.Null, second.GetProperty("citizenMaskedName").ValueKind);
        Assert.Null(JsonSerializer.Deserialize<IssueTicketRequest>(_hub.To(HubRoutes.Tickets).Last().Body, Json)!.CitizenIdNumber);
        AssertNeverInAUrlOrALog();
    }

    [Fact]
    public async Task Dossiers_AreAskedInAPostBody_AndShownWithTheirStatus()
    {
        var dossier = new DossierStatusDto("000.00.31.H29-261201-0001", "Nguyễn V** A*", "Đăng ký khai sinh", DossierState.Processing, "Đang giải quyết",
            new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 8), null, null);
        _hub.DossiersByCitizen = () => Results.Ok(new[] { dossier });
        await ScanAsync(Elderly);

        var answer = await PostAsync<CitizenDossiersAnswer>("/kiosk-api/citizen/dossiers");

        Assert.Equal(CitizenDossiersKind.Found, answer.Kind);
        var shown = Assert.Single(answer.Dossiers);
        Assert.Equal(dossier.Code, shown.Code);
        Assert.Contains("đang được giải quyết", shown.Status!.Meaning, StringComparison.Ordinal);
        var asked = Assert.Single(_hub.To(HubRoutes.DossiersByCitizen));
        Assert.Equal("POST", asked.Method);
        Assert.Equal(Number, JsonSerializer.Deserialize<CitizenDossiersRequest>(asked.Body, Json)!.CitizenIdNumber);
        Assert.Equal("vi", asked.AcceptLanguage);
        AssertNeverInAUrlOrALog();
    }

    [Fact]
    public async Task Dossiers_NoneForTheCard_IsSaid()
    {
        _hub.DossiersByCitizen = () => Results.Ok(Array.Empty<DossierStatusDto>());
        await ScanAsync(Young);

        var answer = await PostAsync<CitizenDossiersAnswer>("/kiosk-api/citizen/dossiers");

        Assert.Equal(CitizenDossiersKind.None, answer.Kind);
        Assert.Empty(answer.Dossiers);
    }

    [Fact]
    public async Task Dossiers_FromAHubWithoutTheLookUp_SayInVietnameseItIsNotAvailable()
    {
        await ScanAsync(Elderly);

        var answer = await PostAsync<CitizenDossiersAnswer>("/kiosk-api/citizen/dossiers");

        Assert.Equal(CitizenDossiersKind.Unavailable, answer.Kind);
        Assert.Equal("Chưa tra cứu được hồ sơ theo thẻ căn cước tại đây. Xin tra cứu bằng mã hồ sơ trên giấy biên nhận.", answer.Message);
        // The card stays for the ticket.
        Assert.Equal(CitizenAnswerKind.Present, (await CurrentAsync()).Kind);
    }

    [Theory]
    [InlineData(404, "Không tìm thấy lịch hẹn hôm nay cho thẻ căn cước này.")]
    [InlineData(409, "Lịch hẹn này đã được nhận số lúc 08:40.")]
    public async Task CheckIn_RefusedByTheHub_ShowsItsSentenceAsWritten(int status, string detail)
    {
        _hub.CheckIn = () => FakeHub.Problem(status, detail);
        await ScanAsync(Elderly);

        var answer = await PostAsync<CitizenCheckInAnswer>("/kiosk-api/citizen/check-in");

        Assert.Equal(CitizenCheckInKind.Refused, answer.Kind);
        Assert.Equal(detail, answer.Message);
        var asked = Assert.Single(_hub.To(HubRoutes.AppointmentCheckIn));
        var request = JsonSerializer.Deserialize<AppointmentCheckInRequest>(asked.Body, Json)!;
        Assert.Equal(Number, request.CitizenIdNumber);
        Assert.Null(request.Code);
        AssertNeverInAUrlOrALog();
    }

    [Fact]
    public async Task CheckIn_AtAHubWithoutBookings_SaysInVietnameseItIsNotAvailable()
    {
        await ScanAsync(Elderly);

        var answer = await PostAsync<CitizenCheckInAnswer>("/kiosk-api/citizen/check-in");

        Assert.Equal(CitizenCheckInKind.Unavailable, answer.Kind);
        Assert.Equal("Chưa nhận số theo lịch hẹn bằng thẻ căn cước được. Xin lấy số thứ tự hoặc hỏi cán bộ.", answer.Message);
    }

    [Fact]
    public async Task CheckIn_Issued_ShowsTheTicketAndTheHubsSentence_AndDropsTheCard()
    {
        _hub.CheckIn = () => Results.Ok(new AppointmentCheckInResult(FakeHub.Ticket(number: "H001"), true, "Quý khách đến muộn nên được cấp số như khách không hẹn.", "You are late, so you get a walk-in number."));
        await ScanAsync(Elderly);

        var answer = await PostAsync<CitizenCheckInAnswer>("/kiosk-api/citizen/check-in");

        Assert.Equal(CitizenCheckInKind.CheckedIn, answer.Kind);
        Assert.True(answer.Late);
        Assert.Equal("Quý khách đến muộn nên được cấp số như khách không hẹn.", answer.Message);
        Assert.Equal("H001", answer.Ticket!.Ticket!.Number);
        Assert.Equal("Nguyễn V** A*", answer.Ticket.CitizenMaskedName);
        Assert.Equal(CitizenAnswerKind.None, (await CurrentAsync()).Kind);
    }

    [Fact]
    public async Task WithoutACard_NothingGoesToTheHub()
    {
        Assert.Equal(CitizenDossiersKind.NoCard, (await PostAsync<CitizenDossiersAnswer>("/kiosk-api/citizen/dossiers")).Kind);
        Assert.Equal(CitizenCheckInKind.NoCard, (await PostAsync<CitizenCheckInAnswer>("/kiosk-api/citizen/check-in")).Kind);

        Assert.Empty(_hub.To(HubRoutes.DossiersByCitizen));
        Assert.Empty(_hub.To(HubRoutes.AppointmentCheckIn));
    }

    [Fact]
    public async Task Xong_DropsTheCard_AndAnswersTheMaskedName()
    {
        await ScanAsync(Young);

        using var forget = await _screen.DeleteAsync(new Uri("/kiosk-api/citizen", UriKind.Relative));
        var answer = (await forget.Content.ReadFromJsonAsync<CitizenAnswer>(Json))!;

        Assert.Equal("Trần T** B***", answer.MaskedName);
        Assert.Equal(CitizenAnswerKind.None, (await CurrentAsync()).Kind);
        var ticket = await TakeAsync(PriorityCategory.None);
        Assert.Equal("Issued", ticket.GetProperty("kind").GetString());
        Assert.DoesNotContain(YoungNumber, _hub.To(HubRoutes.Tickets).Last().Body, StringComparison.Ordinal);
    }

    private async Task<CitizenAnswer> ScanAsync(string text)
    {
        using var response = await _screen.PostAsJsonAsync("/kiosk-api/citizen/scan", new CitizenScanBody(text), Json);
        response.EnsureSuccessStatusCode();
        var raw = await response.Content.ReadAsStringAsync();
        // The screen gets the name, never the number.
        Assert.DoesNotContain(Number, raw, StringComparison.Ordinal);
        Assert.DoesNotContain(YoungNumber, raw, StringComparison.Ordinal);
        return JsonSerializer.Deserialize<CitizenAnswer>(raw, Json)!;
    }

    private async Task<CitizenAnswer> CurrentAsync() => (await _screen.GetFromJsonAsync<CitizenAnswer>("/kiosk-api/citizen", Json))!;

    private async Task<T> PostAsync<T>(string path)
    {
        using var response = await _screen.PostAsJsonAsync(path, new { }, Json);
        response.EnsureSuccessStatusCode();
        var raw = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(Number, raw, StringComparison.Ordinal);
        return JsonSerializer.Deserialize<T>(raw, Json)!;
    }

    private async Task<JsonElement> TakeAsync(PriorityCategory priority)
    {
        using var response = await _screen.PostAsJsonAsync("/kiosk-api/tickets", new { serviceId = FakeHub.ServiceId, priority = priority.ToString() }, Json);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(Json);
    }

    private void AssertNeverInAUrlOrALog()
    {
        Assert.All(_hub.Requests, r => Assert.DoesNotContain("0790950012", r.PathAndQuery, StringComparison.Ordinal));
        AssertNotLogged("0790950012", "Nguyễn Văn An");
    }

    private void AssertNotLogged(params string[] secrets)
    {
        Assert.NotEmpty(_log);
        foreach (var secret in secrets)
        {
            Assert.DoesNotContain(_log, line => line.Contains(secret, StringComparison.Ordinal));
        }
    }

    private sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, lines);

        public void Dispose()
        {
        }

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
                lines.Enqueue($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
