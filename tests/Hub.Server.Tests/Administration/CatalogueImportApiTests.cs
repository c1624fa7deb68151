using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using QueueKiosk.HubClient.Contracts;
using QueueKiosk.HubServer.Administration.Audit;
using QueueKiosk.HubServer.Administration.Import;
using QueueKiosk.HubServer.Tests.Administration.Import;
using QueueKiosk.HubServer.Tests.Infrastructure;
using Xunit.Abstractions;

namespace QueueKiosk.HubServer.Tests.Administration;

/// <summary>
/// The catalogue import over HTTP (docs/administration-import.md): the sample files previewed then
/// written, a file with bad rows refused whole with nothing written, re-import by code, retiring only
/// when asked, and the files refused with a Vietnamese message. Real Kestrel, SQLite and PostgreSQL.
/// The demo data already holds five of the sample's codes, mostly in fields the sample names
/// differently: so fields are created only when asked.
/// </summary>
public abstract class CatalogueImportApiTests(ITestOutputHelper output) : CatalogueAdminTestBase(output)
{
    private const int SampleRows = 20;
    // Of the sample's 11 fields, "Chứng thực" is a demo field too.
    private const int SampleFields = 10;

    // 1.001193, 1.000894, 1.000656, 2.000815 and 2.000884 are demo procedures too.
    private const int SampleCodesInDemo = 5;

    [Fact]
    public async Task SampleCsv_PreviewThenCommit_WritesWhatThePreviewSaid_WithOneAuditRow()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await App.SignInAsync("quantri");
        var proceduresBefore = App.Db(db => db.Procedures.Count());

        var preview = await ImportOkAsync(admin, "thu-tuc-mau.csv", SampleCsv(), preview: true, createFields: true);
        Assert.False(preview.Committed);
        Assert.Equal((SampleRows, 0, SampleRows - SampleCodesInDemo, SampleCodesInDemo, 0), (preview.RowCount, preview.ErrorCount, preview.Created, preview.Updated, preview.Retired));
        Assert.Equal(SampleFields, preview.FieldsCreated.Count);
        Assert.Contains("Hộ tịch", preview.FieldsCreated);
        Assert.All(preview.Rows, r => Assert.Contains(r.Action, new[] { "create", "update" }));
        Assert.Equal(proceduresBefore, App.Db(db => db.Procedures.Count()));

        var committed = await ImportOkAsync(admin, "thu-tuc-mau.csv", SampleCsv(), preview: false, createFields: true);
        Assert.True(committed.Committed);
        Assert.Equal((preview.Created, preview.Updated), (committed.Created, committed.Updated));

        // Read back through the administration API.
        var procedures = (await admin.GetFromJsonAsync<List<ProcedureAdminDto>>(HubRoutes.AdminProcedures))!;
        Assert.Equal(proceduresBefore + SampleRows - SampleCodesInDemo, procedures.Count);
        var birth = Assert.Single(procedures, p => p.Code == "1.001193");
        Assert.Equal(("Hộ tịch", "Miễn phí", 2), (birth.FieldName, birth.Fees, birth.Documents.Count));
        Assert.Equal("Tờ khai đăng ký khai sinh", birth.Documents[0].Name);
        var fields = (await admin.GetFromJsonAsync<List<FieldAdminDto>>(HubRoutes.AdminFields))!;
        Assert.Equal(5 + SampleFields, fields.Count);
        Assert.Contains(fields, f => f.Name == "Hộ tịch" && f.NameEn == "Civil status" && f.Active);

        var audit = Assert.Single(App.Db(db => db.AdminChanges.Where(c => c.Action == AdminActions.Import).ToList()));
        Assert.Equal((AdminEntities.Catalogue, "thu-tuc-mau.csv", "quantri"), (audit.Entity, audit.EntityId, audit.ActorName));
        var summary = JsonDocument.Parse(audit.After!).RootElement;
        Assert.Equal(SampleRows - SampleCodesInDemo, summary.GetProperty("created").GetInt32());
        Assert.Equal(SampleCodesInDemo, summary.GetProperty("updated").GetInt32());
        Assert.Equal(SampleFields, summary.GetProperty("fieldsCreated").GetArrayLength());

