using System.Text;
using QueueKiosk.HubServer.Administration.Import;

namespace QueueKiosk.HubServer.Tests.Administration.Import;

public sealed class CatalogueImportPlannerTests
{
    private static readonly CatalogueImportPreview File = CatalogueImportParser.Parse(
        "danh-muc.csv",
        Encoding.UTF8.GetBytes(string.Join(
            "\r\n",
            "Mã thủ tục,Tên thủ tục,Lĩnh vực,\"Phí, lệ phí\"",
            "1.000001,Đăng ký khai sinh,Hộ tịch,Miễn phí",
            "1.000002,Đăng ký kết hôn,Hộ tịch,Miễn phí",
            "1.000003,Chứng thực chữ ký,Chứng thực,10.000 đồng",
            "1.000004,Đăng ký khai tử,Hộ tịch,Miễn phí")));

    [Fact]
    public void Plan_SortsRowsIntoCreatesUpdatesAndUnchanged_AndRetiresNothingUnlessAsked()
    {
        var existing = new[]
        {
            Stored("1.000001", "Đăng ký khai sinh", "Hộ tịch", "Miễn phí"),
            Stored("1.000002", "Đăng ký kết hôn (cũ)", "Hộ tịch", "Miễn phí"),
            Stored("1.000003", "Chứng thực chữ ký", "Chứng thực", "Không") with { IsRetired = true },
            Stored("1.000009", "Thủ tục đã bỏ", "Hộ tịch", null),
        };

        var plan = CatalogueImportPlanner.Plan(File, existing, retireMissing: false);

        Assert.False(plan.IsBlocked);
        Assert.Equal(["1.000004"], plan.Creates.Select(c => c.Code));
        Assert.Equal(["1.000001"], plan.Unchanged);
        Assert.Empty(plan.Retirements);
        Assert.Equal(
            [("1.000002", "nameVi", false), ("1.000003", "fee", true)],
            plan.Updates.Select(u => (u.Code, string.Join(',', u.ChangedColumns), u.Reinstated)));
        var renamed = plan.Updates[0];
        Assert.Equal(("Đăng ký kết hôn (cũ)", "Đăng ký kết hôn"), (renamed.Before.NameVi, renamed.After.NameVi));
    }

    [Fact]
    public void Plan_RetireMissing_RetiresOnlyActiveProceduresTheFileDoesNotList()
    {
        var existing = new[]
        {
            Stored("1.000001", "Đăng ký khai sinh", "Hộ tịch", "Miễn phí"),
            Stored("1.000009", "Thủ tục đã bỏ", "Hộ tịch", null),
            Stored("1.000010", "Thủ tục đã nghỉ từ trước", "Hộ tịch", null) with { IsRetired = true },
        };

        var plan = CatalogueImportPlanner.Plan(File, existing, retireMissing: true);

        Assert.Equal(["1.000009"], plan.Retirements.Select(r => r.Code));
    }

    [Fact]
    public void Plan_MatchesCodesIgnoringCase_AndKeepsTheStoredSpelling()
    {
        var preview = CatalogueImportParser.Parse("a.csv", Encoding.UTF8.GetBytes("Mã thủ tục,Tên thủ tục,Lĩnh vực\r\nabc.1,Tên mới,Hộ tịch"));

        var plan = CatalogueImportPlanner.Plan(preview, [Stored("ABC.1", "Tên cũ", "Hộ tịch", null)], retireMissing: true);

        var update = Assert.Single(plan.Updates);
        Assert.Equal(("ABC.1", "ABC.1"), (update.Code, update.After.Code));
        Assert.Equal(["nameVi"], update.ChangedColumns);
        Assert.Empty(plan.Creates);
        Assert.Empty(plan.Retirements);
    }

    [Fact]
    public void Plan_OfAPreviewWithErrors_IsBlockedAndChangesNothing()
    {
        var preview = CatalogueImportParser.Parse("a.csv", Encoding.UTF8.GetBytes("Mã thủ tục,Tên thủ tục,Lĩnh vực\r\n1,Một,Hộ tịch\r\n1,Hai,Hộ tịch"));

        var plan = CatalogueImportPlanner.Plan(preview, [Stored("9", "Khác", "Hộ tịch", null)], retireMissing: true);

        Assert.True(plan.IsBlocked);
        Assert.False(plan.ChangesAnything);
        Assert.Equal(ImportProblems.CodeDuplicateCode, Assert.Single(plan.Problems).Code);
        Assert.Empty(plan.Retirements);
    }

    [Fact]
    public void Plan_OfARefusedFile_IsBlockedWithTheFileProblem()
    {
        var preview = CatalogueImportParser.Parse("a.docx", [1, 2, 3]);

        var plan = CatalogueImportPlanner.Plan(preview, [], retireMissing: false);

        Assert.Equal(ImportProblems.FileTypeCode, Assert.Single(plan.Problems).Code);
    }

    [Fact]
    public void Plan_CarriesTheFieldsToCreate()
    {
        var preview = CatalogueImportParser.Parse(
            "a.csv",
            Encoding.UTF8.GetBytes("Mã thủ tục,Tên thủ tục,Lĩnh vực\r\n1,Một,Đất đai"),
            new CatalogueImportOptions { KnownFields = [], CreateMissingFields = true });

        var plan = CatalogueImportPlanner.Plan(preview, [], retireMissing: false);

        Assert.Equal([new FieldToCreate("Đất đai", null)], plan.FieldsToCreate);
        Assert.True(plan.ChangesAnything);
    }

    private static ExistingProcedure Stored(string code, string name, string field, string? fee) =>
        new(new ProcedureValues(code, name, null, field, null, null, null, null, fee, null, null), false);
}
