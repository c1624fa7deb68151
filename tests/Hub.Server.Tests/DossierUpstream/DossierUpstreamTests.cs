using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Tests.Infrastructure;

namespace QueueKiosk.HubServer.Tests.DossierUpstream;

/// <summary>
/// Dossier status from upstream (docs/province.md): a province tier (real Kestrel) holds statuses
/// pushed with its admin key; a site hub configured with Province:Url and Province:SiteKey asks it, caches the answer
/// in its Dossiers table, and with the province gone answers from the cache, "may be out of date, as of".
/// </summary>
public sealed class DossierUpstreamTests : IAsyncLifetime
{
    private const string SiteKey = "site-key-for-tests-0001";
    private const string AdminKey = "province-admin-key-0001";
    private const string Code = "000.00.14.H56-261120-0001";

    private readonly SqliteTestDatabase _provinceDatabase = new();
    private readonly SqliteTestDatabase _siteDatabase = new();
    private HubApp _province = null!;
    private HubApp _site = null!;
    private bool _provinceStopped;

    public Task InitializeAsync()
    {
        _province = new HubApp(_provinceDatabase, kestrel: true, settings: new Dictionary<string, string?>
        {
            ["ProvinceDossiers:Enabled"] = "true",
            ["ProvinceDossiers:AdminKey"] = AdminKey,
            ["ProvinceDossiers:SiteKeys:0"] = SiteKey,
        });
        _site = new HubApp(_siteDatabase, settings: new Dictionary<string, string?>
        {
            ["Province:Url"] = _province.ServerAddress.ToString(),
            ["Province:SiteKey"] = SiteKey,
            ["Province:DossierTimeoutMilliseconds"] = "5000",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _site.DisposeAsync();
        if (!_provinceStopped)
        {
            await _province.DisposeAsync();
        }

        await _siteDatabase.DisposeAsync();
        await _provinceDatabase.DisposeAsync();
    }

    [Fact]
    public async Task UpstreamUp_AnswersFresh_ThenUpstreamDown_AnswersFromTheCacheWithAsOf()
    {
        await PushAsync(Status(DossierState.Processing));
        using var kiosk = _site.Kiosk();
        var fresh = await LookupAsync(kiosk);
        Assert.Equal(DossierState.Processing, fresh.State);
        Assert.Equal("Nguyễn V** A*", fresh.MaskedApplicantName);
        Assert.False(fresh.MayBeOutdated);
        Assert.NotNull(fresh.StatusAsOf);

        // The province's newer status reaches the kiosk at the next look-up.
        await PushAsync(Status(DossierState.ReadyForPickup) with { CompletedOn = new DateOnly(2026, 11, 23) });
        var newer = await LookupAsync(kiosk);
        Assert.Equal(DossierState.ReadyForPickup, newer.State);
        Assert.Equal("Đã có kết quả, mời nhận", newer.StateText);
        Assert.False(newer.MayBeOutdated);

        await _province.DisposeAsync();
        _provinceStopped = true;
        var cached = await LookupAsync(kiosk);
        Assert.Equal(DossierState.ReadyForPickup, cached.State);
        Assert.Equal(new DateOnly(2026, 11, 23), cached.CompletedOn);
        Assert.True(cached.MayBeOutdated);
        Assert.Equal(newer.StatusAsOf, cached.StatusAsOf);

        // A code the site never had cached: not found, even with the link down.
        var never = await kiosk.GetAsync(HubRoutes.Dossier("000.00.14.H56-261120-0999"));
        Assert.Equal(HttpStatusCode.NotFound, never.StatusCode);
    }

    [Fact]
    public async Task UnknownCode_IsNotFound_WithTheVietnameseMessage()
    {
        using var kiosk = _site.Kiosk();
        var answer = await kiosk.GetAsync(HubRoutes.Dossier("000.00.14.H56-261120-0777"));
        Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Không tìm thấy hồ sơ", body.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Province_RefusesWrongKeys_AndBadBatches_NamingTheField()
    {
        using var client = _province.CreateClient();
        using (var wrongSite = new HttpRequestMessage(HttpMethod.Get, HubRoutes.ProvinceDossier(Code)))
        {
            wrongSite.Headers.Add(HubRoutes.SiteKeyHeader, "not-a-site-key");
            await AssertProblemAsync(await client.SendAsync(wrongSite), HttpStatusCode.Unauthorized, HubRoutes.SiteKeyHeader, "khóa đơn vị không đúng");
        }

        await AssertProblemAsync(await PutAsync(client, "wrong-admin-key", new ProvinceDossierBatch([Status(DossierState.Received)])),
            HttpStatusCode.Unauthorized, HubRoutes.ProvinceAdminKeyHeader, "khóa quản trị của tỉnh không đúng");
        await AssertProblemAsync(await PutAsync(client, AdminKey, new ProvinceDossierBatch([])), HttpStatusCode.BadRequest, "dossiers", "từ 1 đến 1000 hồ sơ");
        await AssertProblemAsync(await PutAsync(client, AdminKey, new ProvinceDossierBatch([Status(DossierState.Received) with { Code = "12345" }])),
            HttpStatusCode.BadRequest, "dossiers[0].code", "mã hồ sơ không đúng định dạng");
        await AssertProblemAsync(await PutAsync(client, AdminKey, new ProvinceDossierBatch([Status(DossierState.Received), Status(DossierState.Received) with { DueOn = new DateOnly(2026, 11, 1) }])),
            HttpStatusCode.BadRequest, "dossiers[1].dueOn", "ngày hẹn trả phải từ ngày nhận");
        await AssertProblemAsync(await PutAsync(client, AdminKey, new ProvinceDossierBatch([Status(DossierState.Received) with { ApplicantName = " " }])),
            HttpStatusCode.BadRequest, "dossiers[0].applicantName", "bắt buộc");
    }

    private static ProvinceDossierStatus Status(DossierState state) =>
        new(Code, "Nguyễn Văn An", "Cấp giấy phép xây dựng (mẫu)", state, new DateOnly(2026, 11, 20), new DateOnly(2026, 12, 4));

    private async Task PushAsync(ProvinceDossierStatus status)
    {
        using var client = _province.CreateClient();
        var answer = await PutAsync(client, AdminKey, new ProvinceDossierBatch([status]));
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        Assert.Equal(1, (await answer.Content.ReadFromJsonAsync<ProvinceDossierBatchResult>())!.Stored);
    }

    private static async Task<HttpResponseMessage> PutAsync(HttpClient client, string key, ProvinceDossierBatch batch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Put, HubRoutes.ProvinceDossiers) { Content = JsonContent.Create(batch) };
        request.Headers.Add(HubRoutes.ProvinceAdminKeyHeader, key);
        return await client.SendAsync(request);
    }

    private static async Task<DossierStatusDto> LookupAsync(HttpClient kiosk)
    {
        var answer = await kiosk.GetAsync(HubRoutes.Dossier(Code));
        Assert.True(answer.IsSuccessStatusCode, await answer.Content.ReadAsStringAsync());
        return (await answer.Content.ReadFromJsonAsync<DossierStatusDto>())!;
    }

    private static async Task AssertProblemAsync(HttpResponseMessage answer, HttpStatusCode status, string field, string vietnamese)
    {
        Assert.Equal(status, answer.StatusCode);
        var body = await answer.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(field, body.GetProperty("field").GetString());
        var detail = body.GetProperty("detail").GetString()!;
        Assert.Contains(vietnamese, detail, StringComparison.Ordinal);
        Assert.Contains(field, detail, StringComparison.Ordinal);
    }
}