        // The kiosk sees the imported procedures at once.
        Assert.Contains(await PublicProceduresAsync(), p => p.Code == "1.004746" && p.FieldName == "Hộ tịch");
    }

    [Fact]
    public async Task SampleXlsx_ThenSampleCsv_TheSecondChangesNothing()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await App.SignInAsync("quantri");
        var first = await ImportOkAsync(admin, "thu-tuc-mau.xlsx", File.ReadAllBytes(SampleFiles.SampleXlsx), preview: false, createFields: true);
        Assert.Equal((SampleRows - SampleCodesInDemo, SampleCodesInDemo), (first.Created, first.Updated));

        var again = await ImportOkAsync(admin, "thu-tuc-mau.csv", SampleCsv(), preview: true);
        Assert.Equal((0, 0, SampleRows, 0), (again.Created, again.Updated, again.Unchanged, again.ErrorCount));
        Assert.All(again.Rows, r => Assert.Equal("unchanged", r.Action));
    }

    [Fact]
    public async Task AFileWithBadRows_IsPreviewedWithEveryProblemNamed_AndRefusedWhole_NothingWritten()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await App.SignInAsync("quantri");
        var csv = Csv(
            "Mã thủ tục,Tên thủ tục,Lĩnh vực,\"Phí, lệ phí\"",
            "9.000001,Thủ tục tốt,Tư pháp - Hộ tịch,Miễn phí",
            ",Không có mã,Tư pháp - Hộ tịch,0",
            "9.000001,Trùng mã,Tư pháp - Hộ tịch,0",
            "9.000003,Lĩnh vực lạ,Thủy sản,0",
            "9.000004,Phí sai,Chứng thực,20 USD");
        var before = Counts();

        var preview = await ImportOkAsync(admin, "loi.csv", csv, preview: true);
        Assert.Equal(4, preview.ErrorCount);
        Assert.Equal(
            [(3, ImportProblems.CodeMissingCode), (4, ImportProblems.CodeDuplicateCode), (5, ImportProblems.UnknownFieldCode), (6, ImportProblems.BadFeeCode)],
            preview.Rows.SelectMany(r => r.Problems).Select(p => (p.Row ?? 0, p.Code)));
        Assert.Equal("create", preview.Rows[0].Action);
        Assert.All(preview.Rows.Skip(1), r => Assert.Equal("error", r.Action));
        var problems = preview.Rows.SelectMany(r => r.Problems).ToList();
        Assert.Contains("Thiếu mã thủ tục", problems[0].Message, StringComparison.Ordinal);
        Assert.Contains("trùng với dòng 2", problems[1].Message, StringComparison.Ordinal);
        Assert.Contains("Lĩnh vực \"Thủy sản\" chưa có", problems[2].Message, StringComparison.Ordinal);
        Assert.Contains("không phải đồng Việt Nam", problems[3].Message, StringComparison.Ordinal);

        using var response = await admin.PostAsync(HubRoutes.AdminCatalogueImport, ImportForm("loi.csv", csv));
        var problem = await AssertProblemAsync(response, CatalogueImportForm.File, "có 4 lỗi nên chưa ghi gì");
        Assert.Equal(4, problem.GetProperty("result").GetProperty("errorCount").GetInt32());
        Assert.Equal(before, Counts());
    }

    [Fact]
    public async Task ReImport_UpdatesByCode_AndReinstatesARetiredOne()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await App.SignInAsync("quantri");
        await ImportOkAsync(admin, "thu-tuc-mau.csv", SampleCsv(), preview: false, createFields: true);
        var marriage = (await admin.GetFromJsonAsync<List<ProcedureAdminDto>>(HubRoutes.AdminProcedures))!.Single(p => p.Code == "1.000894");
        await admin.PostOkAsync<ProcedureAdminDto>($"{HubRoutes.AdminProcedures}/{marriage.Id}/retire");
        var edited = Encoding.UTF8.GetBytes(File.ReadAllText(SampleFiles.SampleCsv)
            .Replace("Đăng ký kết hôn,Marriage registration", "Đăng ký kết hôn (sửa),Marriage registration", StringComparison.Ordinal));

        var result = await ImportOkAsync(admin, "thu-tuc-mau.csv", edited, preview: false);

        Assert.Equal((0, 1, SampleRows - 1), (result.Created, result.Updated, result.Unchanged));
        var update = Assert.Single(result.Updates);
        Assert.Equal(("1.000894", true), (update.Code, update.Reinstated));
        Assert.Equal(["nameVi"], update.ChangedColumns);
        var after = await admin.GetFromJsonAsync<ProcedureAdminDto>($"{HubRoutes.AdminProcedures}/{marriage.Id}");
        Assert.Equal(("Đăng ký kết hôn (sửa)", true), (after!.Name, after.Active));
    }

    [Fact]
    public async Task EnglishNames_AreStored_ComparedOnReImport_KeptWithoutTheColumn_AndReachTheKiosk()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await App.SignInAsync("quantri");
        var first = Csv(
            "Mã thủ tục,Tên thủ tục,Tên tiếng Anh,Lĩnh vực",
            "9.100001,Đăng ký giám hộ,Guardianship registration,Tư pháp - Hộ tịch",
            "9.100002,Đăng ký nhận cha mẹ con,,Tư pháp - Hộ tịch");
        var created = await ImportOkAsync(admin, "en.csv", first, preview: false);
        Assert.Equal(2, created.Created);
        Assert.Equal(("Guardianship registration", (string?)null), (await NameEnAsync(admin, "9.100001"), await NameEnAsync(admin, "9.100002")));
        var kiosk = await PublicProceduresAsync();
        Assert.Equal("Guardianship registration", Assert.Single(kiosk, p => p.Code == "9.100001").NameEn);
        Assert.Null(Assert.Single(kiosk, p => p.Code == "9.100002").NameEn);

        // The same file again changes nothing; a changed English name is an update of that column only.
        var again = await ImportOkAsync(admin, "en.csv", first, preview: true);
        Assert.Equal((0, 0, 2), (again.Created, again.Updated, again.Unchanged));
        var renamed = Csv(
            "Mã thủ tục,Tên thủ tục,Name (English),Lĩnh vực",
            "9.100001,Đăng ký giám hộ,Registration of guardianship,Tư pháp - Hộ tịch",
            "9.100002,Đăng ký nhận cha mẹ con,\"Recognition of parents, children\",Tư pháp - Hộ tịch");
        var updated = await ImportOkAsync(admin, "en2.csv", renamed, preview: false);
        Assert.Equal(2, updated.Updated);
        Assert.All(updated.Updates, u => Assert.Equal(["nameEn"], u.ChangedColumns));
        Assert.Equal("Registration of guardianship", await NameEnAsync(admin, "9.100001"));
        Assert.Equal("Recognition of parents, children", await NameEnAsync(admin, "9.100002"));

        // A file without the English column keeps the stored English names.
        var withoutColumn = await ImportOkAsync(admin, "vi.csv", Csv(
            "Mã thủ tục,Tên thủ tục,Lĩnh vực",
            "9.100001,Đăng ký giám hộ,Tư pháp - Hộ tịch"), preview: false);
        Assert.Equal(1, withoutColumn.Unchanged);
        Assert.Equal("Registration of guardianship", await NameEnAsync(admin, "9.100001"));
    }

    [Fact]
    public async Task ProceduresMissingFromTheFile_AreRetiredOnlyWhenAsked_AndLeaveTheKiosk()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await App.SignInAsync("quantri");
        var demoCount = App.Db(db => db.Procedures.Count(p => p.Active));
        var keep = Csv(
            "Mã thủ tục,Tên thủ tục,Lĩnh vực",
            "1.001193,Đăng ký khai sinh,Tư pháp - Hộ tịch",
            "1.000894,Đăng ký kết hôn,Tư pháp - Hộ tịch");

        var notAsked = await ImportOkAsync(admin, "hai-thu-tuc.csv", keep, preview: false);
        Assert.Equal(0, notAsked.Retired);
        Assert.Equal(demoCount, App.Db(db => db.Procedures.Count(p => p.Active)));

        var asked = await ImportOkAsync(admin, "hai-thu-tuc.csv", keep, preview: true, retireMissing: true);
        Assert.Equal(demoCount - 2, asked.Retired);
        Assert.Contains("1.000656", asked.RetireCodes);
        Assert.Equal(demoCount, App.Db(db => db.Procedures.Count(p => p.Active)));

        var written = await ImportOkAsync(admin, "hai-thu-tuc.csv", keep, preview: false, retireMissing: true);
        Assert.Equal(demoCount - 2, written.Retired);
        Assert.Equal(2, App.Db(db => db.Procedures.Count(p => p.Active)));
        Assert.Equal(demoCount, App.Db(db => db.Procedures.Count()));
        Assert.Equal(["1.000894", "1.001193"], (await PublicProceduresAsync()).Select(p => p.Code).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("danh-muc.txt", "Mã thủ tục,Tên thủ tục,Lĩnh vực\n1,Một,Hộ tịch", ImportProblems.FileTypeCode, "không phải .xlsx hoặc .csv")]
    [InlineData("danh-muc.xls", "Mã thủ tục,Tên thủ tục,Lĩnh vực\n1,Một,Hộ tịch", ImportProblems.FileTypeCode, "không phải .xlsx hoặc .csv")]
    [InlineData("danh-muc.csv", "Cột một,Cột hai\n1,2\n3,4", ImportProblems.NoHeaderRowCode, "Không tìm thấy dòng tiêu đề")]
    [InlineData("danh-muc.csv", "", ImportProblems.FileEmptyCode, "không có dữ liệu")]
    [InlineData("danh-muc.xlsx", "not a zip", ImportProblems.FileUnreadableCode, "Không đọc được tệp")]
    [InlineData("danh-muc.csv", "Mã thủ tục,Lĩnh vực\n1,Hộ tịch", ImportProblems.MissingColumnCode, "Thiếu cột bắt buộc \"Tên thủ tục\"")]
    public async Task AFileThatIsNotACatalogue_IsRefusedInVietnamese_NamingTheFile(string fileName, string content, string code, string text)
    {
        if (App is null)
        {
            return;
        }

        using var admin = await App.SignInAsync("quantri");
        foreach (var preview in new[] { true, false })
        {
            using var response = await admin.PostAsync($"{HubRoutes.AdminCatalogueImport}?preview={(preview ? "true" : "false")}",
                ImportForm(fileName, Encoding.UTF8.GetBytes(content)));
            var problem = await AssertProblemAsync(response, CatalogueImportForm.File, text);
            Assert.Equal(code, problem.GetProperty("code").GetString());
        }

        Assert.Empty(App.Db(db => db.AdminChanges.Where(c => c.Action == AdminActions.Import).ToList()));
    }

    [Fact]
    public async Task AFormWithoutAFile_IsRefused_NamingTheFile()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await App.SignInAsync("quantri");
        using var form = new MultipartFormDataContent { { new StringContent("true"), CatalogueImportForm.RetireMissing } };
        await AssertProblemAsync(await admin.PostAsync(HubRoutes.AdminCatalogueImport, form), CatalogueImportForm.File, "bắt buộc");
        await AssertProblemAsync(await admin.PostAsJsonAsync(HubRoutes.AdminCatalogueImport, new { }), CatalogueImportForm.File, "bắt buộc");
    }

    [Fact]
    public async Task TwoThousandRows_AreWrittenInOneImport_AndReadBack()
    {
        if (App is null)
        {
            return;
        }

        using var admin = await App.SignInAsync("quantri");
        var lines = new List<string> { "Mã thủ tục,Tên thủ tục,Lĩnh vực,Cấp thực hiện,\"Phí, lệ phí\",Thành phần hồ sơ" };
        for (var i = 1; i <= 2000; i++)
        {
            var n = i.ToString("0000", CultureInfo.InvariantCulture);
            lines.Add($"B.{n},Thủ tục số {n},Lĩnh vực {i % 40},Cấp xã,{i * 1000} đồng,\"- Tờ khai (bản chính: 01, bản sao: 0)\n- Giấy tờ {n}\"");
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var previewed = await ImportOkAsync(admin, "lon.csv", Csv([.. lines]), preview: true, createFields: true);
        Output.WriteLine($"TIMING preview {watch.ElapsedMilliseconds} ms");
        watch.Restart();
        var result = await ImportOkAsync(admin, "lon.csv", Csv([.. lines]), preview: false, createFields: true);
        Output.WriteLine($"TIMING commit {watch.ElapsedMilliseconds} ms");
        Assert.Equal(previewed.Created, result.Created);

        Assert.Equal((2000, 2000, 40), (result.RowCount, result.Created, result.FieldsCreated.Count));
        Assert.Equal(2000, App.Db(db => db.Procedures.Count(p => p.Code.StartsWith("B."))));
        var one = (await admin.GetFromJsonAsync<List<ProcedureAdminDto>>($"{HubRoutes.AdminProcedures}?q=B.1999"))!;
        Assert.Equal(("Thủ tục số 1999", "1999000 đồng", 2), (one.Single().Name, one.Single().Fees, one.Single().Documents.Count));
    }

    private static async Task<string?> NameEnAsync(HttpClient admin, string code) =>
        (await admin.GetFromJsonAsync<List<ProcedureAdminDto>>($"{HubRoutes.AdminProcedures}?q={Uri.EscapeDataString(code)}"))!.Single(p => p.Code == code).NameEn;

    private static byte[] SampleCsv() => File.ReadAllBytes(SampleFiles.SampleCsv);

    private static byte[] Csv(params string[] lines) => Encoding.UTF8.GetBytes(string.Join("\n", lines));

    private (int Procedures, int Fields, int Changes) Counts() =>
        App!.Db(db => (db.Procedures.Count(), db.Fields.Count(), db.AdminChanges.Count()));

    private static async Task<CatalogueImportResultDto> ImportOkAsync(HttpClient admin, string fileName, byte[] content, bool preview,
        bool retireMissing = false, bool createFields = false)
    {
        using var form = ImportForm(fileName, content, retireMissing, createFields);
        using var response = await admin.PostAsync($"{HubRoutes.AdminCatalogueImport}?{CatalogueImportForm.Preview}={(preview ? "true" : "false")}", form);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"import failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }

        return (await response.Content.ReadFromJsonAsync<CatalogueImportResultDto>())!;
    }
}

public sealed class SqliteCatalogueImportApiTests(ITestOutputHelper output) : CatalogueImportApiTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => SqliteAsync();
}

public sealed class PostgresCatalogueImportApiTests(ITestOutputHelper output) : CatalogueImportApiTests(output)
{
    protected override Task<(TestDatabase? Database, string? SkipReason)> CreateDatabaseAsync() => PostgresAsync();
}
